// A table broken by a page goes on: a ruled table at the top of a page with the columns of the one
// that ended the page before, or a table without rules at the top of the page after one that ended
// the page before. The rest of a cell broken by the page joins the cell above the break.
import { latticeToRows } from './lattice';
import { lineText } from './lines';
import { FIGURE } from './patterns';
import { NUMBERED_LABEL } from '../../format/patterns';
import { PDF_SETTINGS } from './settings';
import type { Lattice, PdfBlock, PdfLine } from './types';
import { isCornerNote, isTable2Header, isTable3Header } from '../../format/labels';

/** The same columns (a table broken by the page goes on with its ruled columns). */
export function sameColumns(a: Lattice, b: Lattice): boolean {
  return a.xs.length === b.xs.length && a.xs.every((x, k) => Math.abs(x - (b.xs[k] as number)) <= PDF_SETTINGS.table.columnAlign);
}

/**
 * A ruled table broken by the page: a label cell at the top of the new page that is not numbered
 * is the rest of the cell above the break ("（四）无" / "法提供"): its text joins that cell, and it
 * stays blank here. Returns the rows of the previous page's table whose text changed (`prev.rows`
 * holds them as they read now), to be written again.
 */
export function joinLatticeAcrossPage(prev: { lattice: Lattice; rows: string[][] }, next: Lattice): number[] {
  const lastRow = prev.lattice.at.length - 1;
  // The header repeated at the top of the page (Word's "repeat header row") is no continuation:
  // the rest of the broken cell, if any, is in the first row under it.
  const isHeader = (c: { text: string }) => c.text !== '' && (isCornerNote(c.text) || isTable2Header(c.text) || isTable3Header(c.text));
  let top = 0;
  while (top < next.at.length && next.cells.some((c) => c.row <= top && top < c.row + c.rowSpan && isHeader(c))) top++;
  const figureColumn = firstFigureColumn(next);
  const changed: number[] = [];
  for (const cell of next.cells) {
    if (cell.row !== top || cell.col >= figureColumn || !cell.text || NUMBERED_LABEL.test(cell.text) || isHeader(cell)) continue;
    const above = prev.lattice.cells[prev.lattice.at[lastRow]?.[cell.col] ?? -1];
    if (!above || !above.text || above.col !== cell.col) continue;
    above.text += cell.text;
    cell.text = '';
    prev.rows[above.row] = latticeToRows(prev.lattice)[above.row] as string[];
    if (!changed.includes(above.row)) changed.push(above.row);
  }
  return changed;
}

function firstFigureColumn(l: Lattice): number {
  let first = l.xs.length;
  for (const c of l.cells) if (FIGURE.test(c.text) && c.col < first) first = c.col;
  return first;
}

/**
 * A table without rules broken by the page: the label lines at the top of the new page, before its
 * first row, that are not numbered and stand over the labels only are the rest of the last row's
 * label ("5.属于" / "三类内部事务信息"). They join that row (placed after its own lines), and the
 * table goes on.
 */
export function joinStreamAcrossPage(before: readonly PdfBlock[], blocks: PdfBlock[]): void {
  const last = before[before.length - 1];
  if (last?.kind !== 'table' || !last.stream) return;
  let m = 0;
  while (blocks[m]?.kind === 'line') m++;
  const next = blocks[m];
  if (m === 0 || next?.kind !== 'table' || !next.stream || next.header.length > 0) return;
  const labelRight = Math.min(...next.rows.map((r) => r.figures[0]!.left));
  const lines = blocks.slice(0, m).map((b) => (b as { line: PdfLine }).line);
  if (!lines.every((l) => l.boxes.every((b) => b.right <= labelRight)) || NUMBERED_LABEL.test(lineText(lines[0]!.boxes))) return;
  const row = last.rows[last.rows.length - 1]!;
  // Below everything of the page before, so that the row's text reads in order.
  const shift = Math.max(...row.labels.map((p) => p.box.base)) + 1;
  for (const l of lines) for (const b of l.boxes) row.labels.push({ box: { ...b, top: b.top + shift, base: b.base + shift, mid: b.mid + shift } });
  blocks.splice(0, m);
}
