// The ReportModel: everything the rules, the outline, hovers, fixes and the CLI know about a
// document. It is a plain data structure produced once per document version by parse().
import type { FormatVersion, Localized } from './format/schema';
import type { LineIndex, Range } from './text';

import type { Layout } from './grid/grid';
export type { Layout };

/**
 * How a part of the model was read. `sure`: a structured cell, a heading on its own line, a label
 * matched by its words. `inferred`: the reader drew the boundaries itself (text that lost its line
 * breaks, cut by the format's words), a split of glued digits chosen by the identities, a row
 * placed by the format's order. `unread`: nothing could be read there (a figure whose column is
 * unknown, glued digits with no sure split). Readers and the interpreter set it; check() caps
 * every finding by it (an error rests only on sure readings; an absence is never claimed where
 * the text could not show it).
 */
export type Certainty = 'sure' | 'inferred' | 'unread';

export type CellValue =
  | { kind: 'number'; value: number; /** how the text deviates from plain ASCII digits */ notes: NumberNote[] }
  /** an empty cell exists where the value belongs; `asZero` when the table leaves its zeros blank */
  | { kind: 'blank'; asZero?: true }
  /** no cell at all: the row had fewer values than columns */
  | { kind: 'missing' }
  /** "—", "-", "/", "无": a placeholder instead of a number */
  | { kind: 'placeholder' }
  | { kind: 'invalid'; reason: InvalidReason; value?: number };

export type NumberNote = 'fullwidth' | 'thousands' | 'unit';
export type InvalidReason = 'negative' | 'fraction' | 'text' | 'tooLarge';

export interface Cell {
  columnId: string;
  raw: string;
  value: CellValue;
  /** The cell's text; zero-width where a blank or missing cell would be written. */
  range: Range;
  /** Text to put before a value written into a missing cell (a separator of the row's layout);
   *  absent where no text can create the cell (HTML), so no fix is offered there. */
  insertPrefix?: string;
  /** A figure of a row with fewer values than columns, placed in the first columns by order: where
   *  it belongs is a guess, so no relation, comparison or fix uses it (short-row says so). */
  guessed?: true;
  /** How the cell was read; absent: sure. */
  read?: Exclude<Certainty, 'sure'>;
}

export interface TableRow {
  rowId: string;
  /** The label as written (may be empty for 表3's single data row). */
  label: string;
  /** The format's label, when the written one differs and the row was read by its number and place. */
  readAs?: string;
  labelRange: Range;
  layout: Layout;
  cells: Cell[];
  /** Values read beyond the expected columns (ignored, reported). */
  extraCells: Cell[];
  /** Set when the row's values were written without separators. */
  flattened?: FlattenedInfo;
  /** Number of values the row actually had (before mapping to columns). */
  valueCount: number;
  /** Trailing columns the row did not write (read as blank or missing): the parser's guess. */
  padded: number;
  /** Figures whose label was lost (a converter's Markdown), placed by the order of the format. */
  placed?: true;
  /** How the row's label and place were read; absent: sure. */
  read?: Exclude<Certainty, 'sure'>;
}

export interface FlattenedInfo {
  digits: string;
  /** The run as written, when spaces stand in it (PDF text that put spaces inside cells). */
  written?: string;
  range: Range;
  /** Every split of the digits into the row's columns that satisfies the identities. */
  candidates: number[][];
  /** The document offset of each digit (the run may have spaces in it). */
  offsets: number[];
  /** The table has no identity to choose a split with (表1): nothing can be read. */
  undetermined?: true;
  /** Cut out of crawler text (glued.ts): said with the document's lost line breaks. */
  glued?: true;
  /** The digits allow one split whatever the identities say ("0000000" in seven columns): read
   *  as surely as the row's own boundaries, and not said. */
  forced?: true;
}

export interface HeaderCell {
  text: string;
  range: Range;
  /** A word of the format (a column, or a spanning header such as 申请人情况). */
  known: boolean;
  /** The spec column it names, where it names one. */
  columnId?: string;
  /** For unknown headers: the likely intended label. */
  suggestion?: string;
}

export interface Table1Item {
  item: number;
  labelRange: Range;
  headers: HeaderCell[];
  rows: TableRow[];
}

export type TableId = 'table1' | 'table2' | 'table3';

export interface Table {
  id: TableId;
  range: Range;
  /** The first line of the table (for outline and JSON). */
  start: number;
  rows: TableRow[];
  headers: HeaderCell[];
  /** 表1 only: the 第二十条 items in document order. */
  items: Table1Item[];
  /** Labels inside the table, followed by values, that match no known row (likely typos). */
  unknownLabels: Array<{ text: string; range: Range; suggestion?: string }>;
  /** Figures inside the table that no row took (a label's figures printed elsewhere, as in PDF
   *  text taken column by column): how many, and where the first stands. `apart`: more of them
   *  than in the rows, so nothing of the table is read reliably (its cells are all `guessed`). */
  stray?: { count: number; range: Range; apart?: true };
  /** `inferred` when any row or header of it was cut out of text that lost its boundaries;
   *  `unread` when its figures stand apart from its labels. */
  read: Certainty;
}

export interface SubHeading {
  numeral: string;
  title: string;
  range: Range;
}

export interface Section {
  /** The spec section this heading was identified as (by its title), 1–6. */
  number: number;
  /** The number written in the heading ("二", "2"), and what it parses to. */
  writtenNumeral: string;
  writtenNumber: number | undefined;
  /** Range of the written numbering including its punctuation ("2、"); in a "第二部分" heading,
   *  the numeral alone. */
  numeralRange: Range;
  /** Numbered "第一部分 总体情况" (a style some agencies use) rather than "一、总体情况". */
  partStyle?: boolean;
  title: string;
  headingRange: Range;
  /** From the heading to the next section heading (or the end). */
  range: Range;
  /** Markdown heading level, 0 when not a Markdown heading. */
  markdownLevel: number;
  markdownPrefixRange?: Range;
  subheadings: SubHeading[];
  /** `inferred`: the heading was found inside a line (text that lost its line breaks). */
  read: Certainty;
}

export interface Evidence {
  format: FormatVersion;
  reason: Localized;
  range: Range;
}

export interface ReportModel {
  text: string;
  lines: LineIndex;
  title?: { text: string; range: Range };
  agency?: string;
  year?: number;
  formatVersion: FormatVersion | null;
  formatEvidence: Evidence[];
  sections: Section[];
  tables: Partial<Record<TableId, Table>>;
  layouts: Layout[];
  /** Set when the document looks like an annual report at all (title or table-2 corner note). */
  isReport: boolean;
  /** Parsing stopped early (document too large); rules see a partial model. */
  truncated?: boolean;
  /** Part of the file could not be read (PDF pages dropped or past the page limit, the text cut):
   *  nothing is claimed missing, since it may stand in what was not read. */
  incomplete?: true;
  /** Parsed as HTML whatever its first characters (a .html file). */
  html?: boolean;
  /** The first line that had lost its line breaks (text copied from a web page), read by its labels. */
  lostLineBreaks?: Range;
  /** `inferred` when the reader had to draw lines or cells itself anywhere (`inferredSpans`):
   *  then nothing can be claimed absent from the document as a whole. */
  read: Certainty;
  /** The stretches of text whose line and cell boundaries the reader drew itself. */
  inferredSpans: Range[];
}
