// Rule `placeholder-value`: see docs/rules/placeholder-value.md.
import { message } from '../i18n/catalog';
import { allCells, formatOf } from '../query';
import type { Rule, RuleFinding } from './types';
import { isTotalCell, names } from './cellsShared';

export const placeholderValue: Rule = {
  id: 'placeholder-value',
  severity: 'warning',
  evidence: 'reading',
  title: 'placeholder-value.title',
  description: 'placeholder-value.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    for (const { table, row, cell } of allCells(model)) {
      if (cell.value.kind !== 'placeholder' || isTotalCell(table, row, cell)) continue;
      out.push({ message: message('msg.placeholder', { raw: cell.raw, ...names(table.id, row, cell, format) }), range: cell.range, related: [] });
    }
    return out;
  },
};
