// Rule `text-table` (I7): figures quoted in the narrative agree with the tables.
import { message } from '../i18n/catalog';
import type { ReportModel } from '../model';
import type { Range } from '../text';
import { cellOf, numberOf, rowsById } from './query';
import type { Rule, RuleFinding } from './types';

interface Claim {
  /** What the sentence claims, against which table value(s). */
  pattern: RegExp;
  what: { zh: string; en: string };
  /** Acceptable table values (the narrative may count 新收 + 上年结转 as 收到). */
  values(model: ReportModel): number[] | undefined;
}

const t2 = (model: ReportModel, ...rowIds: string[]): number | undefined => {
  const rows = rowsById(model.tables.table2);
  let sum = 0;
  for (const id of rowIds) {
    const v = numberOf(cellOf(rows.get(id), 'total'));
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
};
const t3 = (model: ReportModel, ...groups: string[]): number | undefined => {
  const row = model.tables.table3?.rows[0];
  let sum = 0;
  for (const g of groups) {
    const v = numberOf(cellOf(row, `${g}.total`));
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
};
const defined = (...xs: Array<number | undefined>) => (xs.every((x) => x !== undefined) ? (xs as number[]) : undefined);

const NUM = '(\\d+|零)';
const claims: Claim[] = [
  { pattern: new RegExp(`(?:新收|收到)(?:到)?的?(?:政府信息公开|信息公开|依申请公开)?申请(?:数量|共|总数)?(?:为|共|计)?\\s*${NUM}\\s*件?`, 'g'),
    what: { zh: '表2“一、本年新收”总计', en: "table 2's row I total" }, values: (m) => { const a = t2(m, 'new'); const b = t2(m, 'new', 'carried'); return a === undefined ? undefined : b === undefined ? [a] : [a, b]; } },
  { pattern: /未(?:收到|接到|受理)(?:任何)?(?:政府信息公开|信息公开|依申请公开)?(?:申请|事项|信件)/g,
    what: { zh: '表2“一、本年新收”总计', en: "table 2's row I total" }, values: (m) => defined(t2(m, 'new')) },
  { pattern: new RegExp(`上年度?结转(?:的?(?:申请)?数量)?(?:为|共)?\\s*${NUM}\\s*件?`, 'g'),
    what: { zh: '表2“二、上年结转”总计', en: "table 2's row II total" }, values: (m) => defined(t2(m, 'carried')) },
  { pattern: new RegExp(`办结(?:申请)?(?:数量)?(?:为|共)?\\s*${NUM}\\s*件`, 'g'),
    what: { zh: '表2“（七）总计”', en: "table 2's (7) total" }, values: (m) => defined(t2(m, 'total')) },
  { pattern: new RegExp(`(?:结转下一?年度?|转下一年)(?:继续)?办理(?:的?(?:申请)?数量)?(?:为|共)?\\s*${NUM}\\s*件?`, 'g'),
    what: { zh: '表2“四、结转下年度继续办理”总计', en: "table 2's row IV total" }, values: (m) => defined(t2(m, 'carryOver')) },
  { pattern: new RegExp(`予以公开及部分公开\\s*${NUM}\\s*件`, 'g'),
    what: { zh: '表2“（一）予以公开”与“（二）部分公开”之和', en: "table 2's (1) + (2) total" }, values: (m) => defined(t2(m, 'granted', 'partial')) },
  { pattern: new RegExp(`(?<!及部分公开)(?<!部分公开)予以公开\\s*${NUM}\\s*件`, 'g'),
    what: { zh: '表2“（一）予以公开”总计', en: "table 2's (1) total" }, values: (m) => defined(t2(m, 'granted')) },
  { pattern: new RegExp(`(?:被申请)?行政复议\\s*${NUM}\\s*件`, 'g'),
    what: { zh: '表3“行政复议”总计', en: "table 3's reconsideration total" }, values: (m) => defined(t3(m, 'reconsideration')) },
  { pattern: new RegExp(`(?:被提起)?行政诉讼\\s*${NUM}\\s*件`, 'g'),
    what: { zh: '表3“行政诉讼”总计', en: "table 3's litigation total" }, values: (m) => defined(t3(m, 'litigationDirect', 'litigationAfter')) },
  { pattern: /(?:未发生|没有发生|不存在|未收到|没有)(?:[^。；，,]{0,20}?)行政复议[、和及或]行政诉讼/g,
    what: { zh: '表3 行政复议与行政诉讼总计', en: "table 3's totals" }, values: (m) => { const v = t3(m, 'reconsideration', 'litigationDirect', 'litigationAfter'); return v === undefined ? undefined : [v]; } },
];

export const textTable: Rule = {
  id: 'text-table',
  severity: 'warning',
  identity: 'I7',
  title: 'text-table.title',
  description: 'text-table.description',
  check(model) {
    const out: RuleFinding[] = [];
    if (!model.tables.table2 && !model.tables.table3) return out;
    const tableRanges = Object.values(model.tables).map((t) => t!.range);
    // The narrative: every section's text outside the tables, and the preamble.
    const inTable = (o: number) => tableRanges.some((r) => o >= r.start && o < r.end);
    const text = model.text.length > 2_000_000 ? model.text.slice(0, 2_000_000) : model.text;
    for (const claim of claims) {
      claim.pattern.lastIndex = 0;
      let m: RegExpExecArray | null;
      let count = 0;
      while ((m = claim.pattern.exec(text)) && count++ < 200) {
        if (inTable(m.index)) continue;
        const values = claim.values(model);
        if (!values) continue;
        const said = m[1] === undefined ? 0 : m[1] === '零' ? 0 : Number(m[1]);
        if (values.includes(said)) continue;
        const numberStart = m[1] === undefined ? m.index : m.index + m[0].lastIndexOf(m[1]);
        const range: Range = m[1] === undefined ? { start: m.index, end: m.index + m[0].length } : { start: numberStart, end: numberStart + m[1].length };
        out.push({
          message: message('msg.textTable', { quote: m[0].trim(), what: claim.what.zh, whatEn: claim.what.en, table: values[0] as number }),
          range,
          related: [],
          expected: values[0] as number,
          actual: said,
        });
      }
    }
    return out;
  },
};
