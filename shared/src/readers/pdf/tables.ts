// Stage 3 (outside the lattices): a page's lines → blocks, each a line of text or a table read from
// where its text stands. A table row is a line that ends in figures; its band reaches to the
// ruling lines around it (or halfway to the next row when the table has none), and every label
// item inside the band, above or below the figures, belongs to it — so a wrapped label is joined
// with its row. A label whose ruled cell spans several rows (三、本年度办理结果, （三）不予公开) is a
// group label, put in front of the first row it spans. Without any rule on the page (stream mode)
// labels are placed by how text flows in a cell (flow.ts). Figures are placed in the table's
// columns (the x positions the figures of all its rows share), so a blank cell stays blank in its
// own column. The lines just above the first row are the table's header (headers.ts).
import { placeFlowing } from './flow';
import { headerRows, takeHeaderLines } from './headers';
import { lineToFigures } from './lines';
import { boxToCell, ruledLinesToRulings } from './rulings';
import { PDF_SETTINGS } from './settings';
import type { FigureRow, PdfBlock, PdfBox, PdfLine, RuledLine, Rulings } from './types';

const S = PDF_SETTINGS.table;

/** A line that ends in figures, and those figures. */
export interface FigureLine {
  line: PdfLine;
  figures: PdfBox[];
}

/** The lines of one table: its rows' lines, the label lines between them, and those after the last
 *  (`pending`, up to `end`, which may still belong to it). */
interface TableLines {
  figureLines: FigureLine[];
  between: PdfLine[];
  pending: PdfLine[];
  end: number;
}

export function linesToBlocks(lines: PdfLine[], ruled: RuledLine[]): Array<Exclude<PdfBlock, { kind: 'lattice' }>> {
  const rulings = ruledLinesToRulings(ruled);
  // No ruling lines on the page: the table is read from where its text stands (stream mode).
  const stream = ruled.length === 0;
  const blocks: Array<Exclude<PdfBlock, { kind: 'lattice' }>> = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const figures = lineToFigures(line);
    if (figures.length === 0) {
      blocks.push({ kind: 'line', line });
      i++;
      continue;
    }
    const table = gatherTableLines(lines, i, { line, figures }, stream);
    const { rows, labelRight, trailing } = tableLinesToRows(table, rulings, stream);
    const header = takeHeaderLines(blocks, rows, rulings, labelRight);
    const head = headerRows(header, rulings, figureColumns(rows));
    blocks.push({ kind: 'table', rows, header: head.rows, headerAligned: head.aligned, stream });
    i = table.end - table.pending.length + trailing.length;
  }
  return blocks;
}

/** A table: this figure line and the following ones, with the label lines between them, while
 *  rows follow each other closely. */
function gatherTableLines(lines: PdfLine[], start: number, first: FigureLine, stream: boolean): TableLines {
  const figureLines: FigureLine[] = [first];
  const between: PdfLine[] = [];
  let j = start + 1;
  let pending: PdfLine[] = [];
  let figuresLeft = first.figures[0]!.left;
  let labelsRight = Math.max(-Infinity, ...first.line.boxes.slice(0, first.line.boxes.length - first.figures.length).map((b) => b.right));
  while (j < lines.length) {
    const next = lines[j]!;
    const f = lineToFigures(next);
    const last = figureLines[figureLines.length - 1]!.line;
    // Rows follow each other closely; without rules, a label wrapped over many lines in a narrow
    // column keeps its row going (the distance is from the line above, not from the last row).
    const above = stream ? (pending[pending.length - 1] ?? last) : last;
    if (next.base - above.base > S.rowDistance * Math.max(above.size, next.size)) break;
    // Without rules, words that reach over the figure columns between two rows are the header of
    // the table that follows (表1's items, one under the other) or the text after the table.
    // So are words in a column right of every label the rows have (a header centred over a
    // wide figure column).
    if (stream && !f.length && next.boxes.some((b) => b.right > figuresLeft || (labelsRight > -Infinity && b.left >= labelsRight + S.pastLabels * b.size))) break;
    if (f.length) {
      figuresLeft = Math.min(figuresLeft, f[0]!.left);
      labelsRight = Math.max(labelsRight, ...next.boxes.slice(0, next.boxes.length - f.length).map((b) => b.right));
      figureLines.push({ line: next, figures: f });
      between.push(...pending);
      pending = [];
    } else pending.push(next);
    j++;
  }
  return { figureLines, between, pending, end: j };
}

/** The table's rows with their labels and figure cells; `trailing`: the lines after the last row
 *  that went on its labels; `labelRight`: where the figures begin. */
function tableLinesToRows(table: TableLines, rulings: Rulings, stream: boolean): { rows: FigureRow[]; labelRight: number; trailing: PdfLine[] } {
  const { figureLines, between, pending } = table;
  const rows: FigureRow[] = figureLines.map(({ line: l, figures: f }) => ({ figures: f, labels: [], groups: [], from: 0, to: 0, mid: l.base - l.size * PDF_SETTINGS.text.middle }));
  setBands(rows, rulings.horizontal);
  const labelRight = Math.min(...figureLines.map((r) => r.figures[0]!.left));
  // Lines after the last row belong to it only if they sit inside its band (a wrapped label).
  const lastRow = rows[rows.length - 1]!;
  const trailing: PdfLine[] = [];
  if (!stream) {
    for (const l of pending) {
      if (l.top > lastRow.to || !l.boxes.every((b) => b.right <= labelRight + S.edge)) break;
      trailing.push(l);
    }
  }
  figureLines.forEach(({ line: l, figures: f }, k) => {
    for (const b of l.boxes.slice(0, l.boxes.length - f.length)) placeLabel(b, rows, rulings, rows[k]);
  });
  if (stream) trailing.push(...placeFlowing(figureLines.map((r) => r.line), rows, between, pending, labelRight));
  else for (const l of [...between, ...trailing]) for (const b of l.boxes) placeLabel(b, rows, rulings);
  setFigureCells(rows, rulings, labelRight);
  return { rows, labelRight, trailing };
}

