// Rule `text-table` (I7): figures quoted in the narrative agree with the tables. The narrative's
// figures are read by shared/src/narrative (what each counts, its scope, its exact range); a
// figure that matches another reading of the table (one column instead of the total, new plus
// carried over) is said to match it rather than called wrong.
import { message } from '../i18n/catalog';
import type { ReportModel } from '../model';
import { quotedFigures } from '../narrative/figures';
import type { Rule, RuleFinding } from './types';
import { cellOf, numberOf, rowsById, tableRanges } from '../query';

/** Sentences saying that nothing happened, against a table that says otherwise. */
const NOTHING: Array<{ pattern: RegExp; what: 'narrative.what.new' | 'table3'; value(model: ReportModel): number | undefined }> = [
  { pattern: /未(?:收到|接到|受理)(?:任何)?(?:政府信息公开|信息公开|依申请公开)?(?:申请|事项|信件)/g, what: 'narrative.what.new', value: (m) => numberOf(cellOf(rowsById(m.tables.table2).get('new'), 'total')) },
  {
    pattern: /(?:未发生|没有发生|不存在|未收到|没有)(?:[^。；，,]{0,20}?)行政复议[、和及或]行政诉讼/g, what: 'table3',
    value: (m) => {
      const row = m.tables.table3?.rows[0];
      let total = 0;
      for (const g of ['reconsideration', 'litigationDirect', 'litigationAfter']) {
        const v = numberOf(cellOf(row, `${g}.total`));
        if (v === undefined) return undefined;
        total += v;
      }
      return total;
    },
  },
];

export const textTable: Rule = {
  id: 'text-table',
  severity: 'warning',
  evidence: 'cells',
  identity: 'I7',
  title: 'text-table.title',
  description: 'text-table.description',
  check(model) {
    const out: RuleFinding[] = [];
    if (!model.tables.table2 && !model.tables.table3) return out;
    const text = model.text;
    for (const f of quotedFigures(model)) {
      const readings = f.kind.readings(model);
      if (!readings || readings.length === 0) continue;
      const accepted = readings.slice(0, f.kind.accepted ?? 1);
      if (accepted.some((r) => r.value === f.value)) continue;
      const primary = readings[0]!;
      const quote = text.slice(f.quote.start, f.quote.end).replace(/\s+/g, '');
      const other = readings.slice(f.kind.accepted ?? 1).find((r) => r.value === f.value);
      const fix = { title: message('msg.fix.replaceWith', { suggestion: String(primary.value) }), edit: { range: f.range, newText: String(primary.value) }, safe: false };
      out.push({
        message: other
          ? message('msg.textTable.otherReading', { quote, what: primary.label.zh, whatEn: primary.label.en, table: primary.value, said: f.value, reading: other.label.zh, readingEn: other.label.en })
          : message('msg.textTable', { quote, what: primary.label.zh, whatEn: primary.label.en, table: primary.value }),
        range: f.range, related: [], expected: primary.value, actual: f.value,
        // Only the writer knows which of the text and the table is wrong: offered, never applied by fix-all.
        fix,
      });
    }
    const tables = tableRanges(model);
    for (const n of NOTHING) {
      const value = n.value(model);
      if (value === undefined || value === 0) continue;
      n.pattern.lastIndex = 0;
      for (const m of text.slice(0, 2_000_000).matchAll(n.pattern)) {
        if (tables.some((r) => m.index >= r.start && m.index < r.end)) continue;
        const what = n.what === 'table3' ? { zh: '表3 行政复议与行政诉讼总计', en: "table 3's totals" } : message(n.what);
        out.push({ message: message('msg.textTable', { quote: m[0], what: what.zh, whatEn: what.en, table: value }), range: { start: m.index, end: m.index + m[0].length }, related: [], expected: value, actual: 0 });
      }
    }
    return out.sort((a, b) => a.range.start - b.range.start);
  },
};
