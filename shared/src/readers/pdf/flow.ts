// Stream mode (a table without rules): the label lines between two rows, and those after the last,
// placed by how text flows in a cell. A piece goes on from the piece above it in its column when
// that one filled the column's width (the words wrapped) and it is not numbered: it belongs to that
// piece's row, whether the cells are aligned to their top or their middle. Any other piece starts a
// label of the row below.
import { CARRIED_PUNCTUATION } from './patterns';
import { NUMBERED_LABEL } from '../../format/patterns';
import { PDF_SETTINGS } from './settings';
import type { FigureRow, PdfBox, PdfLine } from './types';

/** A run of a line's label boxes that touch or nearly touch: one piece of a cell. */
interface Piece {
  boxes: PdfBox[];
  left: number;
  right: number;
  base: number;
  size: number;
}

/** A line's label text in pieces: boxes that touch or nearly touch are one piece of a cell. */
function lineToPieces(line: PdfLine, labelRight: number): Piece[] {
  const out: PdfBox[][] = [];
  for (const b of line.boxes) {
    if (b.right > labelRight + PDF_SETTINGS.table.edge) continue;
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && b.left - prev.right < PDF_SETTINGS.text.cellGap * Math.min(prev.size, b.size)) last!.push(b);
    else out.push([b]);
  }
  return out.map((boxes) => ({ boxes, left: boxes[0]!.left, right: boxes[boxes.length - 1]!.right, base: line.base, size: Math.max(...boxes.map((b) => b.size)) }));
}

/** The label columns: their left edges, and where each ends (the next column, or the figures). */
function labelColumns(pieces: Piece[], labelRight: number): { column: (left: number) => number; limit: (col: number) => number } {
  const align = PDF_SETTINGS.table.columnAlign;
  const lefts: number[] = [];
  for (const p of pieces) if (!lefts.some((x) => Math.abs(x - p.left) <= align)) lefts.push(p.left);
  lefts.sort((a, b) => a - b);
  return {
    column: (left) => lefts.find((x) => Math.abs(x - left) <= align) ?? left,
    limit: (col) => lefts.find((x) => x > col + align) ?? labelRight,
  };
}

/** Filled: the next character did not fit; or one more, carried down with the punctuation that
 *  may not start a line ("缴纳费" / "用、行政"). */
function filled(above: Piece, room: number, text: string): boolean {
  return room <= PDF_SETTINGS.flow.filled * above.size || (room <= PDF_SETTINGS.flow.filledBeforePunctuation * above.size && CARRIED_PUNCTUATION.test(text));
}

/** Places the label lines between the rows and after the last; returns the lines after the last
 *  row that go on its labels. */
export function placeFlowing(figureLines: PdfLine[], rows: FigureRow[], between: PdfLine[], after: PdfLine[], labelRight: number): PdfLine[] {
  const own = figureLines.map((l) => lineToPieces(l, labelRight));
  const lines = [...between, ...after].map((l) => ({ line: l, pieces: lineToPieces(l, labelRight) }));
  const { column, limit } = labelColumns([...own.flat(), ...lines.flatMap((l) => l.pieces)], labelRight);
  const last = new Map<number, { piece: Piece; row: number }>();
  let k = 0;
  const taken: PdfLine[] = [];
  const remember = (p: Piece, row: number) => last.set(column(p.left), { piece: p, row });
  own[0]!.forEach((p) => remember(p, 0));
  for (const { line, pieces: ps } of lines) {
    while (k + 1 < figureLines.length && figureLines[k + 1]!.base < line.base) {
      k++;
      own[k]!.forEach((p) => remember(p, k));
    }
    const trailing = k === figureLines.length - 1 && after.includes(line);
    // After the last row only a line all of label text can go on a label.
    if (trailing && ps.reduce((n, p) => n + p.boxes.length, 0) < Math.max(1, line.boxes.length)) break;
    const places = ps.map((p) => {
      const col = column(p.left);
      const above = last.get(col);
      const text = p.boxes.map((b) => b.str).join('');
      const room = limit(col) - (above?.piece.right ?? 0);
      const goesOn = above !== undefined && filled(above.piece, room, text) && !NUMBERED_LABEL.test(text) && p.base - above.piece.base <= PDF_SETTINGS.flow.wrapped * p.size;
      return goesOn ? above.row : trailing ? -1 : k + 1;
    });
    if (trailing && places.some((r) => r < 0)) break;
    ps.forEach((p, m) => {
      const row = rows[Math.min(places[m]!, rows.length - 1)]!;
      for (const box of p.boxes) row.labels.push({ box });
      remember(p, places[m]!);
    });
    if (trailing) taken.push(line);
  }
  return taken;
}
