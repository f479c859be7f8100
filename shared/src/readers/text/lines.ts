// Logical lines for the heading reader, and what a line of text looks like before it is read.
import { isValueText, type LogicalLine } from '../../grid/grid';
import { SECTION_NUMERAL_ONLY } from '../../format/patterns';

export const MD_HEADING = /^(#{1,6})[ \t]+/;
const LEADING_SPACE = /^\s/;

/** The logical line of a physical one (`line`: its text, from `start` to `end`). */
export function lineOf(line: string, start: number, end: number, tabular: boolean): LogicalLine {
  const md = line.charCodeAt(0) === 35 ? MD_HEADING.exec(line) : null;
  // (\s is exactly what trimStart() removes: most lines start with none, and are not copied.)
  const indent = LEADING_SPACE.test(line) ? line.length - line.trimStart().length : 0;
  const contentStart = md ? start + md[0].length : start + indent;
  return { text: line, start, end, contentStart, markdownLevel: md ? (md[1] as string).length : 0, tabular };
}

/**
 * A line with tabs that may be a heading or a title all the same: one piece of text (a tab after
 * it), or a numeral and its title ("一、<tab>总体情况", as Word's list numbering is
 * copied). Which heading it is, if any, is for the heading reader to say.
 */
export function headingLike(line: string): boolean {
  // (A line that starts with a tab is a cell of a one-cell-per-line table, or a page's menu item.)
  if (line.length > 200 || line.charCodeAt(0) === 9) return false;
  // Its pieces between tabs, blank ones left out: at most two (a table row has more).
  const pieces: string[] = [];
  for (let from = 0; from <= line.length; ) {
    let to = line.indexOf('\t', from);
    if (to < 0) to = line.length;
    const piece = line.slice(from, to).trim();
    if (piece !== '' && pieces.push(piece) > 2) return false;
    from = to + 1;
  }
  if (pieces.length === 1) return !isValueText(pieces[0] as string);
  return pieces.length === 2 && SECTION_NUMERAL_ONLY.test(pieces[0] as string) && !isValueText(pieces[1] as string);
}
