// Rule `units-sum`: a report that says it aggregates its units (汇总…各单位/部门), beside the reports
// of units of the same year in the set (agencies whose names start with its place, e.g.
// 沭阳县人民政府 → 沭阳县发展和改革局): its 表2 and 表3 totals cannot be smaller than the units'
// sums. An info with the sums, never an error: not every unit need be in the folder, so a larger
// parent figure is no finding.
import { message } from '../i18n/catalog';
import { reviewFigures } from '../yearFigures';
import { norm } from '../text';
import type { Rule } from './types';

/** "本报告由…汇总…各（有关/直属）单位/部门…" within a sentence. */
const AGGREGATES = /汇总[^。\n]{0,40}(?:各|所属|下属|直属)[^。\n]{0,10}(?:单位|部门)|(?:各|所属|下属|直属)[^。\n]{0,10}(?:单位|部门)[^。\n]{0,40}汇总/;
/** What follows the place in a government's name. */
const GOVERNMENT = /(?:人民政府(?:办公室|办公厅)?|政府办公室)$/;

/** The totals compared, as the reviewer's figures read them (review.ts). */
const FIGURES: ReadonlyArray<{ zh: string; en: string; key: 'received' | 'handled' | 'reconsideration' | 'litigation' }> = [
  { zh: '表2“一、本年新收”总计', en: 'table 2 I (received), total', key: 'received' },
  { zh: '表2“（七）总计”', en: 'table 2 (7) total', key: 'handled' },
  { zh: '表3 行政复议总计', en: 'table 3 reconsideration, total', key: 'reconsideration' },
  { zh: '表3 行政诉讼总计', en: 'table 3 litigation, total', key: 'litigation' },
];

export const unitsSum: Rule = {
  id: 'units-sum',
  severity: 'info',
  evidence: 'cells',
  title: 'units-sum.title',
  description: 'units-sum.description',
  check: () => [],
  checkGroup(current, sameYear) {
    if (!current.agency || !AGGREGATES.test(current.text.slice(0, 20_000))) return [];
    const place = norm(current.agency).replace(GOVERNMENT, '');
    if (place.length < 2 || place === norm(current.agency)) return [];
    const self = norm(current.agency);
    const units = sameYear.filter((m) => m.agency !== undefined && norm(m.agency).startsWith(place) && norm(m.agency) !== self);
    if (units.length === 0) return [];
    const smaller: string[] = [];
    const smallerEn: string[] = [];
    const mine = reviewFigures(current);
    const theirs = units.map((u) => reviewFigures(u));
    for (const f of FIGURES) {
      const own = mine[f.key];
      const parts = theirs.map((u) => u[f.key]);
      if (own === null || parts.some((p) => p === null)) continue;
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      if (own < sum) {
        smaller.push(`${f.zh} ${own}，${units.length} 个单位合计 ${sum}`);
        smallerEn.push(`${f.en} ${own}, the ${units.length} units' sum ${sum}`);
      }
    }
    if (!smaller.length) return [];
    return [{
      message: message('msg.unitsSum', { units: units.map((u) => u.agency).join('、'), unitsEn: units.map((u) => u.agency).join(', '), list: smaller.join('；'), listEn: smallerEn.join('; ') }),
      range: current.tables.table2?.range ?? current.title?.range ?? { start: 0, end: 0 },
      related: [],
    }];
  },
};
