// Rule `short-row`: see docs/rules/short-row.md.
import { message } from '../i18n/catalog';
import { figuresApart, formatOf, rowLabel, tableNames, tablesScrambled } from '../query';
import type { Rule, RuleFinding } from './types';

export const shortRow: Rule = {
  id: 'short-row',
  severity: 'warning',
  evidence: 'reading',
  title: 'short-row.title',
  description: 'short-row.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    const scrambled = tablesScrambled(model);
    for (const table of Object.values(model.tables)) {
      if (!table) continue;
      // A table whose figures stand apart from its labels: said once, for the table.
      if (table.stray && figuresApart(table)) {
        out.push({ message: message('msg.shortRow.apart', { ...tableNames(table.id), count: table.stray.count }), range: table.stray.range, related: [] });
        continue;
      }
      const short = table.rows.filter((r) => r.cells.length > 0 && !r.flattened && r.valueCount > 0 && r.padded > 0);
      const first = short[0];
      if (!first) continue;
      if (scrambled) {
        // Text that lost the tables' order: said once per table, not row by row.
        out.push({ message: message(short.length === 1 ? 'msg.shortRow.scrambledOne' : 'msg.shortRow.scrambled', { ...tableNames(table.id), count: short.length }), range: first.label ? first.labelRange : first.cells[0]?.range ?? first.labelRange, related: [] });
        continue;
      }
      for (const row of short) {
        const r = rowLabel(row.rowId, format);
        const range = row.label ? row.labelRange : row.cells[0]?.range ?? row.labelRange;
        out.push({ message: message('msg.shortRow', { row: r.zh, rowEn: r.en, count: row.cells.length - row.padded, expected: row.cells.length }), range, related: [] });
      }
    }
    return out;
  },
};
