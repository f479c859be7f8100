// Rule `carry-over` (I5): this year's 二、上年结转 = last year's 四、结转下年度继续办理.
import { message } from '../i18n/catalog';
import { spec } from '../format/data';
import { cellOf, columnLabel, formatOf, numberOf, rowsById } from '../query';
import type { Rule, RuleFinding } from './types';

export const carryOver: Rule = {
  id: 'carry-over',
  severity: 'warning',
  evidence: 'cells',
  identity: 'I5',
  title: 'carry-over.title',
  description: 'carry-over.description',
  check: () => [],
  checkPair(current, previous) {
    const out: RuleFinding[] = [];
    const carried = rowsById(current.tables.table2).get('carried');
    const carriedForward = rowsById(previous.tables.table2).get('carryOver');
    if (!carried || !carriedForward) return out;
    const format = formatOf(current);
    for (const column of spec.table2.columns) {
      const cell = cellOf(carried, column.id);
      const actual = numberOf(cell);
      const expected = numberOf(cellOf(carriedForward, column.id));
      if (!cell || actual === undefined || expected === undefined || actual === expected) continue;
      const col = columnLabel('table2', column.id, format);
      out.push({ message: message('msg.carryOver', { column: col.zh, columnEn: col.en, actual, expected, year: previous.year ?? '' }), range: cell.range, related: [], expected, actual });
    }
    return out;
  },
};
