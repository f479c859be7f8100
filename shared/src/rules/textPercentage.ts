// Rule `text-percentage`: a percentage in the narrative follows from its figures ("予以公开 50 件，
// 占 52.6%"), rounded to the precision it is written with. The base is any count the report's
// percentages are taken of (新收, 新收 + 上年结转, （七）总计), rounded or cut off (4.347… written
// 4.34%); a percentage that follows from none of them is said, with what each gives.
import { message } from '../i18n/catalog';
import { quotedFigures } from '../narrative/figures';
import { narrativeSentences, OTHER_SCOPE } from '../narrative/sentences';
import { cellOf, numberOf, rowsById } from '../query';
import type { Rule, RuleFinding } from './types';

const PERCENT = /占(?:比)?[^，。；%％0-9０-９]{0,12}?(?:的)?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]/g;

export const textPercentage: Rule = {
  id: 'text-percentage',
  severity: 'warning',
  evidence: 'cells',
  title: 'text-percentage.title',
  description: 'text-percentage.description',
  check(model) {
    const t2 = rowsById(model.tables.table2);
    const total = (id: string) => numberOf(cellOf(t2.get(id), 'total'));
    const n = total('new');
    const c = total('carried');
    const closed = total('total');
    const bases: Array<{ value: number; zh: string; en: string }> = [];
    if (n !== undefined) bases.push({ value: n, zh: `新收 ${n}`, en: `new ${n}` });
    if (n !== undefined && c !== undefined) bases.push({ value: n + c, zh: `新收 + 上年结转 ${n + c}`, en: `new + carried over ${n + c}` });
    if (closed !== undefined) bases.push({ value: closed, zh: `（七）总计 ${closed}`, en: `(7) total ${closed}` });
    if (bases.length === 0) return [];
    const figures = quotedFigures(model);
    const out: RuleFinding[] = [];
    for (const s of narrativeSentences(model)) {
      // Most sentences quote no percentage: the cheap test first.
      if ((!s.text.includes('%') && !s.text.includes('％')) || OTHER_SCOPE.test(s.text)) continue;
      for (const m of s.text.matchAll(PERCENT)) {
        const at = s.range.start + m.index;
        // The figure the percentage is of: the last quoted figure before it in the sentence.
        const figure = figures.filter((f) => f.range.start >= s.range.start && f.range.end <= at).pop();
        if (!figure || figure.kind.id === 'reconsideration' || figure.kind.id === 'litigation') continue;
        const written = (m[1] as string).replace(/[０-９．]/g, (ch) => (ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
        const decimals = written.includes('.') ? written.length - written.indexOf('.') - 1 : 0;
        const percent = Number(written);
        const results = bases.filter((b) => b.value > 0).map((b) => ({ base: b, percent: (figure.value / b.value) * 100 }));
        if (results.length === 0 || results.some((r) => Math.abs(r.percent - percent) <= 0.5 * 10 ** -decimals + 1e-9 || Math.floor(r.percent * 10 ** decimals + 1e-9) / 10 ** decimals === percent)) continue;
        const numberStart = at + m[0].lastIndexOf(m[1] as string);
        const show = (lang: 'zh' | 'en') => results.map((r) => `${figure.value} ÷ ${lang === 'zh' ? r.base.zh : r.base.en} = ${r.percent.toFixed(decimals)}%`).join(lang === 'zh' ? '；' : '; ');
        out.push({
          message: message('msg.textPercentage', { quote: m[0].trim(), figure: figure.value, results: show('zh'), resultsEn: show('en') }),
          range: { start: numberStart, end: numberStart + (m[1] as string).length }, related: [],
        });
      }
    }
    return out;
  },
};
