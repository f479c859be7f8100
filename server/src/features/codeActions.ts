// Quick fixes from the findings' fixes; "fix all totals" and source.fixAll.gov-report from the
// core's fix-all (minimal edits: only the cells it fixes change).
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { fixAllEdits, pick, type CheckOptions, type FixAllOptions, type Lang } from '../../../shared/src/index';
import type { Analysis } from '../analysis';
import { toLspRange } from '../lsp';
import { silenceActions, type SilenceContext } from './silence';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gov-report`;

export function codeActions(
  a: Analysis, uri: string, range: { start: number; end: number }, contextDiagnostics: Diagnostic[], only: string[] | undefined, lang: Lang,
  options: CheckOptions & FixAllOptions,
  silence?: SilenceContext,
): CodeAction[] {
  if (!a.active || a.tooLarge) return [];
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  const silenced: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const f of a.findings) {
      // The determined fix, else the equally likely ones, most likely first.
      const fixes = f.fix ? [f.fix] : f.alternatives ?? [];
      if (f.range.end < range.start || f.range.start > range.end) continue;
      const diagnostic = contextDiagnostics.find((d) => d.code === f.ruleId && sameRange(d, toLspRange(a.model.lines, f.range)));
      if (silence) silenced.push(...silenceActions(a, f, diagnostic, silence, lang));
      for (const fix of fixes) {
        out.push({
          title: pick(fix.title, lang),
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.safe,
          ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
          edit: { changes: { [uri]: [fix.edit, ...(fix.extraEdits ?? [])].map((e) => ({ range: toLspRange(a.model.lines, e.range), newText: e.newText })) } },
        });
      }
    }
  }
  const all = () => fixAllTextEdits(a, options);
  // Offered beside a problem it fixes, never under one it cannot (a missing row, a title).
  const inRange = (f: (typeof a.findings)[number]) => f.range.end >= range.start && f.range.start <= range.end;
  if (wants(CodeActionKind.QuickFix) && a.findings.some((f) => f.fix?.safe && inRange(f))) {
    const edits = all();
    if (edits.length > 1) {
      out.push({ title: lang === 'en' ? 'Fix all totals and numbering in this document' : '修复本文档所有可确定的问题（总计、编号等）', kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits } } });
    }
  }
  // Silencing comes after every fix.
  out.push(...silenced);
  if (only && wants(FIX_ALL_KIND) && !only.includes(CodeActionKind.QuickFix)) {
    const edits = all();
    if (edits.length > 0) out.push({ title: lang === 'en' ? 'Fix all (gov-report)' : '全部修复（gov-report）', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return out;
}

function fixAllTextEdits(a: Analysis, options: CheckOptions & FixAllOptions): TextEdit[] {
  // Reuse the cached findings of this version; later passes parse as the document was parsed.
  return fixAllEdits(a.model.text, { ...options, html: a.model.html === true }, 10, a.findings).map((e) => ({ range: toLspRange(a.model.lines, e.range), newText: e.newText }));
}

function sameRange(d: Diagnostic, r: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  return d.range.start.line === r.start.line && d.range.start.character === r.start.character && d.range.end.line === r.end.line && d.range.end.character === r.end.character;
}
