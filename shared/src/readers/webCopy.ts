// Text copied from a web page: the whole report on one line, or on a few very long lines, with
// headings in mid-line and table cells apart by single spaces. This reader finds where the lines
// were: it gives the offsets at which the other readers should start a new line, so that every
// range still points at the characters of the long line. A heading or a label of the format
// starts a line; the values after a label stay on its line; narrative words stay together.
import { gluedBreaks } from './glued';
import { sectionOfTitle } from '../format/headings';
import { isCornerNote, isTable1HeaderMarker, matchArticle20Item, matchTable1Row, matchTable2Row, table1HeaderVocabulary, table2HeaderVocabulary, table3HeaderVocabulary } from '../format/labels';
import { isValueText } from '../grid/grid';
import { LABEL_NUMBERING_ONLY } from '../format/patterns';
import { norm, stripNumbering } from '../text';
import { spec } from '../format/data';

/** A line this long that holds a section heading (or the 表2 corner note) lost its breaks. */
const LONG_LINE = 100;
// "2、主动公开政府信息情况" too: Arabic numbering, with the format's own title (as sections.ts accepts it).
const HEADING_IN_WORD = /[一二三四五六1-6]、/g;
/** Words only the tables have (表1's item marker, 表2's corner note and header). */
const TABLE_WORDS = /第二十条第|勾稽关系|申请人情况/;
const MAX_MARKER_SCAN = 400_000;

export interface Reflow {
  /** Offsets where a new line starts (sorted). */
  breaks: number[];
  /** Starts of lines that are runs of glued figures (crawler text, see glued.ts). */
  gluedValues?: Set<number>;
  /** The first line that had lost its line breaks. */
  first?: { start: number; end: number };
  /** Every line that had lost its line breaks: the lines and cells in it are the reader's own cut. */
  lost: Array<{ start: number; end: number }>;
}

export function reflow(text: string): Reflow {
  const breaks: number[] = [];
  const gluedValues = new Set<number>();
  const lost: Reflow['lost'] = [];
  let first: Reflow['first'];
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    if (eol - pos >= LONG_LINE && lostBreaks(text, pos, eol)) {
      const glued = gluedBreaks(text, pos, eol);
      if (glued) for (const v of glued.valueLines) gluedValues.add(v);
      const found = glued ?? lineBreaks(text, pos, eol);
      // One by one: a spread of a long line's breaks would overflow the stack.
      for (const b of found.breaks) breaks.push(b);
      // A heading with its first sentence on one line is a way of writing, not a lost break: it
      // is said only when table rows were found inside the line too.
      if (found.rows > 0) first ??= { start: pos, end: eol };
      // A table cut out of a long line is the reader's own cut, rows or not.
      if (found.rows > 0 || TABLE_WORDS.test(text.slice(pos, Math.min(eol, pos + MAX_MARKER_SCAN)))) lost.push({ start: pos, end: eol });
    }
    pos = eol + 1;
  }
  return { breaks, lost, ...(first ? { first } : {}), ...(gluedValues.size > 0 ? { gluedValues } : {}) };
}

function lostBreaks(text: string, start: number, end: number): boolean {
  const line = text.slice(start, end);
  // An HTML table on one line (pasted into Markdown) has its own reader.
  if (/<t[dhr]\b|<table\b/i.test(line)) return false;
  let headings = 0;
  HEADING_IN_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEADING_IN_WORD.exec(line)) && headings < 1) if (sectionAt(line, m.index)) headings++;
  return headings >= 1 || (line.includes('勾稽') && /第一项加第二项|本列数据/.test(line));
}

/** A section heading starting at `i` ("一、总体情况"), its title ending at a space or a stop. */
function sectionAt(line: string, i: number): boolean {
  const window = line.slice(i + 2, i + 44).replace(/^[ \t\u3000]+/, '');
  // Every section title names 情况, 事项 or 问题: most "一、" of a narrative are rejected at once.
  if (!/情况|事项|问题/.test(window)) return false;
  const title = /^[^\s。；;，,：:]{2,40}/.exec(window)?.[0];
  return title !== undefined && titled(line.charAt(i), title);
}

function titled(numeral: string, title: string): boolean {
  if (sectionOfTitle(title) === undefined) return false;
  return !/\d/.test(numeral) || spec.sections.some((s) => norm(title).includes(norm(s.title)));
}

interface Word {
  start: number;
  end: number;
  text: string;
}

interface Group {
  start: number;
  values: number;
  known: boolean;
  /** A heading or a header word: the figures after it are not its values (a sentence, a data row). */
  heading: boolean;
  /** The report's title ends the line ("…政府信息公开工作年度报告"). */
  closed: boolean;
}

