// The HTML reader: each table onto the grid (a `<tr>` a row, every `<td>` a cell in its column,
// blank or not, spans counted), and the text between tables as logical lines, one per block
// element, inline tags masked so that offsets in a line are offsets in the document.
import { isSpace, type GridBuilder, type LogicalLine } from '../grid/grid';

export interface Region {
  start: number;
  end: number;
}

export function findHtmlTables(text: string): Region[] {
  const regions: Region[] = [];
  const re = /<table\b[^<>]*>|<\/table\s*>/gi;
  let depth = 0;
  let start = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[0].charAt(1) !== '/') {
      if (depth === 0) start = m.index;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) regions.push({ start, end: m.index + m[0].length });
    }
  }
  if (depth > 0 && start >= 0) regions.push({ start, end: text.length });
  return regions;
}

const ENTITY = /&(?:nbsp|amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;
function decodeEntity(e: string): string {
  const body = e.slice(1, -1).toLowerCase();
  switch (body) {
    case 'nbsp': return ' ';
    case 'amp': return '&';
    case 'lt': return '<';
    case 'gt': return '>';
    case 'quot': return '"';
    case 'apos': return "'";
  }
  const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
}

/**
 * The rows of one HTML table onto the grid: each `<td>`/`<th>` a cell in its row, an empty one
 * (`&nbsp;`, `<o:p> </o:p>`) kept blank in its place, and its column counted past the cells a
 * `rowspan` above still covers and the columns a `colspan` takes.
 */
export function htmlTableRows(text: string, start: number, end: number, grid: GridBuilder): void {
  const re = /<\s*(\/?)\s*(tr|td|th|table)\b([^<>]*)>/gi;
  re.lastIndex = start;
  let key = grid.newRow();
  let cellStart = -1;
  let spans = { col: 1, row: 1 };
  // For each column, the last row a cell above still covers (rowspan); only the first
  // MAX_TRACKED columns are followed, so a hostile table costs no more than a plain one.
  const coveredTo: number[] = [];
  let row = 0;
  let col = 0;
  const close = (at: number) => {
    if (cellStart >= 0) {
      while (col < MAX_TRACKED && (coveredTo[col] ?? -1) >= row) col++;
      htmlCell(text, cellStart, at, key, grid, { col, colSpan: spans.col, rowSpan: spans.row });
      if (spans.row > 1) for (let k = 0; k < spans.col && col + k < MAX_TRACKED; k++) coveredTo[col + k] = row + spans.row - 1;
      col += spans.col;
    }
    cellStart = -1;
  };
  let m: RegExpExecArray | null;
  let rowOpen = false;
  while ((m = re.exec(text)) && m.index < end) {
    const closing = m[1] === '/';
    const tag = (m[2] as string).toLowerCase();
    if (tag === 'tr') {
      close(m.index);
      if (!closing) {
        if (rowOpen) row++;
        col = 0;
        key = grid.newRow();
        rowOpen = true;
      }
    } else if (tag === 'td' || tag === 'th') {
      close(m.index);
      if (!closing) {
        cellStart = m.index + m[0].length;
        spans = { col: spanOf(m[3] as string, 'colspan'), row: spanOf(m[3] as string, 'rowspan') };
      }
    } else if (tag === 'table' && closing) {
      close(m.index);
    }
  }
  close(end);
}

/** Columns whose rowspans are followed (a report's tables have at most about twenty). */
const MAX_TRACKED = 256;

/** A cell's `colspan`/`rowspan` (1 when absent or unreadable; at most 64 columns, 1000 rows). */
function spanOf(attributes: string, name: 'colspan' | 'rowspan'): number {
  // The attribute itself, not a longer name that ends with it (data-rowspan).
  const lower = attributes.toLowerCase();
  let at = lower.indexOf(name);
  while (at > 0 && !isSpace(lower.charCodeAt(at - 1))) at = lower.indexOf(name, at + 1);
  if (at < 0) return 1;
  let i = at + name.length;
  while (i < attributes.length && /[\s="']/.test(attributes.charAt(i)) && i < at + name.length + 8) i++;
  let n = 0;
  let digits = 0;
  while (i < attributes.length && digits < 5) {
    const c = attributes.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    digits++;
    i++;
  }
  return n >= 1 ? Math.min(n, name === 'colspan' ? 64 : 1000) : 1;
}

function htmlCell(text: string, start: number, end: number, key: number, grid: GridBuilder, place: { col: number; colSpan: number; rowSpan: number }): void {
  // Visible text with its extent: tags skipped, entities decoded.
  let visible = '';
  let first = -1;
  let last = -1;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      const close = text.indexOf('>', i);
      if (close < 0 || close >= end) break;
      // <br> inside a cell is a line break in the label: join without it.
      i = close + 1;
      continue;
    }
    if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      if (m && m.index === i) {
        const d = decodeEntity(m[0]);
        if (d.trim() !== '') {
          if (first < 0) first = i;
          last = i + m[0].length;
        }
        visible += d;
        i += m[0].length;
        continue;
      }
    }
    const ch = text.charAt(i);
    if (!isSpace(c)) {
      if (first < 0) first = i;
      last = i + 1;
    }
    visible += ch;
    i++;
  }
  const raw = visible.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (first < 0) grid.add(key, '', start, start, 'html', '', place.col, place.colSpan, place.rowSpan);
  else grid.add(key, raw, first, last, 'html', '', place.col, place.colSpan, place.rowSpan);
}

