// Rule `blank-value`: see docs/rules/blank-value.md.
import { message } from '../i18n/catalog';
import { allCells, formatOf } from './query';
import type { Rule, RuleFinding } from './types';
import { isTotalCell, names } from './cellsShared';

export const blankValue: Rule = {
  id: 'blank-value',
  severity: 'warning',
  title: 'blank-value.title',
  description: 'blank-value.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    for (const { table, row, cell } of allCells(model)) {
      if (row.flattened) continue;
      if (cell.value.kind !== 'blank' && cell.value.kind !== 'missing') continue;
      if (isTotalCell(table, row, cell)) continue;
      out.push({ message: message('msg.blank', names(table.id, row, cell, format)), range: cell.value.kind === 'missing' ? row.labelRange : cell.range, related: [] });
    }
    return out;
  },
};
