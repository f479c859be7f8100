// Reports read from a file format that is not text (Word, PDF): the report rebuilt as text for the
// one engine, and a map from a place in that text back to the place in the source file.
import { message } from '../i18n/catalog';
import type { Localized } from '../format/schema';

export type SourceLocation =
  | { kind: 'docx'; paragraph: number }
  | { kind: 'docx'; table: number; row: number; cell: number }
  | { kind: 'pdf'; page: number };

export interface Rebuilt {
  /** The report as Markdown: paragraphs separated by blank lines, tables as pipe tables (blank cells kept). */
  markdown: string;
  /** The same with tables as tab-separated rows. */
  text: string;
  /** Where a place in `markdown` (0-based line and column) came from. */
  locate(line: number, column: number): SourceLocation | undefined;
  /** Part of the file could not be read (pages dropped or past the limit): parse with `incomplete`. */
  incomplete?: true;
}

/** "第 4 页", "表格 2 第 5 行第 3 格", "第 12 段". */
export function describeSource(at: SourceLocation): Localized {
  if (at.kind === 'pdf') return message('source.page', { page: at.page });
  if ('paragraph' in at) return message('source.paragraph', { paragraph: at.paragraph });
  return message('source.cell', { table: at.table, row: at.row, cell: at.cell });
}

/** The place as JSON: {"page":4}, {"paragraph":12}, {"table":2,"row":5,"cell":3}. */
export function jsonSource(at: SourceLocation): Record<string, number> {
  const { kind: _kind, ...rest } = at;
  return rest;
}
