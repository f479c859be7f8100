// Markdown's markup inside a cell, kept out of the cell's text.
import type { Layout } from '../../model';
import { isSpace, isValueText, type GridBuilder } from '../../grid/grid';

const EMPHASIS = ['**', '__', '*'] as const;
// Markup inside a cell's words: bold, a backslash escape, a line break written as HTML.
const INNER_MARKUP = /\*\*|\\(?=[|*_\\])|<br\s*\/?>/gi;

/**
 * A cell of Markdown (or a line of text a converter wrote in Markdown) with its text as a reader
 * sees it: emphasis around the whole cell ("**（七）总计**") is outside the cell, its range too,
 * so that a figure's range is the figure; bold inside the words, a backslash escape ("\|") and a
 * `<br>` are left out of the text of a label or header, whose range stays the cell's.
 */
export function markedCell(grid: GridBuilder, text: string, start: number, end: number, key: number, layout: Layout, sep: string): void {
  let [s, e] = trimmed(text, start, end);
  for (let round = 0; round < 3; round++) {
    const mark = EMPHASIS.find((m) => e - s > 2 * m.length && text.startsWith(m, s) && text.startsWith(m, e - m.length));
    if (!mark) break;
    [s, e] = trimmed(text, s + mark.length, e - mark.length);
  }
  const raw = text.slice(s, e);
  if (raw === '' || (raw.indexOf('*') < 0 && raw.indexOf('\\') < 0 && raw.indexOf('<') < 0) || isValueText(raw)) {
    grid.cell(text, s, e, key, layout, sep);
    return;
  }
  grid.add(key, raw.replace(INNER_MARKUP, '').trim(), s, e, layout, sep);
}

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return [s, e];
}
