// The figures the narrative quotes: "全年共受理政府信息公开申请 749 件", "予以公开 50 件",
// "被申请行政复议二件". Each is read with what it counts (a kind of FIGURE_KINDS), its value
// (Arabic, full-width or Chinese numerals), its exact range, and whether its clause speaks of
// this year at all (last year's figure, a quarter, a comparison are left alone).
import type { ReportModel } from '../model';
import { tableRanges } from '../query';
import type { Range } from '../text';
import { FIGURE_KINDS, type FigureKind } from './kinds';
import { OTHER_SCOPE } from './sentences';

export interface QuotedFigure {
  kind: FigureKind;
  value: number;
  /** The number as written. */
  range: Range;
  /** The phrase and the number ("受理政府信息公开申请 17 件"). */
  quote: Range;
}

/** A number: ASCII or full-width digits, or Chinese numerals (二十一, 一百零五, 两). */
const NUMBER = '([0-9０-９]+|[零〇一二两三四五六七八九十百千]+)';
/** Words as written in text extracted from a PDF: a line break (or spaces) may fall between any two characters. */
const spaced = (words: string) => words.split('|').map((w) => [...w].join('[\\s\\u3000]*')).join('|');
const S = '[\\s\\u3000]*';
/** What may stand between the words and the number ("政府信息公开申请数量为", "共计"). Each optional
 *  part takes the spaces after it, so a run of spaces is matched in one way only (no backtracking
 *  blow-up on a line of spaces). */
const part = (words: string) => `(?:(?:${words})${S})?`;
const FILLER = `${S}${part(spaced('政府信息公开|信息公开|依申请公开|政府信息'))}${part('的')}${part(spaced('申请|案件|事项'))}${part(spaced('数量|总数|数'))}${part(spaced('为|共|共计|计|合计|达|是'))}`;
/** The unit right after the number; a percentage or an amount is another thing. */
const UNIT = '[\\s\\u3000]*(?:件|个|起|宗)';

const read = new WeakMap<ReportModel, QuotedFigure[]>();
// One compiled pattern per kind (compiling ~25 of them on every check costs more than running them).
const patterns = new Map<FigureKind, RegExp>();
const patternOf = (kind: FigureKind): RegExp => {
  let re = patterns.get(kind);
  if (!re) patterns.set(kind, (re = new RegExp(`(?:${kind.words})${FILLER}${NUMBER}${UNIT}`, 'g')));
  return re;
};

/** The figures the narrative quotes (read once per model: several rules and the hover ask). */
export function quotedFigures(model: ReportModel): QuotedFigure[] {
  let figures = read.get(model);
  if (!figures) read.set(model, (figures = readFigures(model)));
  return figures;
}

function readFigures(model: ReportModel): QuotedFigure[] {
  const text = model.text.length > 2_000_000 ? model.text.slice(0, 2_000_000) : model.text;
  // Only the text between the tables is read (a table's figures are the tables').
  const parts: Array<{ start: number; text: string }> = [];
  let from = 0;
  for (const r of tableRanges(model)) {
    if (r.start > from) parts.push({ start: from, text: text.slice(from, Math.min(r.start, text.length)) });
    from = Math.max(from, r.end);
  }
  if (from < text.length) parts.push({ start: from, text: text.slice(from) });
  const out: QuotedFigure[] = [];
  for (const kind of FIGURE_KINDS) {
    const re = patternOf(kind);
    let count = 0;
    for (const part of parts) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while (count < 200 && (m = re.exec(part.text))) {
        count++;
        const at = part.start + m.index;
        const written = m[1] as string;
        const value = numberValue(written);
        if (value === undefined) continue;
        if (kind.notAfter && kind.notAfter.test(text.slice(Math.max(0, at - 6), at))) continue;
        if (otherScope(text, at, model.year)) continue;
        const numberStart = at + m[0].lastIndexOf(written);
        out.push({ kind, value, range: { start: numberStart, end: numberStart + written.length }, quote: { start: at, end: at + m[0].length } });
      }
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** The clause before a figure: back to the last 。；，, (a clause, not the whole sentence). */
function clauseBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 60 && !/[。；;，,！!？?\n]/.test(text[i - 1] as string)) i--;
  // A PDF line break is not the end of a clause: continue over it once.
  if (i > 0 && text[i - 1] === '\n' && !/[。；;]\s*$/.test(text.slice(Math.max(0, i - 4), i - 1))) return clauseBefore(text, i - 1) + text.slice(i, at);
  return text.slice(i, at);
}

function otherScope(text: string, at: number, year: number | undefined): boolean {
  const clause = clauseBefore(text, at);
  if (OTHER_SCOPE.test(clause)) return true;
  // A year named in the clause that is not the report's.
  for (const y of clause.matchAll(/((?:19|20)\d{2})\s*年/g)) if (year !== undefined && Number(y[1]) !== year) return true;
  return false;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "749", "７４９", "二十一", "一百零五", "两千" → their value. */
export function numberValue(s: string): number | undefined {
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in DIGITS) {
      if (digit !== undefined && DIGITS[c] !== 0) return undefined; // "二三": not a number
      digit = DIGITS[c] === 0 ? undefined : DIGITS[c];
    } else if (c in UNITS) {
      total += (digit ?? 1) * (UNITS[c] as number);
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}
