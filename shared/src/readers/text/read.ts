// What the text readers share while they walk a document's lines: the grid being built, the
// logical lines for the heading reader, the layouts seen, and the little each layout remembers
// of the line before (one object, handed to each layout's reader in turn).
import type { Layout } from '../../model';
import type { GridBuilder, LogicalLine } from '../../grid/grid';

export interface TextRead {
  readonly text: string;
  readonly grid: GridBuilder;
  readonly lines: LogicalLine[];
  readonly layouts: Set<Layout>;
  /** The previous line was a one-cell Word-export line (a short line after it continues the cell). */
  prevCellPerLine: boolean;
  /** The row of the current block of one-cell lines, or -1. */
  blockKey: number;
  /** One cell per line without tabs (a Word file saved as text): a short text line, then figures
   *  each on a line of its own, are one row. `labelKey`: the row of the line just above when it is
   *  such a text line; `joinKey`/`joinLeft`: the row the next lone figures belong to, and how many. */
  labelKey: number;
  joinKey: number;
  joinLeft: number;
}

/** One line of the document: a physical one, or one a web copy lost (`virtual`). */
export interface TextLine {
  /** Its text, without the line break. */
  line: string;
  trimmed: string;
  start: number;
  end: number;
  virtual: boolean;
}

/** Forgets the line before: a blank line or a new kind of line ends a block of one-cell lines. */
export function endBlock(r: TextRead): void {
  r.prevCellPerLine = false;
  r.blockKey = -1;
}
