// I2: each column of 表2: （七）总计 = （一）+（二）+ every sub-row of （三）–（六）.
import { message } from '../i18n/catalog';
import { spec } from '../format/data';
import { table2FormatOf, cellOf, columnLabel, formatOf, isFillable, nothingWritten, numberOf, outcomeLeafRows, rowLabel, rowsById, totalFix } from '../query';
import type { Rule, RuleFinding } from './types';

export const outcomeTotal: Rule = {
  id: 'outcome-total',
  severity: 'error',
  evidence: 'cells',
  identity: 'I2',
  title: 'outcome-total.title',
  description: 'outcome-total.description',
  check(model) {
    const out: RuleFinding[] = [];
    const rows = rowsById(model.tables.table2);
    const totalRow = rows.get('total');
    if (!totalRow || totalRow.cells.length === 0) return out;
    const format = formatOf(model);
    const leaves = outcomeLeafRows(table2FormatOf(model)).map((r) => rows.get(r.id));
    if (leaves.some((r) => r === undefined || r.cells.length === 0)) return out; // row-missing reports it
    for (const column of spec.table2.columns) {
      const cells = leaves.map((r) => cellOf(r, column.id));
      const values = cells.map(numberOf);
      if (values.some((v) => v === undefined)) continue;
      const expected = (values as number[]).reduce((a, b) => a + b, 0);
      const total = cellOf(totalRow, column.id);
      if (!total) continue;
      const actual = numberOf(total);
      if (actual === expected || !Number.isSafeInteger(expected)) continue;
      if (actual === undefined && (!isFillable(total) || (total.value.kind === 'blank' && nothingWritten(cells)))) continue;
      const col = columnLabel('table2', column.id, format);
      out.push({
        message: message(actual === undefined ? 'msg.outcomeTotal.blank' : 'msg.outcomeTotal.wrong', { column: col.zh, columnEn: col.en, expected, actual: actual ?? '' }),
        range: total.range.start === total.range.end ? totalRow.labelRange : total.range,
        related: cells.flatMap((cell, k) => {
          const v = values[k] as number;
          if (!cell || v === 0) return [];
          const r = rowLabel(leaves[k]?.rowId ?? '', format);
          return [{ range: cell.range, message: message('msg.related.cell', { label: r.zh, labelEn: r.en, value: v }) }];
        }),
        inputs: cells.map((c) => (c ?? total).range),
        expected,
        actual: actual ?? null,
        relation: `I2:${column.id}`,
        fix: totalFix(total, expected, actual),
      });
    }
    return out;
  },
};
