// Folding ranges: each section and each table. In Markdown, sections written as Markdown headings
// are already folded by Markdown itself: only the tables are added.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../analysis';

export function foldingRanges(a: Analysis): FoldingRange[] {
  if (!a.active) return [];
  const lines = a.model.lines;
  const out: FoldingRange[] = [];
  const push = (start: number, end: number, kind?: FoldingRangeKind) => {
    const s = lines.positionAt(start).line;
    const e = lines.positionAt(Math.max(start, end - 1)).line;
    if (e > s) out.push({ startLine: s, endLine: e, ...(kind ? { kind } : {}) });
  };
  const markdown = a.languageId === 'markdown';
  for (const s of a.model.sections) if (!(markdown && s.markdownLevel > 0)) push(s.range.start, s.range.end);
  for (const t of Object.values(a.model.tables)) if (t) push(t.range.start, t.range.end, FoldingRangeKind.Region);
  return out;
}
