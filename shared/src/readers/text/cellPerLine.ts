// One cell per line without tabs (a Word file saved as text, a converter's output): a short text
// line and the figures each on a line of their own below it make one row; a Word cell that
// wrapped onto a line of its own ("商业\n企业") continues the cell above.
import { isValueText } from '../../grid/grid';
import { lineOf, MD_HEADING } from './lines';
import { NUMBERED_LINE } from '../../format/patterns';
import { endBlock, type TextLine, type TextRead } from './read';

/** The line holds one figure and nothing else. */
export function isLoneValue(l: TextLine): boolean {
  return !l.virtual && l.trimmed.length > 0 && l.trimmed.length <= 24 && !/\s/.test(l.trimmed) && isValueText(l.trimmed);
}

/** Reads a lone figure into the row of the text line above it, when it is one of a run of at
 *  least two (or continues such a run); false when the line is not part of one. `aboveLabel`:
 *  the row of the line just above when it is a short text line, or -1. */
export function readLoneValue(r: TextRead, l: TextLine, aboveLabel: number): boolean {
  const run = r.joinLeft === 0 && aboveLabel >= 0 ? loneValuesFrom(r.text, l.start) : 0;
  if (r.joinLeft === 0 && run < 2) return false;
  if (r.joinLeft > 0) r.joinLeft--;
  else {
    r.joinKey = aboveLabel;
    r.joinLeft = run - 1;
  }
  r.grid.cell(r.text, l.start, l.end, r.joinKey, 'cellPerLine', '\n');
  r.layouts.add('cellPerLine');
  r.lines.push(lineOf(l.line, l.start, l.end, true));
  endBlock(r);
  return true;
}

/** How many lines from `pos` on hold one figure each and nothing else (up to 40). */
function loneValuesFrom(text: string, pos: number): number {
  let count = 0;
  let at = pos;
  while (count < 40 && at < text.length) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    const t = text.slice(at, eol).trim();
    if (t.length === 0 || t.length > 24 || /\s/.test(t) || !isValueText(t)) break;
    count++;
    at = eol + 1;
  }
  return count;
}

export function isWrappedCell(r: TextRead, l: TextLine): boolean {
  return r.prevCellPerLine && l.trimmed.length <= 24 && !MD_HEADING.test(l.line) && !NUMBERED_LINE.test(l.trimmed);
}

export function readWrappedCell(r: TextRead, l: TextLine): void {
  const last = r.grid.last();
  if (last) {
    const s = l.start + (l.line.length - l.line.trimStart().length);
    const e = l.start + l.line.trimEnd().length;
    last.text = last.text + r.text.slice(s, e);
    last.end = e;
    last.kind = last.text.trim() === '' ? 'blank' : isValueText(last.text) ? 'value' : 'text';
  }
  r.lines.push(lineOf(l.line, l.start, l.end, true));
}
