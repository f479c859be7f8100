// Reading a Word (.docx) report as written: paragraphs (with Word's automatic numbering, so a
// heading numbered by a list style keeps its "一、"), and tables as tables — rows, cells, merged
// cells (gridSpan across columns, vMerge down rows) and blank cells — so every value lands in its
// true column and no split is guessed. The report is rebuilt as Markdown (pipe tables keep blank
// cells exactly) with a map from each line back to its paragraph or table row (rebuilt.ts writes
// it, as it writes the PDF reader's).
import { readZip } from './zip';
import { chineseNumeral } from '../text';
import { RebuiltWriter } from '../grid/rebuilt';
import type { Rebuilt, SourceLocation } from '../grid/source';

type LineSource = { paragraph: number } | { table: number; row: number };

export type DocxError = 'old-format' | 'encrypted' | 'not-zip' | 'not-docx' | 'too-large' | 'corrupt';

/** What a .docx may hold (checked from the zip's directory before inflating, and while inflating). */
export const DOCX_LIMITS = { entries: 10_000, documentBytes: 32 * 1024 * 1024, numberingBytes: 4 * 1024 * 1024 };
export type DocxResult = { ok: true; report: Rebuilt } | { ok: false; reason: DocxError };

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function readDocx(bytes: Uint8Array): DocxResult {
  // A password-protected Word file is an OLE container holding an "EncryptedPackage" stream.
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, reason: hasUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'old-format' };
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, reason: 'not-zip' };
  const read = readZip(bytes, new Map([['word/document.xml', DOCX_LIMITS.documentBytes], ['word/numbering.xml', DOCX_LIMITS.numberingBytes]]), DOCX_LIMITS.entries);
  if (!read.ok) return { ok: false, reason: read.reason };
  const document = read.files.get('word/document.xml');
  if (!document) return { ok: false, reason: 'not-docx' };
  const numberingXml = read.files.get('word/numbering.xml');
  const decoder = new TextDecoder('utf-8');
  try {
    const numbering = numberingXml ? readNumbering(decoder.decode(numberingXml)) : new Map<string, Level[]>();
    return { ok: true, report: rebuild(decoder.decode(document), numbering) };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = [...word].flatMap((c) => [c.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 1 << 20) - pattern.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- XML, as far as WordprocessingML needs

interface Tag {
  name: string;
  close: boolean;
  selfClose: boolean;
  attrs: string;
}
type Token = Tag | { text: string };

/**
 * The XML, token by token, by a forward scan: each construct ("<!--", "<?", "<!", "<tag") is closed
 * by the first terminator after it, found once; an unclosed one ends the document (a few KB of
 * "<?" with no "?>" must not be searched to the end again for each of them).
 */
function* tokens(xml: string): Generator<Token> {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      yield { text: unescape(xml.slice(i)) };
      return;
    }
    if (lt > i) yield { text: unescape(xml.slice(i, lt)) };
    const closer = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<?', lt) ? '?>' : '>';
    const end = xml.indexOf(closer, lt + 1);
    if (end < 0) return;
    i = end + closer.length;
    if (closer !== '>' || xml.charCodeAt(lt + 1) === 33 /* <!DOCTYPE, <![CDATA[ */) continue;
    TAG.lastIndex = lt;
    const tag = TAG.exec(xml);
    if (tag && TAG.lastIndex === i) yield { name: tag[2] as string, close: tag[1] === '/', selfClose: tag[4] === '/', attrs: tag[3] ?? '' };
  }
}

// One tag, matched where it starts (sticky) and only up to its own ">" (no "<" or ">" inside):
// never a search through the rest of the document.
const TAG = /<(\/?)([A-Za-z_][\w:.-]*)([^<>]*?)(\/?)>/y;

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? unescape(m[1] as string) : undefined;
};

