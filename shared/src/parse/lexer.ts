// Turns a document in any of the layouts of FORMAT.md §7 into one stream of cell tokens (in
// document order, each with its exact range) and a list of logical lines for heading detection.
// Everything after this point is layout-independent: the table parser reads labels and values
// from the token stream whatever the layout was.
import type { Layout } from '../model';
import { reflow } from './reflow';

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

export interface Lexed {
  tokens: Token[];
  lines: LogicalLine[];
  layouts: Set<Layout>;
  /** The first line that had lost its line breaks (text copied from a web page). */
  lostBreaks?: { start: number; end: number };
}

// A value cell: a number (ASCII or full-width, thousands separators, decimals, a trailing unit),
// or a placeholder standing for one.
const NUMBER_TEXT = /^[+\-－]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\s*(?:万元|元|件|个|项|次)?$/;
const PLACEHOLDER_TEXT = /^(?:[—–\-－―─]{1,3}|[/／\\]|无|空)$/;
export function isValueText(s: string): boolean {
  return NUMBER_TEXT.test(s) || PLACEHOLDER_TEXT.test(s);
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
const PAGE_MARKER = /^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;
const MD_HEADING = /^(#{1,6})[ \t]+/;
const MD_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function lex(text: string, hint?: { html?: boolean }): Lexed {
  const tokens: Token[] = [];
  const lines: LogicalLine[] = [];
  const layouts = new Set<Layout>();
  let rowKey = 0;
  const htmlDoc = hint?.html ?? (/^\s*</.test(text) || /<(?:html|body)\b/i.test(text.slice(0, 4000)));
  const tableRegions = htmlDoc || text.includes('<table') || text.includes('<TABLE') ? findHtmlTables(text) : [];
  let regionIndex = 0;

  // Lines: the physical ones, and those a web copy lost (see reflow.ts).
  const flow = htmlDoc ? { breaks: [] as number[] } : reflow(text);
  let breakIndex = 0;
  let pos = 0;
  let prevCellPerLine = false; // the previous line was a one-cell Word-export line (for continuations)
  let blockKey = -1;
  const n = text.length;
  while (pos <= n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    while (breakIndex < flow.breaks.length && (flow.breaks[breakIndex] as number) <= pos) breakIndex++;
    const lost = flow.breaks[breakIndex];
    const virtual = lost !== undefined && lost < eol;
    let lineEnd = virtual ? lost : eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    // A line a web copy lost ends at its last visible character (the separators before the next one are not cells).
    if (virtual) while (lineEnd > pos && isSpace(text.charCodeAt(lineEnd - 1))) lineEnd--;
    const next = virtual ? lost : eol + 1;

    const region = tableRegions[regionIndex];
    if (region && pos >= region.start) {
      // An HTML table: tokens come from its cells; skip its lines.
      rowKey = htmlTableTokens(text, region.start, region.end, tokens, rowKey);
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
    if (trimmed === '' && !/^\t[ \u3000]*$/.test(line)) {
      prevCellPerLine = false;
      blockKey = -1;
    } else if (line.includes('\t')) {
      const cellPerLine = /^\t[^\t]*$/.test(line);
      if (cellPerLine) {
        if (blockKey < 0) blockKey = ++rowKey;
        pushCell(tokens, text, pos + 1, lineEnd, blockKey, 'cellPerLine', '\n\t');
        layouts.add('cellPerLine');
      } else {
        const key = ++rowKey;
        let cellStart = pos;
        for (let i = pos; i <= lineEnd; i++) {
          if (i === lineEnd || text.charCodeAt(i) === 9) {
            pushCell(tokens, text, cellStart, i, key, 'tab', '\t');
            cellStart = i + 1;
          }
        }
        layouts.add('tab');
        blockKey = -1;
      }
      prevCellPerLine = cellPerLine;
      lines.push(lineOf(text, pos, lineEnd, true));
    } else if (prevCellPerLine && trimmed.length <= 24 && !MD_HEADING.test(line) && !/^[一二三四五六七八九十\d]+[、.．]/.test(trimmed)) {
      // A Word cell that wrapped onto a line of its own ("商业\n企业"): extend the previous cell.
      const last = tokens[tokens.length - 1];
      if (last) {
        const s = pos + (line.length - line.trimStart().length);
        const e = pos + line.trimEnd().length;
        last.text = last.text + text.slice(s, e);
        last.end = e;
        last.kind = last.text.trim() === '' ? 'blank' : isValueText(last.text) ? 'value' : 'text';
      }
      lines.push(lineOf(text, pos, lineEnd, true));
    } else if (trimmed.startsWith('|') && trimmed.indexOf('|', 1) > 0) {
      if (!MD_SEPARATOR.test(trimmed)) {
        const key = ++rowKey;
        const first = pos + line.indexOf('|');
        let lastPipe = pos + line.lastIndexOf('|');
        if (lastPipe === first) lastPipe = lineEnd;
        let cellStart = first + 1;
        for (let i = first + 1; i <= lastPipe; i++) {
          if (i === lastPipe || (text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92)) {
            pushCell(tokens, text, cellStart, i, key, 'markdown', ' | ');
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
      const key = ++rowKey;
      const allValues = trimmed.split(/[ \u3000\u00a0]+/);
      const lineStartTrim = pos + (line.length - line.trimStart().length);
      if (allValues.length > 1 && allValues.every(isValueText)) {
        let i = lineStartTrim;
        for (const v of allValues) {
          const at = text.indexOf(v, i);
          pushCell(tokens, text, at, at + v.length, key, 'pdf', ' ');
          i = at + v.length;
        }
        layouts.add('pdf');
        lines.push(lineOf(text, pos, lineEnd, true));
      } else {
        const labelEnd = MD_HEADING.test(line) ? -1 : trailingValuesStart(text, pos, pos + line.trimEnd().length);
        if (labelEnd > lineStartTrim) {
          pushCell(tokens, text, lineStartTrim, labelEnd, key, 'pdf', ' ');
          const re = /\S+/g;
          const valuesText = text.slice(labelEnd, lineEnd);
          let mm: RegExpExecArray | null;
          while ((mm = re.exec(valuesText))) {
            const s = labelEnd + mm.index;
            pushCell(tokens, text, s, s + mm[0].length, key, 'pdf', ' ');
          }
          layouts.add('pdf');
          lines.push(lineOf(text, pos, lineEnd, true));
        } else {
          const md = MD_HEADING.exec(line);
          const contentStart = md ? pos + md[0].length : lineStartTrim;
          if (md) layouts.add('markdown');
          // A narrative line, a heading, or a label whose values follow on other lines.
          pushCell(tokens, text, contentStart, pos + line.trimEnd().length, key, 'pdf', ' ');
          lines.push(lineOf(text, pos, lineEnd, false));
        }
      }
      prevCellPerLine = false;
      blockKey = -1;
    }
    if (!virtual && eol >= n) break;
    pos = next;
  }
  return { tokens, lines, layouts, ...(flow.first ? { lostBreaks: flow.first } : {}) };
}

function lineOf(text: string, start: number, end: number, tabular: boolean): LogicalLine {
  const line = text.slice(start, end);
  const md = MD_HEADING.exec(line);
  const indent = line.length - line.trimStart().length;
  const contentStart = md ? start + md[0].length : start + indent;
  return { text: line, start, end, contentStart, markdownLevel: md ? (md[1] as string).length : 0, tabular };
}

function pushCell(tokens: Token[], text: string, start: number, end: number, rowKey: number, layout: Layout, sep: string): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  const raw = text.slice(s, e);
  if (s === e) {
    // Keep the blank where it is, so a value can be written into it.
    tokens.push({ text: '', start: s, end: s, rowKey, layout, kind: 'blank', sep });
    return;
  }
  tokens.push({ text: raw, start: s, end: e, rowKey, layout, kind: isValueText(raw) ? 'value' : 'text', sep });
}

function isSpace(c: number): boolean {
  // 12: the form feed pdftotext puts at each page break.
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 12 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

// ------------------------------------------------------------------------------------ HTML

interface Region {
  start: number;
  end: number;
}

function findHtmlTables(text: string): Region[] {
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

/** Cells of one HTML table; spans are irrelevant because rows are read by their labels. */
function htmlTableTokens(text: string, start: number, end: number, tokens: Token[], rowKey: number): number {
  const re = /<\s*(\/?)\s*(tr|td|th|table)\b[^<>]*>/gi;
  re.lastIndex = start;
  let key = ++rowKey;
  let cellStart = -1;
  const close = (at: number) => {
    if (cellStart >= 0) htmlCell(text, cellStart, at, key, tokens);
    cellStart = -1;
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < end) {
    const closing = m[1] === '/';
    const tag = (m[2] as string).toLowerCase();
    if (tag === 'tr') {
      close(m.index);
      if (!closing) key = ++rowKey;
    } else if (tag === 'td' || tag === 'th') {
      close(m.index);
      if (!closing) cellStart = m.index + m[0].length;
    } else if (tag === 'table' && closing) {
      close(m.index);
    }
  }
  close(end);
  return key;
}

function htmlCell(text: string, start: number, end: number, rowKey: number, tokens: Token[]): void {
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
  if (first < 0) {
    tokens.push({ text: '', start, end: start, rowKey, layout: 'html', kind: 'blank', sep: '' });
    return;
  }
  tokens.push({ text: raw, start: first, end: last, rowKey, layout: 'html', kind: isValueText(raw) ? 'value' : 'text', sep: '' });
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
function htmlTextLines(text: string, start: number, end: number, lines: LogicalLine[]): void {
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
    if (!m || gt < 0 || gt >= end) {
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

function maskedLine(text: string, start: number, end: number, lines: LogicalLine[]): void {
  if (end <= start) return;
  let out = '';
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      const gt = text.indexOf('>', i);
      const stop = gt < 0 || gt >= end ? end : gt + 1;
      out += '\u200b'.repeat(stop - i);
      i = stop;
      continue;
    }
    if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      if (m && m.index === i && m[0].length <= end - i) {
        const d = decodeEntity(m[0]).slice(0, m[0].length);
        out += d + '\u200b'.repeat(m[0].length - d.length);
        i += m[0].length;
        continue;
      }
    }
    out += c === 10 || c === 13 || c === 9 ? ' ' : text.charAt(i);
    i++;
  }
  const visible = /[^\s\u200b\u00a0\u3000]/g;
  const first = out.search(/[^\s\u200b\u00a0\u3000]/);
  if (first < 0) return;
  let last = first;
  let v: RegExpExecArray | null;
  visible.lastIndex = first;
  while ((v = visible.exec(out))) last = v.index;
  lines.push({ text: out.slice(first, last + 1), start: start + first, end: start + last + 1, contentStart: start + first, markdownLevel: 0, tabular: false });
}

/** Decodes the HTML entities of a heading text (for display only). */
export function decodeEntities(s: string): string {
  return s.replace(ENTITY, decodeEntity);
}