/** Each row's band: between the ruling lines around its figures, else halfway to its neighbours. */
function setBands(rows: FigureRow[], horizontal: RuledLine[]): void {
  rows.forEach((row, k) => {
    const x = row.figures[0]!.left + S.edge;
    const crossing = horizontal.filter((r) => r.x0 <= x && r.x1 >= x);
    const above = Math.max(-Infinity, ...crossing.filter((r) => r.top <= row.mid).map((r) => r.top));
    const below = Math.min(Infinity, ...crossing.filter((r) => r.top >= row.mid).map((r) => r.top));
    const prev = rows[k - 1];
    const next = rows[k + 1];
    row.from = Number.isFinite(above) ? above : prev ? (prev.mid + row.mid) / 2 : row.mid - S.band * row.figures[0]!.size;
    row.to = Number.isFinite(below) ? below : next ? (row.mid + next.mid) / 2 : row.mid + S.band * row.figures[0]!.size;
  });
}

function placeLabel(b: PdfBox, rows: FigureRow[], rulings: Rulings, own?: FigureRow): void {
  const cell = boxToCell(b, rulings);
  if (cell) {
    const spanned = rows.filter((r) => r.mid > cell.top && r.mid < cell.bottom);
    // A ruled cell over several rows: a group label, in front of the first row it spans.
    if (spanned.length > 1) {
      spanned[0]!.groups.push({ box: b, cell });
      return;
    }
    if (spanned.length === 1) {
      spanned[0]!.labels.push({ box: b, cell });
      return;
    }
  }
  const row = own ?? rows.find((r) => b.mid >= r.from && b.mid < r.to) ?? nearest(rows, b.mid);
  row.labels.push({ box: b });
}

function nearest(rows: FigureRow[], mid: number): FigureRow {
  return rows.reduce((best, r) => (Math.abs(r.mid - mid) < Math.abs(best.mid - mid) ? r : best));
}

/** The x positions (centres) the figures of the table's rows share. */
export function figureColumns(rows: FigureRow[]): number[] {
  const clusters: number[][] = [];
  for (const r of rows) {
    if (r.figures.length < 2) continue;
    for (const f of r.figures) {
      const c = (f.left + f.right) / 2;
      const near = clusters.find((k) => Math.abs(k.reduce((a, b) => a + b, 0) / k.length - c) <= S.figureColumn * f.size);
      if (near) near.push(c);
      else clusters.push([c]);
    }
  }
  const multi = rows.filter((r) => r.figures.length >= 2).length;
  return clusters.filter((k) => k.length >= Math.min(2, multi)).map((k) => k.reduce((a, b) => a + b, 0) / k.length).sort((a, b) => a - b);
}

/**
 * The figure cells of each row, blank cells kept in their column: the ruled columns right of the
 * labels where the table has vertical lines, else the x positions the rows' figures share. A row
 * whose figures do not fit the columns one to one keeps its figures as they are.
 */
function setFigureCells(rows: FigureRow[], rulings: Rulings, labelRight: number): void {
  const shared = figureColumns(rows);
  for (const r of rows) {
    const slots = figureSlots(r, rulings, labelRight, shared);
    // Every figure placed once, and the row is not just a fragment of the columns.
    if (slots && slots.filter(Boolean).length === r.figures.length) r.cells = slots.map((b) => b?.str ?? '');
  }
}

/** A row's figures in the table's columns (a slot left empty for a blank cell), or none when
 *  two figures fall in one column or the row has too few figures to tell. */
function figureSlots(r: FigureRow, rulings: Rulings, labelRight: number, shared: number[]): Array<PdfBox | undefined> | undefined {
  // The vertical lines across this row, from the last one left of the figures.
  // (A border drawn by both cells beside it is one line.)
  const across = rulings.vertical.filter((v) => v.top <= r.mid && v.bottom >= r.mid).map((v) => v.x0).sort((a, b) => a - b).filter((x, k, all) => k === 0 || x - all[k - 1]! > S.edge);
  const start = across.filter((x) => x <= labelRight + S.ruleSlack).length - 1;
  const ruled = start >= 0 ? across.slice(start) : [];
  const slots: Array<PdfBox | undefined> = [];
  if (ruled.length >= 2) {
    for (let k = 1; k < ruled.length; k++) {
      const col = { from: ruled[k - 1]!, to: ruled[k]! };
      const inside = r.figures.filter((f) => (f.left + f.right) / 2 > col.from && (f.left + f.right) / 2 < col.to);
      if (inside.length > 1) return undefined;
      slots.push(inside[0]);
    }
    return slots;
  }
  // One figure alone is placed by where it stands, when the other rows give the columns.
  if (r.figures.length < 2 ? shared.length < 2 : r.figures.length < shared.length / 2) return undefined;
  for (const x of shared) {
    const inside = r.figures.filter((f) => Math.abs((f.left + f.right) / 2 - x) <= S.figureColumn * f.size);
    if (inside.length > 1) return undefined;
    slots.push(inside[0]);
  }
  return slots;
}
