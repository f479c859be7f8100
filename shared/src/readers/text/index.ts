// The text reader: a document in any of the text layouts of docs/format.md §9, read line by line
// into the grid (grid/grid.ts). Each layout has its reader: Markdown pipe rows (pipes.ts), tab rows
// and one cell per line after a tab (tabs.ts), one figure per line and wrapped Word cells
// (cellPerLine.ts), and plain or PDF text whose trailing figures are split off by their spaces
// (spaced.ts). HTML tables have their reader in ../html.ts, and ../webCopy.ts finds the lines a
// web copy lost. This file walks the lines and hands each to the layout it is written in.
import { findHtmlTables, htmlTableRows, htmlTextLines, type Region } from '../html';
import { reflow, type Reflow } from '../webCopy';
import { GridBuilder, isSpace, type Grid } from '../../grid/grid';
import { lineOf } from './lines';
import { PAGE_MARKER } from '../../format/patterns';
import { isPipeRow, readPipeRow } from './pipes';
import { isEmptyLine, isTabLine, readTabLine } from './tabs';
import { isLoneValue, isWrappedCell, readLoneValue, readWrappedCell } from './cellPerLine';
import { readSpacedLine } from './spaced';
import { splitGluedLabels } from '../gluedLabels';
import { endBlock, type TextLine, type TextRead } from './read';

export function readText(text: string, hint?: { html?: boolean }): Grid {
  const htmlDoc = hint?.html ?? (/^\s*</.test(text) || /<(?:html|body)\b/i.test(text.slice(0, 4000)));
  const tables = htmlDoc || text.includes('<table') || text.includes('<TABLE') ? findHtmlTables(text) : [];
  const r: TextRead = { text, grid: new GridBuilder(), lines: [], layouts: new Set(), prevCellPerLine: false, blockKey: -1, labelKey: -1, joinKey: -1, joinLeft: 0 };
  // Lines: the physical ones, and those a web copy lost (see webCopy.ts).
  const flow: Reflow = htmlDoc ? { breaks: [], lost: [] } : reflow(text);
  if (htmlDoc) readHtmlDocument(r, tables);
  else readLines(r, tables, flow);
  splitGluedLabels(r.grid.rows);
  return { rows: r.grid.rows, lines: r.lines, layouts: r.layouts, inferredSpans: flow.lost, ...(flow.first ? { lostBreaks: flow.first } : {}) };
}

/** An HTML page: its tables, and the text between them by block elements (a heading split over
 *  <span>s is one line). */
function readHtmlDocument(r: TextRead, tables: Region[]): void {
  let pos = 0;
  for (const region of tables) {
    if (pos < region.start) htmlTextLines(r.text, pos, region.start, r.lines);
    readHtmlTable(r, region);
    pos = region.end;
  }
  htmlTextLines(r.text, pos, r.text.length, r.lines);
}

function readHtmlTable(r: TextRead, region: Region): void {
  htmlTableRows(r.text, region.start, region.end, r.grid);
  r.layouts.add('html');
  r.prevCellPerLine = false;
}

/** Text, line by line; an HTML table inside it (a converter's Markdown) is read as a table. */
function readLines(r: TextRead, tables: Region[], flow: Reflow): void {
  const { text } = r;
  const n = text.length;
  let regionIndex = 0;
  let breakIndex = 0;
  let pos = 0;
  // The end of the physical line, found once per physical line (a long line a web copy lost its
  // breaks in is cut into many lines: not searched again for each).
  let eol = -1;
  while (pos <= n) {
    if (eol < pos) {
      eol = text.indexOf('\n', pos);
      if (eol < 0) eol = n;
    }
    const region = tables[regionIndex];
    if (region && pos >= region.start) {
      readHtmlTable(r, region);
      regionIndex++;
      const skipTo = text.indexOf('\n', region.end);
      pos = skipTo < 0 ? n + 1 : skipTo + 1;
      continue;
    }
    while (breakIndex < flow.breaks.length && (flow.breaks[breakIndex] as number) <= pos) breakIndex++;
    const lost = flow.breaks[breakIndex];
    const l = lineAt(text, pos, eol, lost);
    if (region && l.end > region.start) {
      // A table begins inside this line: the part before it, then the table.
      pos = region.start;
      continue;
    }
    readLine(r, l, flow.gluedValues?.has(pos) === true);
    if (!l.virtual && eol >= n) break;
    pos = l.virtual ? (lost as number) : eol + 1;
  }
}

/** The line from `pos`: to the physical line's end, or to the break a web copy lost before it. */
function lineAt(text: string, pos: number, eol: number, lost: number | undefined): TextLine {
  const virtual = lost !== undefined && lost < eol;
  let end = virtual ? lost : eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
  // A line a web copy lost ends at its last visible character (the separators before the next one are not cells).
  if (virtual) while (end > pos && isSpace(text.charCodeAt(end - 1))) end--;
  const line = text.slice(pos, end);
  return { line, trimmed: line.trim(), start: pos, end, virtual };
}

/** One line, by the layout it is written in. */
function readLine(r: TextRead, l: TextLine, glued: boolean): void {
  const aboveLabel = r.labelKey;
  r.labelKey = -1;
  const lone = isLoneValue(l);
  if (!lone) r.joinLeft = 0;
  if (lone && readLoneValue(r, l, aboveLabel)) return;
  if (isEmptyLine(l)) endBlock(r);
  else if (isTabLine(l)) readTabLine(r, l);
  else if (isWrappedCell(r, l)) readWrappedCell(r, l);
  else if (isPipeRow(l.trimmed)) readPipeRow(r, l);
  else if (PAGE_MARKER.test(l.line)) r.lines.push(lineOf(l.line, l.start, l.end, true));
  else readSpacedLine(r, l, glued);
}
