// Stage 4: a table's header. Its lines are those just above the first row: inside the table's
// ruled frame, or (without one) close above and over the figure columns. They are rebuilt by their
// ruled cells (one line per row of cells); without rules, a header word over one figure column is
// joined with the rest of that column's header (a word wrapped in a narrow column), and a wider one
// (over several columns) is a line of its own.
import { placedToCells } from './cells';
import { lineText } from './lines';
import { HEADING_OR_SENTENCE } from './patterns';
import { boxToCell } from './rulings';
import { PDF_SETTINGS } from './settings';
import type { FigureRow, PdfBlock, PdfBox, PdfLine, Rulings } from './types';

const H = PDF_SETTINGS.header;

/** The header lines of a table whose rows are `rows`, taken off the end of the blocks before it. */
export function takeHeaderLines(blocks: PdfBlock[], rows: FigureRow[], rulings: Rulings, labelRight: number): PdfLine[] {
  const header: PdfLine[] = [];
  // The lines just above the first row inside the table's ruled frame.
  const top = tableTop(rows, rulings, labelRight);
  while (blocks.length && top !== undefined) {
    const prev = blocks[blocks.length - 1]!;
    if (prev.kind !== 'line' || prev.line.top < top - PDF_SETTINGS.table.edge) break;
    header.unshift(prev.line);
    blocks.pop();
  }
  // No ruled frame: the lines close above the first row that stand over the figure columns only
  // (a heading or a sentence starts at the margin).
  while (blocks.length && top === undefined) {
    const prev = blocks[blocks.length - 1]!;
    const below = header[0]?.top ?? rows[0]!.from;
    if (prev.kind !== 'line' || below - prev.line.bottom > H.distance * prev.line.size) break;
    // Over the figure columns (a corner note may stand beside it, over the labels).
    if (!prev.line.boxes.some((b) => b.left >= labelRight - H.overFigures * b.size)) break;
    // A numbered heading or a sentence is not a header.
    const text = lineText(prev.line.boxes);
    if (HEADING_OR_SENTENCE.test(text) || (!text.includes('\t') && [...text].length > H.maxChars)) break;
    header.unshift(prev.line);
    blocks.pop();
  }
  return header;
}

/** The top of the ruled frame the first row sits in: walk up the horizontal lines above it while
 *  a vertical line joins each to the one below (the same table, not the table above it). */
function tableTop(rows: FigureRow[], rulings: Rulings, labelRight: number): number | undefined {
  const { edge, ruleSlack } = PDF_SETTINGS.table;
  const first = rows[0]!;
  const x = labelRight + edge;
  const above = rulings.horizontal.filter((r) => r.x0 <= x && r.x1 >= x && r.top <= first.from + ruleSlack).map((r) => r.top).sort((a, b) => b - a);
  if (above.length === 0) return undefined;
  let top = above[0]!;
  for (const y of above.slice(1)) {
    if (!rulings.vertical.some((v) => v.top <= y + edge && v.bottom >= top - edge)) break;
    top = y;
  }
  return top;
}

/** The header's lines as rows of tab-separated cells; `aligned`: the first cell is the corner's and
 *  each next one stands over one figure column (the `columns`, the figures' centres). */
export function headerRows(lines: PdfLine[], rulings: Rulings, columns: number[]): { rows: string[]; aligned: boolean } {
  const boxes = lines.flatMap((l) => l.boxes);
  const placed = boxes.map((box) => ({ box, cell: boxToCell(box, rulings) }));
  if (placed.some((p) => !p.cell)) {
    const spacing = columns.length > 1 ? (columns[columns.length - 1]! - columns[0]!) / (columns.length - 1) : Infinity;
    if (!Number.isFinite(spacing)) return { rows: lines.map((l) => lineText(l.boxes)), aligned: false };
    return { rows: unruledHeaderRows(boxes, columns, spacing), aligned: true };
  }
  const rows = new Map<number, Array<{ left: number; text: string }>>();
  for (const c of placedToCells(placed)) {
    const top = Math.round(c.cell!.top);
    const key = [...rows.keys()].find((t) => Math.abs(t - top) <= PDF_SETTINGS.table.edge) ?? top;
    rows.set(key, [...(rows.get(key) ?? []), { left: c.cell!.left, text: c.text }]);
  }
  return { rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r.sort((a, b) => a.left - b.left).map((c) => c.text).join('\t')), aligned: false };
}

/**
 * Without rules the header's cells are where its words stand: words left of the figure columns are
 * the corner's (one cell, in reading order); a word over one figure column is stacked with the rest
 * of that column's header (a word wrapped in a narrow column); a word that reaches well into a
 * second column spans from the first one it covers (as a merged header cell).
 */
function unruledHeaderRows(boxes: PdfBox[], columns: number[], spacing: number): string[] {
  const band = (k: number) => [columns[k]! - spacing / 2, columns[k]! + spacing / 2] as const;
  const covered = (b: PdfBox) => columns.map((_, k) => k).filter((k) => Math.min(b.right, band(k)[1]) - Math.max(b.left, band(k)[0]) > Math.min(spacing / 4, (b.right - b.left) / 2));
  const corner: PdfBox[] = [];
  const wide = new Map<number, string[]>();
  const stacked: PdfBox[][] = columns.map(() => []);
  for (const b of boxes) {
    const over = covered(b);
    if (over.length === 0 && b.right <= band(0)[0] + spacing / 4) corner.push(b);
    else if (over.length === 1) stacked[over[0]!]!.push(b);
    else {
      const line = [...wide.keys()].find((base) => Math.abs(base - b.base) <= b.size / 2) ?? b.base;
      const cells = wide.get(line) ?? columns.map(() => '');
      const k = over[0] ?? columns.findIndex((x) => x >= b.left);
      cells[Math.max(0, k)] += b.str;
      wide.set(line, cells);
    }
  }
  const read = (bs: PdfBox[]) => bs.sort((a, b) => a.base - b.base || a.left - b.left).map((b) => b.str).join('');
  const rows = [...[...wide.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells), stacked.map(read)];
  return rows.map((cells, k) => [k === 0 ? read(corner) : '', ...cells].join('\t'));
}
