// Findings → LSP diagnostics (code = rule id, source gov-report, related cells).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { pick, type Lang } from '../../../shared/src/index';
import type { Analysis } from '../analysis';
import { toLspRange } from '../lsp';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Set by the VS Code client: a link its URI handler opens as a rendered, read-only page. */
let ruleLinkBase: string | undefined;
export function setRuleLinkBase(base: string | undefined): void {
  ruleLinkBase = base;
}

/** Where the rule pages are: docs/rules next to dist/ in the installed extension (other editors). */
export function ruleDocUri(ruleId: string, baseDir: string): string {
  if (ruleLinkBase) return `${ruleLinkBase}/rule/${ruleId}`;
  return pathToFileURL(join(baseDir, 'docs', 'rules', `${ruleId}.md`)).toString();
}

export function toDiagnostics(a: Analysis, lang: Lang, baseDir: string): Diagnostic[] {
  if (a.tooLarge) {
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: 'gov-report',
      code: 'too-large',
      message: lang === 'en'
        ? `This document (${(a.tooLarge.length / 1e6).toFixed(1)} MB) is too large to check while typing; run "gov-report check" on it instead.`
        : `文档过大（${(a.tooLarge.length / 1e6).toFixed(1)} MB），编辑时不做检查；请用命令行 gov-report check 检查。`,
    }];
  }
  if (!a.active) return [];
  const uri = a.uri;
  return a.findings.map((f) => ({
    range: toLspRange(a.model.lines, f.range),
    severity: SEVERITY[f.severity],
    source: 'gov-report',
    code: f.ruleId,
    codeDescription: { href: ruleDocUri(f.ruleId, baseDir) },
    message: pick(f.message, lang),
    ...(f.related.length > 0
      ? { relatedInformation: f.related.map((r) => ({ location: { uri, range: toLspRange(a.model.lines, r.range) }, message: pick(r.message, lang) })) }
      : {}),
    data: { fixable: f.fix !== undefined },
  }));
}