function lineBreaks(text: string, start: number, end: number): { breaks: number[]; rows: number } {
  const words = splitWords(text, start, end);
  const out: number[] = [];
  let rows = 0;
  // Pasted pages repeat their words (menus, table labels): decide each distinct word once.
  const memo = new Map<string, { header: boolean; heading: boolean; known: boolean }>();
  const classify = (word: string, valuesFollow: boolean) => {
    const key = valuesFollow ? `1${word}` : `0${word}`;
    let c = memo.get(key);
    if (!c) {
      // Every heading, label and header word is Chinese: other words are decided at once.
      const chinese = /[\u4e00-\u9fff]/.test(word);
      const header = chinese && word.length <= 20 && HEADER_WORDS.has(norm(word));
      const heading = header || (chinese && isHeading(word));
      c = { header, heading, known: heading || (chinese && isKnownStart(word, valuesFollow)) };
      memo.set(key, c);
    }
    return c;
  };
  let cur: Group | undefined;
  words.forEach((w, k) => {
    if (isValueText(w.text)) {
      if (cur && !cur.heading && !cur.closed) {
        cur.values++;
        if (cur.known && cur.values === 2) rows++;
      }
      else {
        if (cur) out.push(w.start);
        cur = { start: w.start, values: 1, known: false, heading: false, closed: false };
      }
      return;
    }
    const next = words[k + 1];
    const { heading, known } = classify(w.text, next !== undefined && isValueText(next.text));
    const closes = /(?:年度报告|工作报告)$/.test(w.text);
    // Narrative words stay together, with a lone number among them ("申请 15 件").
    if (cur && !known && !cur.known && !cur.closed && cur.values <= 1) {
      cur.closed = closes;
      return;
    }
    if (cur) out.push(w.start);
    cur = { start: w.start, values: 0, known, heading, closed: closes };
  });
  return { breaks: out.filter((b) => b > start), rows };
}

/** The words of the line; a heading glued to the sentence before it ("…本报告。一、总体情况") is its own word. */
function splitWords(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  const line = text.slice(start, end);
  let pendingNumbering = false;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const word = m[0];
    // Markdown's pipes, separator rows and heading marks are no words.
    if (/^[|#:\-—]+$/.test(word)) continue;
    // A numbering apart from its label ("1. 属于国家秘密") belongs to the next word.
    const previous = out[out.length - 1];
    if (previous && previous.end === start + m.index - 1 && LABEL_NUMBERING_ONLY.test(previous.text) && pendingNumbering) {
      pendingNumbering = false;
      out[out.length - 1] = { start: previous.start, end: start + m.index + word.length, text: `${previous.text} ${word}` };
      continue;
    }
    pendingNumbering = LABEL_NUMBERING_ONLY.test(word);
    let from = 0;
    HEADING_IN_WORD.lastIndex = 1;
    let h: RegExpExecArray | null;
    while ((h = HEADING_IN_WORD.exec(word))) {
      if (/[。；;！!？?）)」”]/.test(word.charAt(h.index - 1)) && sectionAt(word, h.index)) {
        out.push({ start: start + m.index + from, end: start + m.index + h.index, text: word.slice(from, h.index) });
        from = h.index;
      }
    }
    // A heading and the first sentence after it ("一、总体情况。2023 年，…"): the heading ends at its stop.
    const rest = word.slice(from);
    const head = /^[一二三四五六1-6]、([^。：:；;]{2,40})[。：:]/.exec(rest);
    if (head && rest.length > head[0].length && titled(rest.charAt(0), head[1] as string)) {
      out.push({ start: start + m.index + from, end: start + m.index + from + head[0].length, text: head[0] });
      from += head[0].length;
    }
    out.push({ start: start + m.index + from, end: start + m.index + word.length, text: word.slice(from) });
  }
  return out;
}

const HEADER_WORDS = new Set([...table1HeaderVocabulary.keys(), ...table2HeaderVocabulary.keys(), ...table3HeaderVocabulary.keys()]);

function isHeading(word: string): boolean {
  return /^[一二三四五六1-6]、/.test(word) && titled(word.charAt(0), word.slice(2));
}

/** A word that starts a line of its own: a heading, an item, a row label, a header word. */
function isKnownStart(word: string, valuesFollow: boolean): boolean {
  // A sentence is no label: keeps a long paste (megabytes on one line) linear and cheap.
  if (word.length > 70 || word.includes('。')) return false;
  const n = norm(word);
  if (matchArticle20Item(word) !== undefined || isTable1HeaderMarker(word) || isCornerNote(word) || HEADER_WORDS.has(n)) return true;
  if (matchTable1Row(word)) return true;
  // A phrase of the narrative may contain a row's words: a row label is numbered or has values.
  return matchTable2Row(word, { inBody: true }) !== undefined && (valuesFollow || stripNumbering(n).numbering.length > 0);
}
