// The ruling lines of a page outside its lattices, in downward coordinates, and the ruled cell a
// box stands in (for tables whose text is read from where it stands, their rules helping).
import { PDF_SETTINGS } from './settings';
import type { PdfBox, PdfCellBox, PdfSegment, RuledLine, Rulings } from './types';

export function segmentsToRuledLines(segments: PdfSegment[], height: number): RuledLine[] {
  return segments.map((r) => ({ x0: r.x0, x1: r.x1, top: height - Math.max(r.y0, r.y1), bottom: height - Math.min(r.y0, r.y1) }));
}

/** The horizontal and the vertical ones (a ruled line thinner than a point each way). */
export function ruledLinesToRulings(lines: RuledLine[]): Rulings {
  const edge = PDF_SETTINGS.table.edge;
  return { horizontal: lines.filter((r) => r.bottom - r.top < edge), vertical: lines.filter((r) => r.x1 - r.x0 < edge) };
}

/** The ruled cell a box stands in: the nearest ruling lines on its four sides, if the table has them. */
export function boxToCell(b: PdfBox, g: Rulings): PdfCellBox | undefined {
  const slack = PDF_SETTINGS.table.ruleSlack;
  const x = (b.left + b.right) / 2;
  const y = b.mid;
  const hs = g.horizontal.filter((r) => r.x0 <= x + slack && r.x1 >= x - slack);
  const vs = g.vertical.filter((r) => r.top <= y + slack && r.bottom >= y - slack);
  const top = Math.max(-Infinity, ...hs.filter((r) => r.top <= y).map((r) => r.top));
  const bottom = Math.min(Infinity, ...hs.filter((r) => r.top >= y).map((r) => r.top));
  const left = Math.max(-Infinity, ...vs.filter((r) => r.x0 <= x).map((r) => r.x0));
  const right = Math.min(Infinity, ...vs.filter((r) => r.x0 >= x).map((r) => r.x0));
  return [top, bottom, left, right].every(Number.isFinite) ? { left, right, top, bottom } : undefined;
}

/** One key for the boxes of one ruled cell. */
export const cellKey = (c: PdfCellBox) => `${Math.round(c.left)},${Math.round(c.top)},${Math.round(c.right)},${Math.round(c.bottom)}`;
