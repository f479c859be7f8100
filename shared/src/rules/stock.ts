// Rule `stock` (I6): 现行有效件数(N) = 现行有效件数(N−1) + 本年制发(N) − 本年废止(N), 表1 item (1).
import { message } from '../i18n/catalog';
import { cellOf, numberOf, rowLabel, rowsById } from '../query';
import type { Rule, RuleFinding } from './types';

export const stock: Rule = {
  id: 'stock',
  severity: 'info',
  evidence: 'cells',
  identity: 'I6',
  title: 'stock.title',
  description: 'stock.description',
  check: () => [],
  checkPair(current, previous) {
    const out: RuleFinding[] = [];
    if (current.formatVersion !== '2021' || previous.formatVersion !== '2021') return out;
    const now = rowsById(current.tables.table1);
    const before = rowsById(previous.tables.table1);
    for (const id of ['item1.rules', 'item1.normative']) {
      const row = now.get(id);
      const inForce = cellOf(row, 'inForce');
      const actual = numberOf(inForce);
      const issued = numberOf(cellOf(row, 'issued'));
      const repealed = numberOf(cellOf(row, 'repealed'));
      const prev = numberOf(cellOf(before.get(id), 'inForce'));
      if (!inForce || actual === undefined || issued === undefined || repealed === undefined || prev === undefined) continue;
      const expected = prev + issued - repealed;
      if (actual === expected) continue;
      const label = rowLabel(id, '2021');
      out.push({ message: message('msg.stock', { row: label.zh, rowEn: label.en, actual, previous: prev, issued, repealed, expected }), range: inForce.range, related: [], expected, actual });
    }
    return out;
  },
};
