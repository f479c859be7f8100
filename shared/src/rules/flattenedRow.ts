// Rule `flattened-row`: see docs/rules/flattened-row.md.
import { message } from '../i18n/catalog';
import { formatOf, rowLabel } from './query';
import type { Rule, RuleFinding } from './types';
import { dataRows } from './cellsShared';

export const flattenedRow: Rule = {
  id: 'flattened-row',
  severity: 'warning',
  title: 'flattened-row.title',
  description: 'flattened-row.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    for (const { row } of dataRows(Object.values(model.tables))) {
      const f = row.flattened;
      if (!f) continue;
      const r = rowLabel(row.rowId, format);
      const base = { row: r.zh, rowEn: r.en, digits: f.digits };
      if (f.candidates.length === 1) {
        const parts = f.candidates[0] as number[];
        const split = parts.join(' | ');
        out.push({
          message: message('msg.flattened.unique', { ...base, split }),
          range: f.range,
          related: [],
          fix: { title: message('msg.fix.split', { split }), edit: { range: f.range, newText: parts.join(row.layout === 'flattened' && model.layouts.includes('tab') ? '\t' : ' ') }, safe: false },
        });
      } else {
        out.push({ message: message(f.candidates.length === 0 ? 'msg.flattened.none' : 'msg.flattened.ambiguous', { ...base, count: f.candidates.length }), range: f.range, related: [] });
      }
    }
    return out;
  },
};
