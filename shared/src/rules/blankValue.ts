// Rule `blank-value`: see docs/rules/blank-value.md.
import { message } from '../i18n/catalog';
import type { Cell, Table } from '../model';
import { allCells, columnLabel, formatOf } from './query';
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
    const asZero = new Map<Table, Cell[]>();
    for (const { table, row, cell } of allCells(model)) {
      if (row.flattened) continue;
      if (cell.value.kind === 'blank' && cell.value.asZero) {
        asZero.set(table, [...(asZero.get(table) ?? []), cell]);
        continue;
      }
      if (cell.value.kind !== 'blank' && cell.value.kind !== 'missing') continue;
      if (isTotalCell(table, row, cell)) continue;
      out.push({ message: message('msg.blank', names(table.id, row, cell, format)), range: cell.value.kind === 'missing' ? row.labelRange : cell.range, related: [] });
    }
    // A table that leaves its zeros blank: said once, not once per cell.
    for (const [table, cells] of asZero) {
      const columns = [...new Set(cells.map((c) => columnLabel(table.id, c.columnId, format).zh))];
      out.push({
        message: message('msg.blank.asZero', { table: `表${table.id.slice(-1)}`, tableEn: `Table ${table.id.slice(-1)}`, count: cells.length, columns: columns.slice(0, 5).join('、') + (columns.length > 5 ? '等' : '') }),
        range: (cells[0] as Cell).range.start === (cells[0] as Cell).range.end ? table.headers[0]?.range ?? (cells[0] as Cell).range : (cells[0] as Cell).range,
        related: [],
      });
    }
    return out;
  },
};
