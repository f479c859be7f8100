// The one model every reader of a text layout produces: rows of cells, each cell with its exact
// range in the checked document and its place on the grid, and the document's logical lines for
// the heading reader. Markdown pipe rows, tab rows, one cell per line, HTML tables, PDF text and
// crawler text all arrive here (text.ts, html.ts, webCopy.ts); the interpreter
// (parse/interpret.ts) reads the format from the rows without knowing which reader made them.
// A Word or PDF file reaches it as the Markdown its reader printed from its own grid, one pipe
// row per table row and one cell per grid column (blank cells kept), which this model keeps as is.
/** The layout a row was written in: what an edit inserted into it must look like (tabs, pipes,
 *  one cell per line...). Readers name it; the interpreter never asks it (it asks `shape`). */
export type Layout = 'tab' | 'cellPerLine' | 'markdown' | 'html' | 'pdf' | 'flattened';

export type CellKind = 'text' | 'value' | 'blank';

/**
 * How a cell's edges were given, which is all the interpreter may rely on about its source:
 * - `drawn`: the document drew the cell (an HTML or Word table): spaces inside are its words;
 * - `delimited`: a separator the writer typed bounds it (pipes, tabs, a line per cell);
 * - `spaced`: only spaces set it apart from its neighbours (text printed from a PDF), so a label's
 *   words may stand in cells of their own and a figure's column is read from its place;
 * - `glued`: digits run together with their neighbours (crawler text), split by the identities.
 */
export type CellShape = 'drawn' | 'delimited' | 'spaced' | 'glued';
const SHAPE_OF: Readonly<Record<Layout, CellShape>> = { html: 'drawn', markdown: 'delimited', tab: 'delimited', cellPerLine: 'delimited', pdf: 'spaced', flattened: 'glued' };

export interface GridCell {
  /** The cell's text as written, trimmed; a cell's wrapped lines are joined without the newline. */
  text: string;
  start: number;
  end: number;
  kind: CellKind;
  layout: Layout;
  shape: CellShape;
  /** The grid row the cell stands in (the index in `Grid.rows`). */
  row: number;
  /** Its first column: its place in the row, after the columns of the cells before it and those a
   *  cell above covers (HTML rowspan/colspan). */
  col: number;
  /** Columns and rows it spans (more than one only in HTML). */
  colSpan: number;
  rowSpan: number;
  /** The reader inferred this cell's extent: a figure split off a line of text by its spaces
   *  (PDF text), or a run of digits crawler text glued (`flattened`), split later by the
   *  identities. A structured layout (pipes, tabs, HTML, one cell per line) never infers. (Not the
   *  model's `Cell.guessed`, which keeps a cell out of every relation.) */
  inferred: boolean;
  /** Separator that a value inserted after this cell should be prefixed with. */
  sep: string;
}

export interface GridRow {
  cells: GridCell[];
}

export interface LogicalLine {
  text: string;
  start: number;
  end: number;
  /** Offset where the text proper begins (after a Markdown "#" prefix and indentation). */
  contentStart: number;
  markdownLevel: number;
  /** The line holds table cells (tabs, pipes, trailing numbers), so it is no heading. */
  tabular: boolean;
}

export interface Grid {
  rows: GridRow[];
  lines: LogicalLine[];
  layouts: Set<Layout>;
  /** The first line that had lost its line breaks (text copied from a web page). */
  lostBreaks?: { start: number; end: number };
  /** Stretches whose lines and cells the reader cut itself (text that lost its breaks), in
   *  order: every cell, label and heading read from them is inferred, never sure. */
  inferredSpans: Array<{ start: number; end: number }>;
}

/**
 * Collects cells into rows. A reader names each cell's row by a key of its own (a Markdown line,
 * an HTML `<tr>`, the text line above a column of lone figures); cells of one key arrive
 * together, so a new key starts a new row.
 */
export class GridBuilder {
  readonly rows: GridRow[] = [];
  private lastKey = Number.NaN;
  private nextKey = 0;

  /** A key for a row not seen yet. */
  newRow(): number {
    return ++this.nextKey;
  }

  /** The cell `text[start, end)` trimmed, in the row `key`; a blank one is kept in its place. */
  cell(text: string, start: number, end: number, key: number, layout: Layout, sep: string, inferred = false): GridCell {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    return this.add(key, s === e ? '' : text.slice(s, e), s, s === e ? s : e, layout, sep, -1, 1, 1, inferred);
  }

  /** A cell whose text the reader decoded itself (HTML entities, tags left out), at column `col`
   *  (-1: after the row's last cell). */
  add(key: number, raw: string, start: number, end: number, layout: Layout, sep: string, col = -1, colSpan = 1, rowSpan = 1, inferred = false): GridCell {
    let row = this.rows[this.rows.length - 1];
    if (key !== this.lastKey || row === undefined) {
      row = { cells: [] };
      this.rows.push(row);
      this.lastKey = key;
    }
    const prev = row.cells[row.cells.length - 1];
    // Every cell has every field, so that all cells share one shape (the interpreter is hot).
    const cell: GridCell = {
      text: raw, start, end, kind: raw === '' ? 'blank' : isValueText(raw) ? 'value' : 'text', layout, shape: SHAPE_OF[layout], row: this.rows.length - 1,
      col: col >= 0 ? col : prev ? prev.col + prev.colSpan : 0, colSpan, rowSpan, inferred, sep,
    };
    row.cells.push(cell);
    return cell;
  }

  /** The cell added last (a Word cell's wrapped line extends it). */
  last(): GridCell | undefined {
    const row = this.rows[this.rows.length - 1];
    return row?.cells[row.cells.length - 1];
  }
}

// A value cell: a figure or a placeholder for one (the patterns are the format's, format/patterns.ts).
import { isValueText } from '../format/patterns';
export { isValueText, VALUE_UNITS } from '../format/patterns';

export function isSpace(c: number): boolean {
  // 12: the form feed pdftotext puts at each page break.
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 12 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}
