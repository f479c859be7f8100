// Rule `invalid-number`: see docs/rules/invalid-number.md.
import { message } from '../i18n/catalog';
import { allCells, formatOf } from '../query';
import type { Rule, RuleFinding } from './types';
import { names } from './cellsShared';

export const invalidNumber: Rule = {
  id: 'invalid-number',
  severity: 'error',
  evidence: 'cells',
  title: 'invalid-number.title',
  description: 'invalid-number.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    for (const { table, row, cell } of allCells(model)) {
      if (row.flattened || cell.value.kind !== 'invalid') continue;
      const id = cell.value.reason === 'negative' ? 'msg.invalid.negative' : cell.value.reason === 'fraction' ? 'msg.invalid.fraction' : cell.value.reason === 'tooLarge' ? 'msg.invalid.tooLarge' : 'msg.invalid.text';
      out.push({ message: message(id, { raw: cell.raw, ...names(table.id, row, cell, format) }), range: cell.range, related: [] });
    }
    return out;
  },
};
