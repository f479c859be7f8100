// Folding ranges: each section and each table.
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
  for (const s of a.model.sections) push(s.range.start, s.range.end);
  for (const t of Object.values(a.model.tables)) if (t) push(t.range.start, t.range.end, FoldingRangeKind.Region);
  return out;
}
