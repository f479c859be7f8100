// The rebuilt report as the Word and PDF readers write it (docx.ts, pdf/): the same lines twice,
// as Markdown (a table as a pipe table, with its delimiter row after the first row) and as text (a
// table row tab-separated), and for each Markdown line the place in the file it came from (a
// paragraph, a table row, a page), from which `Rebuilt.locate` answers.
import type { Rebuilt, SourceLocation } from './source';

/** Where a table row stands in the two texts, to write it again (a cell joined across a page). */
export interface WrittenRow {
  text: number;
  markdown: number;
}

/** A pipe row; a pipe inside a cell would split it, so it is written full-width (the only change to the text). */
export const pipeRow = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`;

/** The delimiter row under a pipe table's first row. */
export const delimiterRow = (width: number): string => `|${' --- |'.repeat(width)}`;

export class RebuiltWriter<Source> {
  private readonly markdown: string[] = [];
  private readonly text: string[] = [];
  /** The source of each Markdown line (none for a blank line or a delimiter row, unless given). */
  private readonly sources: Array<Source | undefined> = [];

  /**
   * `blankBy`: which of the two texts tells whether the last line is blank already, so that a gap
   * adds no second one. Word's reader has always asked the Markdown, the PDF's the text (they
   * differ only after a table row whose text is empty: a pipe row is never empty).
   */
  constructor(private readonly blankBy: 'markdown' | 'text' = 'markdown') {}

  /** A line that reads the same in both texts (a paragraph's line). */
  line(line: string, source: Source | undefined): void {
    this.markdown.push(line);
    this.sources.push(source);
    this.text.push(line);
  }

  /** One blank line between blocks (paragraphs, tables), unless the last line is blank or there is none. */
  gap(source?: Source): void {
    const lines = this.blankBy === 'markdown' ? this.markdown : this.text;
    if (lines.length && lines[lines.length - 1] !== '') this.line('', source);
  }

  /** A table row: `text` in the text, the cells as a pipe row in the Markdown. */
  row(cells: readonly string[], text: string, source: Source | undefined): WrittenRow {
    const at = { text: this.text.length, markdown: this.markdown.length };
    this.text.push(text);
    this.markdown.push(pipeRow(cells));
    this.sources.push(source);
    return at;
  }

  /** The delimiter row of a pipe table `width` cells wide (in the Markdown only). */
  delimiter(width: number, source?: Source): void {
    this.markdown.push(delimiterRow(width));
    this.sources.push(source);
  }

  /** A table row written again (its cells changed once a later page was read). */
  rewrite(at: WrittenRow, cells: readonly string[], text: string): void {
    this.text[at.text] = text;
    this.markdown[at.markdown] = pipeRow(cells);
  }

  /** The report, with the map from a Markdown line (and column, given the line's text) to its place in the file. */
  finish(locate: (source: Source, column: number, markdownLine: string) => SourceLocation | undefined): Rebuilt {
    const markdown = this.markdown;
    const sources = this.sources;
    return {
      markdown: markdown.join('\n') + '\n',
      text: this.text.join('\n') + '\n',
      locate: (line: number, column: number) => {
        const source = sources[line];
        return source === undefined ? undefined : locate(source, column, markdown[line] ?? '');
      },
    };
  }
}
