// Rule `publication-date`: the report's own date (the 落款 at its end, under the agency's name) is
// later than 31 January of the year after the one it reports on; 条例 第五十条 asks for the report
// by then. Read from the last lines only, a date alone on its line, in the forms agencies write it
// ("2024年1月20日", "2024-01-20", "二〇二四年一月二十日"); no such date, nothing said.
import { message } from '../i18n/catalog';
import { parseNumeral } from '../text';
import type { Rule } from './types';

/** Where the 落款 stands: the last lines of the report. */
const TAIL_LINES = 6;
const TAIL_CHARS = 600;
const ARABIC = /((?:19|20)\d{2})\s*(?:年|[-./／])\s*(\d{1,2})\s*(?:月|[-./／])\s*(\d{1,2})\s*日?/g;
const CHINESE = /([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g;
const DIGIT = '〇一二三四五六七八九';

function chineseYear(s: string): number {
  return Number([...s].map((c) => (c === '零' || c === '○' ? 0 : DIGIT.indexOf(c))).join(''));
}

export const publicationDate: Rule = {
  id: 'publication-date',
  severity: 'warning',
  evidence: 'cells',
  title: 'publication-date.title',
  description: 'publication-date.description',
  check(model) {
    if (model.year === undefined) return [];
    const text = model.text;
    let from = text.length;
    for (let n = 0; n < TAIL_LINES && from > 0; ) {
      const nl = text.lastIndexOf('\n', from - 1);
      if (text.slice(nl + 1, from).trim() !== '') n++;
      from = Math.max(0, nl);
      if (text.length - from > TAIL_CHARS) break;
    }
    const tail = text.slice(from);
    let found: { y: number; m: number; d: number; start: number; end: number } | undefined;
    for (const re of [ARABIC, CHINESE]) {
      re.lastIndex = 0;
      for (const m of tail.matchAll(re)) {
        const y = re === ARABIC ? Number(m[1]) : chineseYear(m[1] as string);
        const mo = re === ARABIC ? Number(m[2]) : parseNumeral(m[2] as string) ?? 0;
        const d = re === ARABIC ? Number(m[3]) : parseNumeral(m[3] as string) ?? 0;
        if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
        const start = from + (m.index ?? 0);
        // A 落款 is a line of its own: a date inside a sentence is the narrative's.
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const lineEnd = text.indexOf('\n', start);
        if (text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim() !== m[0].trim()) continue;
        if (!found || start > found.start) found = { y, m: mo, d, start, end: start + m[0].length };
      }
    }
    if (!found) return [];
    const deadline = { y: model.year + 1, m: 1, d: 31 };
    const later = found.y * 10000 + found.m * 100 + found.d > deadline.y * 10000 + deadline.m * 100 + deadline.d;
    if (!later) return [];
    return [{
      message: message('msg.publicationDate', { date: `${found.y}年${found.m}月${found.d}日`, dateEn: `${found.y}-${String(found.m).padStart(2, '0')}-${String(found.d).padStart(2, '0')}`, deadline: `${deadline.y}年1月31日`, deadlineEn: `${deadline.y}-01-31`, year: model.year }),
      range: { start: found.start, end: found.end },
      related: [],
    }];
  },
};
