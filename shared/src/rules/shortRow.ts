// Rule `short-row`: see docs/rules/short-row.md.
import { message } from '../i18n/catalog';
import { figuresApart, formatOf, rowLabel, tableNames, tablesScrambled } from '../query';
import type { Rule, RuleFinding } from './types';
import { dataRows } from './cellsShared';

export const shortRow: Rule = {
  id: 'short-row',
  severity: 'warning',
  title: 'short-row.title',
  description: 'short-row.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    if (tablesScrambled(model)) {
      // Text that lost the tables' order: said once per table, not row by row.
      for (const table of Object.values(model.tables)) {
        if (table?.stray && figuresApart(table)) {
          out.push({ message: message('msg.shortRow.apart', { ...tableNames(table.id), count: table.stray.count }), range: table.stray.range, related: [] });
          continue;
        }
        const rows = (table?.rows ?? []).filter((r) => !r.flattened && r.valueCount > 0 && r.padded > 0);
        const first = rows[0];
        if (!table || !first) continue;
        out.push({ message: message('msg.shortRow.scrambled', { ...tableNames(table.id), count: rows.length }), range: first.label ? first.labelRange : first.cells[0]?.range ?? first.labelRange, related: [] });
      }
      return out;
    }
    for (const { row } of dataRows(Object.values(model.tables))) {
      if (row.flattened || row.valueCount === 0 || row.padded === 0) continue;
      const r = rowLabel(row.rowId, format);
      const range = row.label ? row.labelRange : row.cells[0]?.range ?? row.labelRange;
      out.push({ message: message('msg.shortRow', { row: r.zh, rowEn: r.en, count: row.cells.length - row.padded, expected: row.cells.length }), range, related: [] });
    }
    return out;
  },
};