// Elements that end a line of text; inline elements (span, font, b, o:p…) do not.
const BLOCK_TAG = /^(?:p|div|h[1-6]|li|ul|ol|br|hr|tr|td|th|table|tbody|thead|section|article|header|footer|nav|aside|main|title|blockquote|pre|dd|dt|dl|form|body|html|head|meta|link)$/;
const TAG_NAME = /<\s*(\/?)\s*([a-zA-Z][\w:-]*)/y;
const SCRIPT_END = /<\/\s*(?:script|style)\s*>/gi;

/**
 * The text of an HTML document outside tables, as logical lines: one per block element, with the
 * inline tags inside it masked (each tag's characters become zero-width spaces and each entity its
 * character, so that offsets in the line are offsets in the document). Script and style contents
 * and comments are not text.
 */
export function htmlTextLines(text: string, start: number, end: number, lines: LogicalLine[]): void {
  let segment = start;
  let i = start;
  while (i < end) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      i = close < 0 ? end : Math.min(end, close + 3);
      continue;
    }
    TAG_NAME.lastIndex = lt;
    const m = TAG_NAME.exec(text);
    const gt = text.indexOf('>', lt);
    // No ">" after this "<": no later tag closes either (and the rest is not searched again).
    if (gt < 0 || gt >= end) break;
    if (!m) {
      i = lt + 1;
      continue;
    }
    const name = (m[2] as string).toLowerCase();
    if ((name === 'script' || name === 'style') && m[1] === '') {
      maskedLine(text, segment, lt, lines);
      SCRIPT_END.lastIndex = gt;
      const close = SCRIPT_END.exec(text);
      i = segment = close && close.index < end ? close.index + close[0].length : end;
      continue;
    }
    if (BLOCK_TAG.test(name)) {
      maskedLine(text, segment, lt, lines);
      segment = gt + 1;
    }
    i = gt + 1;
  }
  maskedLine(text, segment, end, lines);
}

const SPECIAL = /[<&\n\r\t]/g;
const ZERO_WIDTH: string[] = [];
function zeroWidth(n: number): string {
  if (n > 256) return '\u200b'.repeat(n);
  return (ZERO_WIDTH[n] ??= '\u200b'.repeat(n));
}

function maskedLine(text: string, start: number, end: number, lines: LogicalLine[]): void {
  // Most pieces between two block tags are only the source's indentation.
  let s = start;
  while (s < end && isBlankCode(text.charCodeAt(s))) s++;
  if (s >= end) return;
  // Built from slices: runs of plain text are copied whole, a tag becomes as many zero-width
  // spaces as it is long (offsets stay the source's), an entity its character.
  const parts: string[] = [];
  let run = start;
  let i = start;
  const flush = (to: number) => {
    if (to > run) parts.push(text.slice(run, to));
  };
  while (i < end) {
    // Straight to the next character that is not copied as it is.
    SPECIAL.lastIndex = i;
    const sm = SPECIAL.exec(text);
    if (!sm || sm.index >= end) break;
    i = sm.index;
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      flush(i);
      const gt = text.indexOf('>', i);
      const stop = gt < 0 || gt >= end ? end : gt + 1;
      parts.push(zeroWidth(stop - i));
      i = run = stop;
      continue;
    }
    if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      if (m && m.index === i && m[0].length <= end - i) {
        flush(i);
        const d = decodeEntity(m[0]).slice(0, m[0].length);
        parts.push(d + zeroWidth(m[0].length - d.length));
        i = run = i + m[0].length;
        continue;
      }
      i++;
      continue;
    }
    flush(i);
    parts.push(' ');
    i = run = i + 1;
  }
  flush(end);
  const out = parts.join('');
  let first = 0;
  while (first < out.length && isBlankCode(out.charCodeAt(first))) first++;
  if (first === out.length) return;
  let last = out.length - 1;
  while (last > first && isBlankCode(out.charCodeAt(last))) last--;
  lines.push({ text: out.slice(first, last + 1), start: start + first, end: start + last + 1, contentStart: start + first, markdownLevel: 0, tabular: false });
}

/** White space as the masked line has it: \s, and the zero-width space a tag leaves. */
function isBlankCode(c: number): boolean {
  return c === 0x200b || c === 0xa0 || c === 0x3000 || c === 32 || (c >= 9 && c <= 13) || c === 0xfeff ||
    c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x85;
}
