// Rule `row-duplicate`: see docs/rules/row-duplicate.md.
import { message } from '../i18n/catalog';
import { formatOf, rowLabel } from '../query';
import type { Rule, RuleFinding } from './types';

export const rowDuplicate: Rule = {
  id: 'row-duplicate',
  severity: 'warning',
  evidence: 'cells',
  title: 'row-duplicate.title',
  description: 'row-duplicate.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    for (const table of Object.values(model.tables)) {
      if (!table) continue;
      const lists = table.id === 'table1' ? table.items.map((i) => i.rows) : [table.rows];
      for (const rows of lists) {
        const first = new Map<string, (typeof rows)[number]>();
        for (const r of rows) {
          const f = first.get(r.rowId);
          if (!f) first.set(r.rowId, r);
          else {
            const label = rowLabel(r.rowId, format);
            out.push({ message: message('msg.rowDuplicate', { row: label.zh, rowEn: label.en }), range: r.labelRange, related: [{ range: f.labelRange, message: { zh: '第一次出现', en: 'first occurrence' } }] });
          }
        }
      }
    }
    return out;
  },
};
