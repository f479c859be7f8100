// Rule `row-missing`: see docs/rules/row-missing.md.
import { message } from '../i18n/catalog';
import { table1ItemsFor, table2RowsFor } from '../spec/data';
import { chineseNumeral } from '../text';
import { formatOf, table2FormatOf } from './query';
import type { Rule, RuleFinding } from './types';
import { anchorBefore } from './tablesShared';

export const rowMissing: Rule = {
  id: 'row-missing',
  severity: 'error',
  title: 'row-missing.title',
  description: 'row-missing.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    const t2 = model.tables.table2;
    if (t2) {
      const present = new Set(t2.rows.map((r) => r.rowId));
      for (const r of table2RowsFor(table2FormatOf(model))) {
        if (r.group || present.has(r.id)) continue;
        out.push({ message: message('msg.rowMissing.table2', { row: r.label, rowEn: r.en }), range: anchorBefore(t2, r.id, format), related: [] });
      }
    }
    const t1 = model.tables.table1;
    if (t1) {
      for (const item of table1ItemsFor(format)) {
        const found = t1.items.find((i) => i.item === item.item);
        if (!found) {
          out.push({ message: message('msg.itemMissing', { item: chineseNumeral(item.item), itemNo: item.item }), range: { start: t1.range.start, end: t1.range.start }, related: [] });
          continue;
        }
        const present = new Set(found.rows.map((r) => r.rowId));
        for (const r of item.rows) {
          if (present.has(r.id)) continue;
          out.push({ message: message('msg.rowMissing.table1', { item: chineseNumeral(item.item), itemNo: item.item, row: r.label, rowEn: r.en }), range: found.labelRange, related: [] });
        }
      }
    }
    const t3 = model.tables.table3;
    if (t3 && t3.rows.length === 0) out.push({ message: message('msg.rowMissing.table3'), range: t3.range, related: [] });
    return out;
  },
};
