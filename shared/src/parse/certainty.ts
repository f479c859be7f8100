// How sure each part of the model is (model.ts `Certainty`): from what the reader said of the text
// (the stretches whose lines and cells it cut itself) and what the interpreter decided (columns.ts
// marks identity splits, placed rows and figures whose column is unknown). Set once per parse;
// check() caps findings by it, and nothing downstream guesses it again.
import type { Certainty, Section, Table, TableId } from '../model';
import type { Range } from '../text';

type Spans = ReadonlyArray<{ start: number; end: number }>;

/** Marks the rows, cells, tables and sections read from `spans` as inferred. */
export function markCertainty(tables: Partial<Record<TableId, Table>>, sections: Section[], spans: Spans): void {
  const inSpan = spans.length === 0 ? () => false : (r: Range) => overlapsAny(spans, r);
  for (const t of Object.values(tables) as Table[]) {
    let read: Certainty = 'sure';
    for (const r of t.rows) {
      if (!r.read && inSpan(r.labelRange)) r.read = 'inferred';
      if (r.read) read = 'inferred';
      if (spans.length > 0) for (const c of r.cells) if (!c.read && inSpan(c.range)) c.read = 'inferred';
    }
    if (read === 'sure' && t.headers.some((h) => inSpan(h.range))) read = 'inferred';
    if (read === 'sure' && spans.length > 0 && inSpan(t.range)) read = 'inferred';
    t.read = t.stray?.apart ? 'unread' : read;
  }
  for (const s of sections) if (inSpan(s.headingRange)) s.read = 'inferred';
}

/** Whether `r` meets one of the sorted, disjoint `spans` (a zero-width range where it stands). */
export function overlapsAny(spans: Spans, r: Range): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as { start: number; end: number };
    if (s.end < r.start) lo = mid + 1;
    else if (s.start > r.end || (s.start === r.end && r.end > r.start)) hi = mid - 1;
    else return true;
  }
  return false;
}
