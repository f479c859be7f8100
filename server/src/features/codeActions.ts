// Quick fixes from the findings' fixes; "fix all totals" and source.fixAll.gov-report from the
// core's fix-all (minimal edits: only the cells it fixes change).
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { applyEdits, fixAllEdits, followedWereComputed, followFix, pick, totalsFollowing, type CheckOptions, type FixAllOptions, type Lang, type ReportModel } from '../../../shared/src/index';
import type { Analysis } from '../analysis';
import { toLspRange } from '../lsp';
import { silenceActions, type SilenceContext } from './silence';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gov-report`;

/** What the editor knows of the writer's edits: the document as opened (to tell a computed total
 *  from a typed one), and the texts the actions offered here would make (so that applying one is
 *  not taken for typing). */
export interface EditHistory {
  before: () => ReportModel;
  offered: (text: string, edits: ReadonlyArray<{ range: { start: number; end: number }; newText: string }>) => void;
}

const ARITHMETIC = new Set(['wrong-cell', 'balance', 'outcome-total', 'row-total', 'review-total']);

export function codeActions(
  a: Analysis, uri: string, range: { start: number; end: number }, contextDiagnostics: Diagnostic[], only: string[] | undefined, lang: Lang,
  options: CheckOptions & FixAllOptions,
  silence?: SilenceContext,
  history?: EditHistory,
): CodeAction[] {
  if (!a.active || a.tooLarge) return [];
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  const silenced: CodeAction[] = [];
  // The totals that follow what the writer typed: the preferred fix of the relations it breaks.
  const following = options.protect?.length ? totalsFollowing(a.model, options.protect) : [];
  const follow = followFix(following);
  const lsp = (edits: ReadonlyArray<{ range: { start: number; end: number }; newText: string }>) => edits.map((e) => ({ range: toLspRange(a.model.lines, e.range), newText: e.newText }));
  const broken = a.findings.filter((f) => ARITHMETIC.has(f.ruleId) && f.range.end >= range.start && f.range.start <= range.end);
  if (follow && wants(CodeActionKind.QuickFix) && broken.length) {
    const edits = [follow.edit, ...(follow.extraEdits ?? [])];
    history?.offered(applyEdits(a.model.text, edits), edits);
    const diagnostics = contextDiagnostics.filter((d) => broken.some((f) => d.code === f.ruleId && sameRange(d, toLspRange(a.model.lines, f.range))));
    out.push({ title: pick(follow.title, lang), kind: CodeActionKind.QuickFix, isPreferred: true, ...(diagnostics.length ? { diagnostics } : {}), edit: { changes: { [uri]: lsp(edits) } } });
  }
  if (wants(CodeActionKind.QuickFix)) {
    const editsKey = (edits: ReadonlyArray<{ range: { start: number; end: number }; newText: string }>) => edits.map((e) => `${e.range.start}:${e.range.end}:${e.newText}`).sort().join('|');
    const followKey = follow && broken.length ? editsKey([follow.edit, ...(follow.extraEdits ?? [])]) : undefined;
    for (const f of a.findings) {
      // The determined fix, else the equally likely ones, most likely first.
      const fixes = f.fix ? [f.fix] : f.alternatives ?? [];
      if (f.range.end < range.start || f.range.start > range.end) continue;
      const diagnostic = contextDiagnostics.find((d) => d.code === f.ruleId && sameRange(d, toLspRange(a.model.lines, f.range)));
      if (silence) silenced.push(...silenceActions(a, f, diagnostic, silence, lang));
      for (const fix of fixes) {
        const edits = [fix.edit, ...(fix.extraEdits ?? [])];
        // 更新合计 from the typed ranges already offers these very edits.
        if (fix.follow && editsKey(edits) === followKey) continue;
        // Applying 更新合计 writes totals, not the writer's figures.
        if (fix.follow) history?.offered(applyEdits(a.model.text, edits), edits);
        out.push({
          title: pick(fix.title, lang),
          kind: CodeActionKind.QuickFix,
          isPreferred: (fix.safe || fix.follow === true) && out.length === 0,
          ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
          edit: { changes: { [uri]: [fix.edit, ...(fix.extraEdits ?? [])].map((e) => ({ range: toLspRange(a.model.lines, e.range), newText: e.newText })) } },
        });
      }
    }
  }
  // Fix-all: the safe fixes, and the following totals when each was blank or computed in the
  // document as opened (a total the writer typed as a figure of its own is never recomputed).
  const all = () => {
    const follows = following.length && history && followedWereComputed(following, history.before()) ? [follow!.edit, ...(follow!.extraEdits ?? [])] : [];
    const clash = (e: { range: { start: number; end: number } }) => follows.some((f) => f.range.start < e.range.end + 1 && e.range.start < f.range.end + 1);
    const edits = [...fixAllEdits(a.model.text, { ...options, html: a.model.html === true }, 10, a.findings).filter((e) => !clash(e)), ...follows].sort((x, y) => x.range.start - y.range.start);
    if (edits.length) history?.offered(applyEdits(a.model.text, edits), edits);
    return lsp(edits);
  };
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

function sameRange(d: Diagnostic, r: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  return d.range.start.line === r.start.line && d.range.start.character === r.start.character && d.range.end.line === r.end.line && d.range.end.character === r.end.character;
}
