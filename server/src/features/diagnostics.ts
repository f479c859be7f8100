// Findings → LSP diagnostics (code = rule id, source gov-report, related cells).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { message, pick, type Lang } from '../../../shared/src/index';
import { EDITOR_CHECK_TIME_MS, type Analysis } from '../analysis';
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
  // Not checked (too large to check while typing, or over the time budget): said once, at the top.
  if (a.tooLarge || a.tooSlow) {
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: 'gov-report',
      code: a.tooLarge ? 'too-large' : 'too-slow',
      message: pick(a.tooLarge ? message('editor.tooLarge', { size: (a.tooLarge.length / 1e6).toFixed(1) }) : message('editor.tooSlow', { seconds: EDITOR_CHECK_TIME_MS / 1000 }), lang),
    }];
  }
  if (!a.active) return [];
  const uri = a.uri;
  return a.findings.map((f) => ({
    range: toLspRange(a.model.lines, f.range),
    // A finding a reviewer dismissed, shown at all, is a hint with its reason.
    severity: f.review?.decision === 'dismissed' ? DiagnosticSeverity.Hint : SEVERITY[f.severity],
    source: 'gov-report',
    code: f.ruleId,
    codeDescription: { href: ruleDocUri(f.ruleId, baseDir) },
    message: pick(f.message, lang) + decisionNote(f, lang),
    ...(f.related.length > 0
      ? { relatedInformation: f.related.map((r) => ({ location: { uri, range: toLspRange(a.model.lines, r.range) }, message: pick(r.message, lang) })) }
      : {}),
    data: { fixable: f.fix !== undefined },
  }));
}

/** " 〔已排除：理由〕" after a decided finding's message. */
function decisionNote(f: Analysis['findings'][number], lang: Lang): string {
  const r = f.review;
  if (!r) return '';
  return ` ${pick(r.reason ? message(`cli.decision.${r.decision}`, { reason: r.reason }) : message(`cli.decision.${r.decision}.bare`), lang)}`;
}
