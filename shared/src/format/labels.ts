// Label recognition: which spec row, column or item a piece of text names. Label-driven, never
// position-driven, and tolerant of the variants of docs/format.md §4 (brackets, numbering, spaces).
import { spec } from './data';
import type { RowSpec } from './schema';
import { norm, onlyWords, parseNumeral, remembered, segment, stripNumbering } from '../text';

interface KeyedRow {
  row: RowSpec;
  keys: string[];
}

// Most specific first: sub-items, then the result items, then the top-level rows.
const table2Keyed: KeyedRow[] = (() => {
  const rows = spec.table2.rows;
  const seen = new Set<string>();
  const unique = rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  const rank = (r: RowSpec) => (r.parent && r.parent !== 'results' ? 0 : r.parent === 'results' ? 1 : r.group ? 3 : 2);
  return unique
    .map((row) => ({ row, keys: row.keys.map(norm) }))
    .sort((a, b) => rank(a.row) - rank(b.row));
})();

const MAX_LABEL = Math.max(...spec.table2.rows.map((r) => norm(r.label).length)) + 12;

export interface Table2LabelContext {
  /** The first data row was seen: 总计 and 其他 are row labels now, not column headers. */
  inBody: boolean;
}

// Labels are the same few dozen texts in every report and on every keystroke: each answer is kept
// (bounded), as norm() keeps its results.
const table2Answers = [false, true].map((inBody) => remembered(5000, (text) => matchTable2RowUncached(text, { inBody })));
/** The 表2 row a label names, or undefined. */
export function matchTable2Row(text: string, ctx: Table2LabelContext): RowSpec | undefined {
  if (text.length > MAX_LABEL * 2) return undefined; // a narrative paragraph, not a label
  return (table2Answers[ctx.inBody ? 1 : 0] as (text: string) => RowSpec | undefined)(text);
}

function matchTable2RowUncached(text: string, ctx: Table2LabelContext): RowSpec | undefined {
  const n = norm(text);
  if (n.length === 0 || n.length > MAX_LABEL || n.includes('。')) return undefined;
  const { numbering, rest: stripped } = stripNumbering(n);
  // "三、本年度办理结果（一）予以公开" written as one label (PDF text).
  let rest = stripped;
  if (rest.startsWith('本年度办理结果') && rest.length > '本年度办理结果'.length) {
    rest = stripNumbering(rest.slice('本年度办理结果'.length)).rest;
  }
  // "（六）其他" (a converter's shortening): the item numbered （六） when the words begin its label.
  const item = numbering.find((x) => /^\([一二三四五六七]\)$/.test(x));
  if (item && rest.length >= 2) {
    const byItem = table2Keyed.find(({ row }) => row.parent === 'results' && norm(row.label).startsWith(item));
    if (byItem && stripNumbering(norm(byItem.row.label)).rest.startsWith(rest)) return byItem.row;
  }
  for (const { row, keys } of table2Keyed) {
    if (row.exact) {
      if (!keys.includes(rest)) continue;
      if (row.id === 'total' && !ctx.inBody && !numbering.some((x) => x.includes('七'))) continue;
      if (row.id === 'other.other' && !ctx.inBody) continue;
      return row;
    }
    if (keys.some((k) => rest.includes(k))) return row;
  }
  return undefined;
}

/** Canonical labels of 表2 rows with numbering removed, for typo suggestions. */
export const table2LabelTexts: Array<{ id: string; text: string; label: string }> = table2Keyed.map(({ row }) => ({
  id: row.id,
  text: stripNumbering(norm(row.label)).rest,
  label: row.label,
}));

const ITEM = /^第二十条第\(([一二三四五六七八九十]+)\)项/;
/** 第二十条第（N）项 → N */
export function matchArticle20Item(text: string): number | undefined {
  if (text.length > 40 || !text.includes('第二十条')) return undefined;
  const m = ITEM.exec(norm(text));
  return m ? parseNumeral(m[1] as string) : undefined;
}

export function isTable1HeaderMarker(text: string): boolean {
  return text.length < 16 && norm(text) === '信息内容';
}

