// The one interface every reader of a layout produces: cell tokens in document order, each with
// its exact range, and logical lines for heading detection. Plain-text lines (lexer.ts), HTML
// (html.ts) and web-copied text (reflow.ts) all speak it; the table reader does not know which.
import type { Layout } from '../model';

export type TokenKind = 'text' | 'value' | 'blank';

export interface Token {
  /** Cell text as written, trimmed; continuation lines of one cell are joined without the newline. */
  text: string;
  start: number;
  end: number;
  /** Tokens with the same rowKey are cells of one table row. */
  rowKey: number;
  layout: Layout;
  kind: TokenKind;
  /** Separator that a value inserted after this token should be prefixed with. */
  sep: string;
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

// A value cell: a number (ASCII or full-width, thousands separators, decimals, a trailing unit),
// or a placeholder standing for one.
const NUMBER_TEXT = /^[+\-－]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\s*(?:万元|元|件|个|项|次)?$/;
const PLACEHOLDER_TEXT = /^(?:[—–\-－―─]{1,3}|[/／\\]|无|空)$/;
export function isValueText(s: string): boolean {
  return NUMBER_TEXT.test(s) || PLACEHOLDER_TEXT.test(s);
}

export function isSpace(c: number): boolean {
  // 12: the form feed pdftotext puts at each page break.
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 12 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

