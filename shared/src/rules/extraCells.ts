// Rule `extra-cells`: see docs/rules/extra-cells.md.
import { message } from '../i18n/catalog';
import type { Cell } from '../model';
import { formatOf, rowLabel } from '../query';
import type { Rule, RuleFinding } from './types';
import { dataRows } from './cellsShared';

export const extraCells: Rule = {
  id: 'extra-cells',
  severity: 'warning',
  evidence: 'reading',
  title: 'extra-cells.title',
  description: 'extra-cells.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    for (const { row } of dataRows(Object.values(model.tables))) {
      const first = row.extraCells[0];
      if (!first) continue;
      const last = row.extraCells[row.extraCells.length - 1] as Cell;
      const r = rowLabel(row.rowId, format);
      const extra = row.extraCells.map((c) => `“${c.raw}”`).join('、');
      out.push({ message: message('msg.extraCells', { row: r.zh, rowEn: r.en, count: row.cells.length + row.extraCells.length, expected: row.cells.length, extra }), range: { start: first.range.start, end: last.range.end }, related: [] });
    }
    return out;
  },
};
