// Plain text: a narrative line, a heading, or a table row whose cells are apart by spaces (PDF
// text, pdftotext -layout). Only a run of figures at the end of the line is split off as cells,
// and those are the reader's inference; a line of figures cut out of crawler text is glued cells,
// to be split by the identities.
import { isSpace, isValueText } from '../../grid/grid';
import { mayStartFigure } from '../../format/patterns';
import { lineOf, MD_HEADING } from './lines';
import { markedCell } from './markup';
import { endBlock, type TextLine, type TextRead } from './read';

export function readSpacedLine(r: TextRead, l: TextLine, glued: boolean): void {
  const key = r.grid.newRow();
  const start = contentStart(l);
  const values = mayStartFigure(l.trimmed) ? l.trimmed.split(/[ \u3000\u00a0]+/) : undefined;
  if (values && (values.length > 1 || glued) && values.every(isValueText)) readFigures(r, l, key, values, glued, start);
  else {
    const labelEnd = MD_HEADING.test(l.line) ? -1 : trailingValuesStart(r.text, l.start, l.start + l.line.trimEnd().length);
    if (labelEnd > start) readLabelled(r, l, key, labelEnd, start);
    else readTextLine(r, l, key, start);
  }
  endBlock(r);
}

function contentStart(l: TextLine): number {
  return l.start + (l.line.length - l.line.trimStart().length);
}

/** A line of figures only. */
function readFigures(r: TextRead, l: TextLine, key: number, values: string[], glued: boolean, start: number): void {
  let i = start;
  for (const v of values) {
    const at = r.text.indexOf(v, i);
    r.grid.cell(r.text, at, at + v.length, key, glued ? 'flattened' : 'pdf', ' ', true);
    i = at + v.length;
  }
  r.layouts.add(glued ? 'flattened' : 'pdf');
  r.lines.push(lineOf(l.line, l.start, l.end, true));
}

/** A label and the figures after it. */
function readLabelled(r: TextRead, l: TextLine, key: number, labelEnd: number, start: number): void {
  markedCell(r.grid, r.text, start, labelEnd, key, 'pdf', ' ');
  const re = /\S+/g;
  const valuesText = r.text.slice(labelEnd, l.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(valuesText))) {
    const s = labelEnd + m.index;
    r.grid.cell(r.text, s, s + m[0].length, key, 'pdf', ' ', true);
  }
  r.layouts.add('pdf');
  r.lines.push(lineOf(l.line, l.start, l.end, true));
}

/** A narrative line, a heading, or a label whose values follow on other lines. */
function readTextLine(r: TextRead, l: TextLine, key: number, start: number): void {
  const md = MD_HEADING.exec(l.line);
  if (md) r.layouts.add('markdown');
  markedCell(r.grid, r.text, md ? l.start + md[0].length : start, l.start + l.line.trimEnd().length, key, 'pdf', ' ');
  r.lines.push(lineOf(l.line, l.start, l.end, false));
  if (!md && !l.virtual && l.trimmed.length <= 60 && !/[。；;]$/.test(l.trimmed)) r.labelKey = key;
}

/**
 * Where a run of space-separated values at the end of a line begins (the label ends there), or
 * -1. A backward scan, linear in the line length whatever the line holds.
 */
function trailingValuesStart(text: string, lineStart: number, lineEnd: number): number {
  let end = lineEnd;
  let found = -1;
  while (end > lineStart) {
    let s = end;
    while (s > lineStart && !isSpace(text.charCodeAt(s - 1))) s--;
    if (s === lineStart || !isValueText(text.slice(s, end))) break;
    found = s;
    end = s;
    while (end > lineStart && isSpace(text.charCodeAt(end - 1))) end--;
  }
  return found < 0 ? -1 : end;
}
