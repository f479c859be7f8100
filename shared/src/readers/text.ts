// The text reader: a document in any of the text layouts of docs/format.md §9, read line by line into
// the grid (grid.ts): Markdown pipe rows (empty cells kept in place), tab rows, one cell per line
// (a Word table saved as text), and PDF text, whose cells are guessed from its spaces (only a run
// of figures at the end of a line is split off, and those cells are marked as inferred). HTML
// tables have their reader in html.ts, and webCopy.ts finds the lines a web copy lost.
import type { Layout } from '../model';
import { findHtmlTables, htmlTableRows, htmlTextLines } from './html';
import { reflow, type Reflow } from './webCopy';
import { GridBuilder, isSpace, isValueText, type Grid, type LogicalLine } from './grid';

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
const PAGE_MARKER = /^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;
const MD_HEADING = /^(#{1,6})[ \t]+/;
/** A Markdown table's delimiter row ("|---|:---:|"), checked cell by cell: linear in the line. */
function isMdSeparator(trimmed: string): boolean {
  const inner = trimmed.slice(trimmed.startsWith('|') ? 1 : 0, trimmed.endsWith('|') && trimmed.length > 1 ? -1 : undefined);
  if (inner.length > 10_000) return false;
  return inner.split('|').every((cell) => /^:?-{2,}:?$/.test(cell.trim()));
}

export function readText(text: string, hint?: { html?: boolean }): Grid {
  const grid = new GridBuilder();
  const lines: LogicalLine[] = [];
  const layouts = new Set<Layout>();
  const htmlDoc = hint?.html ?? (/^\s*</.test(text) || /<(?:html|body)\b/i.test(text.slice(0, 4000)));
  const tableRegions = htmlDoc || text.includes('<table') || text.includes('<TABLE') ? findHtmlTables(text) : [];
  let regionIndex = 0;

  // Lines: the physical ones, and those a web copy lost (see webCopy.ts).
  const flow: Reflow = htmlDoc ? { breaks: [], lost: [] } : reflow(text);
  let breakIndex = 0;
  let pos = 0;
  let prevCellPerLine = false; // the previous line was a one-cell Word-export line (for continuations)
  let blockKey = -1;
  // One cell per line without tabs (a Word file saved as text): a short text line, then figures
  // each on a line of its own, are one row. `labelKey`: the row of the line just above, when it is
  // such a text line; `joinKey`/`joinLeft`: the row the next lone figures belong to.
  let labelKey = -1;
  let joinKey = -1;
  let joinLeft = 0;
  const n = text.length;
  // The end of the physical line, found once per physical line (a long line a web copy lost its
  // breaks in is cut into many lines: not searched again for each).
  let eolCache = -1;
  while (pos <= n) {
    if (eolCache < pos) {
      eolCache = text.indexOf('\n', pos);
      if (eolCache < 0) eolCache = n;
    }
    const eol = eolCache;
    while (breakIndex < flow.breaks.length && (flow.breaks[breakIndex] as number) <= pos) breakIndex++;
    const lost = flow.breaks[breakIndex];
    const virtual = lost !== undefined && lost < eol;
    let lineEnd = virtual ? lost : eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    // A line a web copy lost ends at its last visible character (the separators before the next one are not cells).
    if (virtual) while (lineEnd > pos && isSpace(text.charCodeAt(lineEnd - 1))) lineEnd--;
    const next = virtual ? lost : eol + 1;

    const region = tableRegions[regionIndex];
    if (region && pos >= region.start) {
      // An HTML table: its rows onto the grid (html.ts); skip its lines.
      htmlTableRows(text, region.start, region.end, grid);
      layouts.add('html');
      regionIndex++;
      prevCellPerLine = false;
      if (htmlDoc) {
        pos = region.end;
        continue;
      }
      const skipTo = text.indexOf('\n', region.end);
      pos = skipTo < 0 ? n + 1 : skipTo + 1;
      continue;
    }
    if (htmlDoc) {
      // The text between tables, by block elements (a heading split over <span>s is one line).
      const stop = region ? region.start : n;
      htmlTextLines(text, pos, stop, lines);
      pos = stop;
      if (!region) break;
      continue;
    }
    if (region && lineEnd > region.start) {
      // A table begins inside this line: treat the part before it, then the table.
      pos = region.start;
      continue;
    }

    const line = text.slice(pos, lineEnd);
    const trimmed = line.trim();
    const aboveLabel = labelKey;
    labelKey = -1;
    const lone = !virtual && trimmed.length > 0 && trimmed.length <= 24 && !/\s/.test(trimmed) && isValueText(trimmed);
    if (!lone) joinLeft = 0;
    const run = lone && joinLeft === 0 && aboveLabel >= 0 ? loneValuesFrom(text, pos) : 0;
    if (lone && (joinLeft > 0 || run >= 2)) {
      if (joinLeft > 0) joinLeft--;
      else {
        joinKey = aboveLabel;
        joinLeft = run - 1;
      }
      grid.cell(text, pos, lineEnd, joinKey, 'cellPerLine', '\n');
      layouts.add('cellPerLine');
      lines.push(lineOf(text, pos, lineEnd, true));
      prevCellPerLine = false;
      blockKey = -1;
      if (eol >= n) break;
      pos = next;
      continue;
    }
    // A line of tabs alone is a row of blank cells (a table not filled in yet), not an empty line.
    if (trimmed === '' && !/^\t[ \u3000]*$/.test(line) && !/^\t{2,}[\t \u3000]*$/.test(line)) {
      prevCellPerLine = false;
      blockKey = -1;
    } else if (line.includes('\t') && !(trimmed.startsWith('|') && trimmed.indexOf('|', 1) > 0)) {
      // (A Markdown row with a tab in it, or after it, is still a Markdown row.)
      // (One trailing tab after the one cell, as some exports write, leaves it one cell per line;
      // tabs alone are a row of blank cells.)
      const rest = line.slice(1);
      const firstTab = rest.indexOf('\t');
      const cellPerLine = line.charCodeAt(0) === 9 && (firstTab < 0 || (firstTab === rest.lastIndexOf('\t') && rest.slice(0, firstTab).trim() !== '' && rest.slice(firstTab + 1).trim() === ''));
      if (cellPerLine) {
        if (blockKey < 0) blockKey = grid.newRow();
        grid.cell(text, pos + 1, lineEnd, blockKey, 'cellPerLine', '\n\t');
        layouts.add('cellPerLine');
      } else {
        const key = grid.newRow();
        let cellStart = pos;
        for (let i = pos; i <= lineEnd; i++) {
          if (i === lineEnd || text.charCodeAt(i) === 9) {
            grid.cell(text, cellStart, i, key, 'tab', '\t');
            cellStart = i + 1;
          }
        }
        layouts.add('tab');
        blockKey = -1;
      }
      prevCellPerLine = cellPerLine;
      lines.push(lineOf(text, pos, lineEnd, !headingLike(line)));
    } else if (prevCellPerLine && trimmed.length <= 24 && !MD_HEADING.test(line) && !/^[一二三四五六七八九十\d]+[、.．]/.test(trimmed)) {
      // A Word cell that wrapped onto a line of its own ("商业\n企业"): extend the previous cell.
      const last = grid.last();
      if (last) {
        const s = pos + (line.length - line.trimStart().length);
        const e = pos + line.trimEnd().length;
        last.text = last.text + text.slice(s, e);
        last.end = e;
        last.kind = last.text.trim() === '' ? 'blank' : isValueText(last.text) ? 'value' : 'text';
      }
      lines.push(lineOf(text, pos, lineEnd, true));
    } else if (trimmed.startsWith('|') && trimmed.indexOf('|', 1) > 0) {
      if (!isMdSeparator(trimmed)) {
        const key = grid.newRow();
        const first = pos + line.indexOf('|');
        let lastPipe = pos + line.lastIndexOf('|');
        if (lastPipe === first) lastPipe = lineEnd;
        let cellStart = first + 1;
        for (let i = first + 1; i <= lastPipe; i++) {
          if (i === lastPipe || (text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92)) {
            markedCell(grid, text, cellStart, i, key, 'markdown', ' | ');
            cellStart = i + 1;
          }
        }
        layouts.add('markdown');
      }
      lines.push(lineOf(text, pos, lineEnd, true));
    } else if (PAGE_MARKER.test(line)) {
      lines.push(lineOf(text, pos, lineEnd, true));
    } else {
      // Plain text: a narrative line, a heading, or a PDF table row whose cells are separated by
      // spaces. Only a run of numbers at the end of the line is split off as cells.
      const key = grid.newRow();
      const allValues = trimmed.split(/[ \u3000\u00a0]+/);
      const lineStartTrim = pos + (line.length - line.trimStart().length);
      // A run of figures cut out of crawler text: glued cells, to be split by the identities.
      const glued = flow.gluedValues?.has(pos) === true;
      if ((allValues.length > 1 || glued) && allValues.every(isValueText)) {
        let i = lineStartTrim;
        for (const v of allValues) {
          const at = text.indexOf(v, i);
          grid.cell(text, at, at + v.length, key, glued ? 'flattened' : 'pdf', ' ', true);
          i = at + v.length;
        }
        layouts.add(glued ? 'flattened' : 'pdf');
        lines.push(lineOf(text, pos, lineEnd, true));
      } else {
        const labelEnd = MD_HEADING.test(line) ? -1 : trailingValuesStart(text, pos, pos + line.trimEnd().length);
        if (labelEnd > lineStartTrim) {
          markedCell(grid, text, lineStartTrim, labelEnd, key, 'pdf', ' ');
          const re = /\S+/g;
          const valuesText = text.slice(labelEnd, lineEnd);
          let mm: RegExpExecArray | null;
          while ((mm = re.exec(valuesText))) {
            const s = labelEnd + mm.index;
            grid.cell(text, s, s + mm[0].length, key, 'pdf', ' ', true);
          }
          layouts.add('pdf');
          lines.push(lineOf(text, pos, lineEnd, true));
        } else {
          const md = MD_HEADING.exec(line);
          const contentStart = md ? pos + md[0].length : lineStartTrim;
          if (md) layouts.add('markdown');
          // A narrative line, a heading, or a label whose values follow on other lines.
          markedCell(grid, text, contentStart, pos + line.trimEnd().length, key, 'pdf', ' ');
          lines.push(lineOf(text, pos, lineEnd, false));
          if (!md && !virtual && trimmed.length <= 60 && !/[。；;]$/.test(trimmed)) labelKey = key;
        }
      }
      prevCellPerLine = false;
      blockKey = -1;
    }
    if (!virtual && eol >= n) break;
    pos = next;
  }
  return { rows: grid.rows, lines, layouts, inferredSpans: flow.lost, ...(flow.first ? { lostBreaks: flow.first } : {}) };
}

/**
 * A line with tabs that may be a heading or a title all the same: one piece of text (a tab after
 * it), or a numeral and its title ("一、<tab>总体情况", as Word's list numbering is
 * copied). Which heading it is, if any, is for the heading reader to say.
 */
function headingLike(line: string): boolean {
  // (A line that starts with a tab is a cell of a one-cell-per-line table, or a page's menu item.)
  if (line.length > 200 || line.charCodeAt(0) === 9) return false;
  const cells = line.split('\t').map((c) => c.trim()).filter((c) => c !== '');
  if (cells.length === 1) return !isValueText(cells[0] as string);
  return cells.length === 2 && /^(?:[一二三四五六七八九十]{1,2}[、.．]|第[一二三四五六七八九十]{1,2}部分[、.．:：]?)$/.test(cells[0] as string) && !isValueText(cells[1] as string);
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

function lineOf(text: string, start: number, end: number, tabular: boolean): LogicalLine {
  const line = text.slice(start, end);
  const md = MD_HEADING.exec(line);
  const indent = line.length - line.trimStart().length;
  const contentStart = md ? start + md[0].length : start + indent;
  return { text: line, start, end, contentStart, markdownLevel: md ? (md[1] as string).length : 0, tabular };
}

const EMPHASIS = ['**', '__', '*'] as const;
// Markup inside a cell's words: bold, a backslash escape, a line break written as HTML.
const INNER_MARKUP = /\*\*|\\(?=[|*_\\])|<br\s*\/?>/gi;

/**
 * A cell of Markdown (or a line of text a converter wrote in Markdown) with its text as a reader
 * sees it: emphasis around the whole cell ("**（七）总计**") is outside the cell, its range too,
 * so that a figure's range is the figure; bold inside the words, a backslash escape ("\|") and a
 * `<br>` are left out of the text of a label or header, whose range stays the cell's.
 */
function markedCell(grid: GridBuilder, text: string, start: number, end: number, key: number, layout: Layout, sep: string): void {
  let s = start;
  let e = end;
  const trim = () => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  };
  trim();
  for (let round = 0; round < 3; round++) {
    const mark = EMPHASIS.find((m) => e - s > 2 * m.length && text.startsWith(m, s) && text.startsWith(m, e - m.length));
    if (!mark) break;
    s += mark.length;
    e -= mark.length;
    trim();
  }
  const raw = text.slice(s, e);
  if (raw === '' || (raw.indexOf('*') < 0 && raw.indexOf('\\') < 0 && raw.indexOf('<') < 0) || isValueText(raw)) {
    grid.cell(text, s, e, key, layout, sep);
    return;
  }
  grid.add(key, raw.replace(INNER_MARKUP, '').trim(), s, e, layout, sep);
}