/** 表1 row labels of both formats: normalised key → row id. */
const table1RowKeys = new Map<string, { id: string; label: string; item: number }>();
for (const format of ['2021', '2019'] as const) {
  for (const item of spec.table1[format]) {
    for (const row of item.rows) {
      for (const k of row.keys) if (!table1RowKeys.has(norm(k))) table1RowKeys.set(norm(k), { id: row.id, label: row.label, item: item.item });
    }
  }
}

export function matchTable1Row(text: string): { id: string; label: string; item: number } | undefined {
  if (text.length > 40) return undefined;
  const n = norm(text);
  if (n.length > 20) return undefined;
  return table1RowKeys.get(stripNumbering(n).rest);
}
export const table1LabelTexts = [...table1RowKeys.entries()].map(([text, v]) => ({ id: v.id, text, label: v.label }));

/** 表1 column headers of both formats: normalised label → column id and the formats using it. */
export const table1HeaderVocabulary = (() => {
  const map = new Map<string, { columnId: string; label: string; formats: Set<'2019' | '2021'> }>();
  for (const format of ['2021', '2019'] as const) {
    for (const item of spec.table1[format]) {
      for (const c of item.columns) {
        for (const l of [c.label, ...c.aliases]) {
          const k = norm(l);
          const e = map.get(k) ?? { columnId: c.id, label: c.label, formats: new Set() };
          e.formats.add(format);
          map.set(k, e);
        }
      }
    }
  }
  return map;
})();

// 表2 header words (the corner note is recognised separately).
const table2HeaderWords = new Map<string, string | undefined>([
  ['申请人情况', undefined],
  ['法人或其他组织', undefined],
  ...spec.table2.columns.map((c) => [norm(c.label), c.id] as [string, string]),
]);
export const table2HeaderVocabulary = table2HeaderWords;

/** The header cell "申请人情况" that stands over 表2's applicant columns (in place of the corner note).
 *  (Its first character is asked first: most cells are not it, and some are long paragraphs.) */
export function isApplicantHeader(text: string): boolean {
  return text.includes('申') && norm(text) === '申请人情况';
}

export function isCornerNote(text: string): boolean {
  if (text.length > 200 || !/勾|第[一三]项|本列/.test(text)) return false;
  const n = norm(text);
  return n.includes('勾稽') || n.includes('第一项加第二项') || n.includes('第三项加第四项') || n.includes('本列数据');
}

// 表3 header words. 总计 and 其他结果 also occur in 表2, so a 表3 header needs a distinctive word.
const table3Words = new Map<string, string | undefined>([
  ['行政复议', undefined],
  ['行政诉讼', undefined],
  ['未经复议直接起诉', undefined],
  ['复议后起诉', undefined],
  ['结果维持', 'upheld'],
  ['结果纠正', 'corrected'],
  ['其他结果', 'other'],
  ['尚未审结', 'pending'],
  ['总计', 'total'],
]);
export const table3HeaderVocabulary = table3Words;
export const TABLE3_WORDS = [...table3Words.keys()];
const TABLE2_WORDS = [...table2HeaderWords.keys()];
const table3Distinctive = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', '结果维持', '结果纠正', '尚未审结'];

/** Whether a text consists of 表3 header words only (and names at least one distinctive one). */
/** A two-level header flattened by a converter joins its levels: "行政复议·结果维持", "行政诉讼（复议后起诉）-总计". */
export const HEADER_JOINERS = /[·•・\-—–_/／()（）]/g;

const table3Answers = remembered(5000, (text) => isTable3HeaderUncached(text));
export function isTable3Header(text: string): boolean {
  if (text.length > 300 || !/复|诉|结|维|纠|审/.test(text)) return false;
  return table3Answers(text);
}

function isTable3HeaderUncached(text: string): boolean {
  const n = norm(text).replace(HEADER_JOINERS, '');
  if (n.length === 0 || n.length > 200) return false;
  const segs = segment(n, TABLE3_WORDS);
  return segs.every((s) => s.word !== undefined) && segs.some((s) => table3Distinctive.includes(s.word as string));
}

/** Whether a text consists of 表2 header words only. */
export function isTable2Header(text: string): boolean {
  const n = norm(text);
  if (n.length === 0 || n.length > 200) return false;
  return onlyWords(n, TABLE2_WORDS);
}

/** Sentence punctuation outside brackets (a row label has its commas inside them). */
export function isSentence(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '，' || ch === '。' || ch === '；')) return true;
  }
  return false;
}