function unescape(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    // A character reference out of Unicode's range is dropped, not a reason to reject the file.
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

// ---------------------------------------------------------------- numbering (list styles)

/** Word's list levels are 0–8; the longest numbering text kept; the widest table grid. */
const MAX_LEVEL = 8;
const MAX_LEVEL_TEXT = 64;
export const MAX_COLUMNS = 64;

function listLevel(value: string | undefined): number {
  const n = Math.floor(Number(value ?? 0));
  return Number.isFinite(n) ? Math.min(MAX_LEVEL, Math.max(0, n)) : 0;
}

interface Level {
  format: string;
  text: string;
  start: number;
}

function readNumbering(xml: string): Map<string, Level[]> {
  const abstract = new Map<string, Level[]>();
  const nums = new Map<string, string>();
  let currentAbstract: string | undefined;
  let level: number | undefined;
  let lastNum: string | undefined;
  for (const t of tokens(xml)) {
    if (!('name' in t) || t.close) continue;
    if (t.name === 'w:abstractNum') {
      currentAbstract = attr(t.attrs, 'w:abstractNumId');
      if (currentAbstract !== undefined) abstract.set(currentAbstract, []);
    } else if (t.name === 'w:lvl' && currentAbstract !== undefined) {
      level = listLevel(attr(t.attrs, 'w:ilvl'));
      abstract.get(currentAbstract)![level] = { format: 'decimal', text: '', start: 1 };
    } else if (level !== undefined && currentAbstract !== undefined) {
      const l = abstract.get(currentAbstract)![level]!;
      if (t.name === 'w:numFmt') l.format = attr(t.attrs, 'w:val') ?? 'decimal';
      // A numbering text is a few characters ("%1、"); a longer one is no numbering.
      else if (t.name === 'w:lvlText') l.text = (attr(t.attrs, 'w:val') ?? '').slice(0, MAX_LEVEL_TEXT);
      else if (t.name === 'w:start') l.start = Math.min(Math.max(0, Number(attr(t.attrs, 'w:val') ?? 1) || 0), 1e6);
    }
    if (t.name === 'w:num') {
      currentAbstract = undefined;
      lastNum = attr(t.attrs, 'w:numId') ?? '';
      nums.set(lastNum, '');
    }
    if (t.name === 'w:abstractNumId' && lastNum !== undefined) nums.set(lastNum, attr(t.attrs, 'w:val') ?? '');
  }
  const out = new Map<string, Level[]>();
  for (const [numId, abstractId] of nums) {
    const levels = abstract.get(abstractId);
    if (levels) out.set(numId, levels);
  }
  return out;
}

function formatNumber(n: number, format: string): string {
  if (/^(chineseCounting|chineseCountingThousand|ideographTraditional|ideographDigital|chineseLegalSimplified|taiwaneseCounting)/.test(format)) return chineseNumeral(n);
  if (format === 'none') return '';
  return String(n);
}

// ---------------------------------------------------------------- the document

interface Cell {
  text: string;
  span: number;
  /** vMerge="continue": the cell above runs down into this one. */
  continued: boolean;
}

/** Where the walk over the document's XML stands: the paragraph and the table being read. */
interface Walk {
  readonly report: RebuiltWriter<LineSource>;
  readonly numbering: Map<string, Level[]>;
  readonly counters: Map<string, number[]>;
  paragraphIndex: number;
  tableIndex: number;
  /** The paragraph being read (its text so far), with its list numbering. */
  para: string | undefined;
  numId: string | undefined;
  ilvl: number;
  inText: boolean;
  /** Tables being read (a nested table is read into the enclosing cell's text). */
  depth: number;
  rows: Cell[][];
  row: Cell[] | undefined;
  cell: Cell | undefined;
  /** A text box (w:txbxContent) holds paragraphs inside a paragraph: the outer one waits here. */
  outer: Array<{ para: string; numId: string | undefined; ilvl: number }>;
  /** Inside drawing alternatives: the same text box again for old readers (mc:Fallback) is skipped. */
  fallback: number;
}

function rebuild(xml: string, numbering: Map<string, Level[]>): Rebuilt {
  // Blocks (paragraphs, tables) are separated by one blank line, as Markdown paragraphs are.
  const w: Walk = {
    report: new RebuiltWriter<LineSource>(), numbering, counters: new Map(), paragraphIndex: 0, tableIndex: 0,
    para: undefined, numId: undefined, ilvl: 0, inText: false, depth: 0, rows: [], row: undefined, cell: undefined, outer: [], fallback: 0,
  };
  for (const t of tokens(xml)) readToken(w, t);
  endParagraph(w);
  return w.report.finish(locateLine);
}

function readToken(w: Walk, t: Token): void {
  if ('name' in t && t.name === 'mc:Fallback' && !t.selfClose) {
    w.fallback += t.close ? -1 : 1;
    return;
  }
  if (w.fallback > 0) return;
  if (!('name' in t)) {
    if (w.inText && w.para !== undefined) w.para += t.text;
    return;
  }
  if (t.name === 'w:tbl') readTable(w, t);
  else if (w.depth === 1 && (t.name === 'w:tr' || t.name === 'w:tc' || t.name === 'w:gridSpan' || t.name === 'w:vMerge')) readTableRow(w, t);
  else if (t.name === 'w:p') readParagraph(w, t);
  else readRun(w, t);
}

function readTable(w: Walk, t: Tag): void {
  if (!t.close) {
    if (w.depth === 0) endParagraph(w);
    w.depth++;
  } else {
    w.depth--;
    if (w.depth === 0) endTable(w);
  }
}

/** A row, a cell, and a cell's merges, of a table at the top level. */
function readTableRow(w: Walk, t: Tag): void {
  if (t.name === 'w:tr') {
    if (!t.close) w.row = [];
    else if (w.row) {
      w.rows.push(w.row);
      w.row = undefined;
    }
  } else if (t.name === 'w:tc') {
    if (!t.close) w.cell = { text: '', span: 1, continued: false };
    else if (w.cell && w.row) {
      endParagraph(w);
      w.row.push(w.cell);
      w.cell = undefined;
    }
  } else if (w.cell && !t.close) {
    // A cell spans at most the columns a table can have (a hostile gridSpan="1000000000" is not a grid).
    if (t.name === 'w:gridSpan') w.cell.span = Math.min(MAX_COLUMNS, Math.max(1, Math.floor(Number(attr(t.attrs, 'w:val') ?? 1)) || 1));
    else w.cell.continued = (attr(t.attrs, 'w:val') ?? 'continue') === 'continue';
  }
}

function readParagraph(w: Walk, t: Tag): void {
  if (!t.close && !t.selfClose) {
    if (w.para !== undefined) w.outer.push({ para: w.para, numId: w.numId, ilvl: w.ilvl });
    w.para = '';
    w.numId = undefined;
    w.ilvl = 0;
  } else if (t.close) {
    endParagraph(w);
    const o = w.outer.pop();
    if (o) ({ para: w.para, numId: w.numId, ilvl: w.ilvl } = o);
  }
}

/** What a paragraph's runs hold: its list numbering, text, tabs and line breaks. */
function readRun(w: Walk, t: Tag): void {
  const { name, close, selfClose } = t;
  if (name === 'w:numId' && !close) w.numId = attr(t.attrs, 'w:val');
  else if (name === 'w:ilvl' && !close) w.ilvl = listLevel(attr(t.attrs, 'w:val'));
  else if (name === 'w:t') w.inText = !close && !selfClose;
  else if (name === 'w:tab' && !close && w.para !== undefined && w.depth === 0) w.para += '\t';
  else if ((name === 'w:br' || name === 'w:cr') && !close && w.para !== undefined) w.para += w.depth > 0 ? '' : '\n';
}

/** The paragraph's list number ("一、", "（二）"), counted as Word counts it. */
function numberPrefix(w: Walk): string {
  if (w.numId === undefined || w.numId === '0') return '';
  const levels = w.numbering.get(w.numId);
  const level = levels?.[w.ilvl];
  if (!levels || !level) return '';
  const counts = w.counters.get(w.numId) ?? [];
  counts[w.ilvl] = (counts[w.ilvl] ?? level.start - 1) + 1;
  for (let k = w.ilvl + 1; k < counts.length; k++) counts[k] = undefined as unknown as number;
  w.counters.set(w.numId, counts);
  return level.text.replace(/%(\d)/g, (_, d: string) => {
    const k = Number(d) - 1;
    const l = levels[k];
    return formatNumber(counts[k] ?? l?.start ?? 1, l?.format ?? 'decimal');
  });
}

function endParagraph(w: Walk): void {
  if (w.para === undefined) return;
  const text = (numberPrefix(w) + w.para).replace(/\u00a0/g, ' ');
  if (w.depth > 0 && w.cell) w.cell.text += text;
  else if (text.trim() !== '') {
    w.report.gap();
    // A line break inside a paragraph (Shift+Enter) is a line of its own, from the same paragraph.
    for (const line of text.split('\n')) w.report.line(line, { paragraph: w.paragraphIndex });
    w.paragraphIndex++;
  }
  w.para = undefined;
  w.numId = undefined;
  w.ilvl = 0;
}

function endTable(w: Walk): void {
  w.tableIndex++;
  // A loop, not a spread: a table may have 200,000 rows.
  let width = 0;
  for (const r of w.rows) width = Math.max(width, r.reduce((n, c) => n + c.span, 0));
  width = Math.min(width, MAX_COLUMNS);
  const grid = w.rows.map((r) => {
    const out: string[] = [];
    for (const c of r) {
      out.push(c.continued ? '' : c.text.trim());
      for (let k = 1; k < c.span; k++) out.push('');
    }
    while (out.length < width) out.push('');
    return out;
  });
  w.report.gap();
  grid.forEach((cells, r) => {
    w.report.row(cells, cells.join('\t'), { table: w.tableIndex, row: r + 1 });
    if (r === 0) w.report.delimiter(width);
  });
  w.rows = [];
}

function locateLine(at: LineSource, column: number, markdownLine: string): SourceLocation {
  if ('paragraph' in at) return { kind: 'docx', paragraph: at.paragraph + 1 };
  // The cell: the pipes before the column (a pipe inside a cell was written full-width).
  const cell = Math.max(1, markdownLine.slice(0, column).split('|').length - 1);
  return { kind: 'docx', table: at.table, row: at.row, cell };
}
