// I3: each row of 表2: 总计 = the six applicant columns.
import { message } from '../i18n/catalog';
import { cellOf, formatOf, formula, isFillable, nothingWritten, numberOf, rowLabel, table2Applicants, totalFix } from '../query';
import type { Rule, RuleFinding } from './types';

export const rowTotal: Rule = {
  id: 'row-total',
  severity: 'error',
  evidence: 'cells',
  identity: 'I3',
  title: 'row-total.title',
  description: 'row-total.description',
  check(model) {
    const out: RuleFinding[] = [];
    const table = model.tables.table2;
    if (!table) return out;
    const format = formatOf(model);
    const seen = new Set<string>();
    for (const row of table.rows) {
      if (row.cells.length === 0 || seen.has(row.rowId)) continue;
      seen.add(row.rowId);
      const parts = table2Applicants.map((c) => cellOf(row, c.id));
      const values = parts.map(numberOf);
      if (values.some((v) => v === undefined)) continue;
      const nums = values as number[];
      const expected = nums.reduce((a, b) => a + b, 0);
      const total = cellOf(row, 'total');
      if (!total) continue;
      const actual = numberOf(total);
      if (actual === expected || !Number.isSafeInteger(expected)) continue;
      if (actual === undefined && (!isFillable(total) || (total.value.kind === 'blank' && nothingWritten(parts)))) continue;
      const label = rowLabel(row.rowId, format);
      const params = { row: label.zh, rowEn: label.en, expected, actual: actual ?? '', formula: formula(nums) };
      out.push({
        message: message(actual === undefined ? 'msg.rowTotal.blank' : 'msg.rowTotal.wrong', params),
        // An empty cell cannot be underlined: point at the row's label instead.
        range: total.range.start === total.range.end ? row.labelRange : total.range,
        // The parts stand on the finding's own row and the message writes the sum out: no
        // related entries to flood the Problems panel with.
        related: [],
        inputs: parts.map((cell) => (cell ?? total).range),
        expected,
        actual: actual ?? null,
        relation: `I3:${row.rowId}`,
        fix: totalFix(total, expected, actual),
      });
    }
    return out;
  },
};
