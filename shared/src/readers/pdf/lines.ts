// Stages 1 and 2: a page's text items → boxes (downward coordinates; a run of figures split into
// one box per figure; stacked characters one column) → lines (the boxes on one baseline, touching
// ones joined into words), the page numbers in the margins dropped. And what a line says: its
// text (a wide gap a tab) and the figures it ends with (a table row).
import { FIGURE } from './patterns';
import { PAGE_NUMBER } from '../../format/patterns';
import { PDF_SETTINGS } from './settings';
import type { PdfBox, PdfLine, PdfPage } from './types';

const T = PDF_SETTINGS.text;

export function itemsToBoxes(page: PdfPage): PdfBox[] {
  const out: PdfBox[] = [];
  for (const it of page.items) {
    const size = Math.max(T.minSize, it.height);
    const base = page.height - it.y;
    const str = it.str.trim();
    if (!str) continue;
    // A run of figures drawn as one item ("95  0  0"): one box per figure, placed by its characters.
    const parts = /^[0-9.\s]+$/.test(str) && /\s/.test(str) ? [...str.matchAll(/\S+/g)] : undefined;
    if (parts) {
      const per = it.width / Math.max(1, it.str.length);
      for (const p of parts) out.push({ str: p[0], left: it.x + per * (p.index ?? 0), right: it.x + per * ((p.index ?? 0) + p[0].length), top: base - size * T.ascent, base, mid: base - size * T.middle, size, vertical: false });
      continue;
    }
    // Stacked characters: a run taller than it is wide. Its box is the column it fills.
    const vertical = [...str].length > 1 && it.height > T.stacked * it.width;
    if (vertical) out.push({ str, left: it.x, right: it.x + it.width, top: base - size, base, mid: base - size / 2, size: it.width, vertical });
    else out.push({ str, left: it.x, right: it.x + Math.max(it.width, T.minWidth), top: base - size * T.ascent, base, mid: base - size * T.middle, size, vertical });
  }
  return out;
}

export function boxesToLines(boxes: PdfBox[]): PdfLine[] {
  const sorted = [...boxes].sort((a, b) => a.base - b.base || a.left - b.left);
  const lines: PdfLine[] = [];
  for (const b of sorted) {
    // A column of stacked characters (vertical writing) is a line of its own.
    if (b.vertical) {
      lines.push({ boxes: [b], base: b.base, top: b.top, bottom: b.base, size: b.size });
      continue;
    }
    const line = lines.find((l) => !l.boxes[0]!.vertical && Math.abs(l.base - b.base) <= T.sameBaseline * Math.min(l.size, b.size));
    if (line) {
      line.boxes.push(b);
      line.top = Math.min(line.top, b.top);
      line.bottom = Math.max(line.bottom, b.base);
      line.size = Math.max(line.size, b.size);
    } else lines.push({ boxes: [b], base: b.base, top: b.top, bottom: b.base, size: b.size });
  }
  for (const l of lines) l.boxes = touchingJoined(l.boxes.sort((a, b) => a.left - b.left));
  return lines.sort((a, b) => a.base - b.base);
}

/** Touching items are one word ("202" + "4", "9" + "0"): writers split runs at will. */
function touchingJoined(boxes: PdfBox[]): PdfBox[] {
  const merged: PdfBox[] = [];
  for (const b of boxes) {
    const prev = merged[merged.length - 1];
    if (prev && b.left - prev.right < T.touching * Math.min(prev.size, b.size) && b.left >= prev.left) {
      merged[merged.length - 1] = { ...prev, str: prev.str + b.str, right: Math.max(prev.right, b.right), top: Math.min(prev.top, b.top) };
    } else merged.push(b);
  }
  return merged;
}

export function withoutPageNumbers(lines: PdfLine[], height: number): PdfLine[] {
  return lines.filter((l) => {
    const inMargin = l.base > height * T.footer || l.base < height * T.header;
    return !(inMargin && PAGE_NUMBER.test(lineText(l.boxes).trim()));
  });
}

/** Items on one line: touching items are one word; a wide gap is a cell boundary (a tab). */
export function lineText(boxes: PdfBox[]): string {
  let s = '';
  let prev: PdfBox | undefined;
  for (const b of boxes) {
    if (prev) {
      const gap = b.left - prev.right;
      if (gap > T.cellGap * Math.min(prev.size, b.size)) s += '\t';
      else if (gap > T.wordSpace * Math.min(prev.size, b.size) && /[0-9A-Za-z]$/.test(s) && /^[0-9A-Za-z]/.test(b.str)) s += ' ';
    }
    s += b.str;
    prev = b;
  }
  return s;
}

/** The figures a line ends with, set apart from its text: a table row (none: no row). */
export function lineToFigures(line: PdfLine): PdfBox[] {
  const boxes = line.boxes;
  let k = boxes.length;
  while (k > 0 && FIGURE.test(boxes[k - 1]!.str)) k--;
  const figures = boxes.slice(k);
  if (figures.length === 0) return [];
  // Figures of a table stand apart from each other (a column gap), not as one number split in two.
  for (let m = 1; m < figures.length; m++) if (figures[m]!.left - figures[m - 1]!.right < PDF_SETTINGS.table.figureGap * Math.min(figures[m]!.size, figures[m - 1]!.size)) return [];
  if (k === 0) return figures;
  // One figure after a label is a row only when a column gap separates them ("行政许可    9487"),
  // not "受理申请 17" in a sentence.
  const gap = figures[0]!.left - boxes[k - 1]!.right;
  return gap > PDF_SETTINGS.table.labelToFigure * figures[0]!.size || figures.length >= 2 ? figures : [];
}
