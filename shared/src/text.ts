// Text utilities shared by the parser, the rules and the adapters. Offsets are UTF-16 code
// units, as in LSP, so a range computed here can be handed to an editor unchanged.
import { LIST_NUMBERING } from './format/patterns';

export interface Range {
  start: number;
  end: number;
}

export interface Position {
  /** 0-based line */
  line: number;
  /** 0-based UTF-16 column */
  character: number;
}

/** Maps offsets to line/character positions with a binary search over line starts. */
export class LineIndex {
  readonly lineStarts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // The common case, found by the engine's own search.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }
  get lineCount(): number {
    return this.lineStarts.length;
  }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.lineStarts[lo] as number) };
  }
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line] as number;
    const next = pos.line + 1 < this.lineStarts.length ? (this.lineStarts[pos.line + 1] as number) : this.text.length;
    return Math.max(start, Math.min(start + pos.character, next));
  }
}

const NUMERALS = '一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (enough for section and item numbers). */
export function chineseNumeral(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return NUMERALS.charAt(n - 1);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : NUMERALS.charAt(tens - 1)) + '十' + (ones ? NUMERALS.charAt(ones - 1) : '');
}

/** 一 → 1, 十二 → 12, "3" → 3; undefined when not a numeral. */
export function parseNumeral(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[一二三四五六七八九十]+$/.test(s)) return undefined;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? NUMERALS.indexOf(s) + 1 : undefined;
  const tens = ten === 0 ? 1 : NUMERALS.indexOf(s.charAt(0)) + 1;
  const rest = s.slice(ten + 1);
  const ones = rest ? NUMERALS.indexOf(rest) + 1 : 0;
  return tens * 10 + ones;
}

const QUOTE_CHARS = `"'“”‘’「」『』《》〈〉`;
const SPACE_CHARS = '\\s\\u00a0\\u3000\\u200b\\ufeff';
const QUOTES = new RegExp(`[${QUOTE_CHARS}]`, 'g');
const SPACES = new RegExp(`[${SPACE_CHARS}]+`, 'g');
const DROPPED = new RegExp(`[${SPACE_CHARS}${QUOTE_CHARS}]`);

/** More than `max` characters that norm() keeps (all but spaces and quotes): told without normalising a paragraph. */
export function longerThan(text: string, max: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length && n <= max; i++) if (!DROPPED.test(text[i] as string)) n++;
  return n > max;
}

// Characters that NFKC changes in these documents (full-width forms, ideographic space, CJK
// compatibility ideographs, enclosed numbers); other text skips the costly normalize() call.
const NEEDS_NFKC = /[\u00a0\u2000-\u206f\u2150-\u24ff\u2f00-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef]/;
/**
 * `compute` with its answers kept, up to `limit` of them (then forgotten all at once): for pure
 * functions of the few hundred label and header texts that every report and keystroke repeats.
 */
export function remembered<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => {
    const hit = answers.get(key);
    if (hit !== undefined || answers.has(key)) return hit as V;
    const value = compute(key);
    if (answers.size >= limit) answers.clear();
    answers.set(key, value);
    return value;
  };
}

const normKept = remembered(20000, (s) => normUncached(s));
/**
 * Normalises a label for comparison: NFKC (full-width → half-width), no white space, no
 * quotes, 、 and ． after a number turned into ".". Memoised: labels repeat on every keystroke.
 */
export function norm(s: string): string {
  return s.length > 120 ? normUncached(s) : normKept(s);
}

function normUncached(s: string): string {
  return (NEEDS_NFKC.test(s) ? s.normalize('NFKC') : s)
    .replace(SPACES, '')
    .replace(QUOTES, '')
    .replace(/(\d)[、,.．](?=\D|$)/g, '$1.')
    .toLowerCase();
}


/** Removes leading list numbering ("三、", "(一)", "1.") repeatedly; input must be normalised. */
export function stripNumbering(normalized: string): { numbering: string[]; rest: string } {
  const numbering: string[] = [];
  let rest = normalized;
  for (;;) {
    const m = LIST_NUMBERING.exec(rest);
    if (!m || m[0].length === rest.length) break;
    numbering.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  return { numbering, rest };
}

/** Levenshtein distance, bounded for speed (returns max+1 when over max). */
export function editDistance(a: string, b: string, max = 8): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** The closest candidate when it is close enough to be a plausible typo, else undefined. */
export function closest(target: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const allowed = Math.max(1, Math.floor(Math.max(c.length, target.length) / 3));
    const d = editDistance(target, c, allowed);
    if (d <= allowed && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** norm() together with, for each character of the result, its offset in the input. */
export function normWithMap(s: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    // Most characters of a label are CJK ideographs or ASCII, whose norm() is known without asking it.
    if (code >= 0x3400 && code <= 0x9fff) {
      map.push(i);
      text += s[i];
      continue;
    }
    if (code < 0x80) {
      if (code === 32 || (code >= 9 && code <= 13) || code === 34 || code === 39) continue;
      map.push(i);
      text += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : s[i];
      continue;
    }
    const ch = String.fromCodePoint(s.codePointAt(i) as number);
    const n = norm(ch);
    for (let k = 0; k < n.length; k++) map.push(i);
    text += n;
    i += ch.length - 1;
  }
  // The digit-dot rule of norm() needs context; apply it on the joined text (length-preserving).
  text = text.replace(/(\d)[、,.．](?=\D|$)/g, '$1.');
  return { text, map };
}

/**
 * Splits a normalised header text into known words (greedy, longest first). Unknown stretches
 * are returned as segments with known = false, so a typo is found even inside joined text.
 */
// Words by their first character, longest first: one map lookup per position instead of a scan.
const indexedVocabularies = new WeakMap<readonly string[], Map<string, string[]>>();

function indexOf(vocabulary: readonly string[]): Map<string, string[]> {
  let index = indexedVocabularies.get(vocabulary);
  if (!index) {
    index = new Map();
    for (const w of [...vocabulary].sort((a, b) => b.length - a.length)) {
      if (!w) continue;
      const list = index.get(w.charAt(0)) ?? [];
      list.push(w);
      index.set(w.charAt(0), list);
    }
    indexedVocabularies.set(vocabulary, index);
  }
  return index;
}

/** Whether `segment` would find only known words in the text (stops at the first unknown character). */
export function onlyWords(normalized: string, vocabulary: readonly string[]): boolean {
  const index = indexOf(vocabulary);
  for (let i = 0; i < normalized.length; ) {
    const w = index.get(normalized.charAt(i))?.find((x) => normalized.startsWith(x, i));
    if (!w) return false;
    i += w.length;
  }
  return true;
}

export function segment(normalized: string, vocabulary: readonly string[]): Array<{ start: number; end: number; word?: string }> {
  const index = indexOf(vocabulary);
  const out: Array<{ start: number; end: number; word?: string }> = [];
  let i = 0;
  let unknownStart = -1;
  while (i < normalized.length) {
    const w = index.get(normalized.charAt(i))?.find((x) => normalized.startsWith(x, i));
    if (w) {
      if (unknownStart >= 0) out.push({ start: unknownStart, end: i });
      unknownStart = -1;
      out.push({ start: i, end: i + w.length, word: w });
      i += w.length;
    } else {
      if (unknownStart < 0) unknownStart = i;
      i++;
    }
  }
  if (unknownStart >= 0) out.push({ start: unknownStart, end: normalized.length });
  return out;
}

/** The candidate within two edits of `word` (a misspelt rule id's likely meaning), if any. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  return word.length > 64 ? undefined : candidates.find((c) => editDistance(c, word, 2) <= 2);
}

