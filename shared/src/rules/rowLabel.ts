// A numbered row label whose words differ from the format's ("2.其他法律行政止公开"), read as the
// format's row by its number and its group: said, never silent, with the format's label offered.
import { message } from '../i18n/catalog';
import type { Rule, RuleFinding } from './types';

export const rowLabel: Rule = {
  id: 'row-label',
  severity: 'info',
  title: 'row-label.title',
  description: 'row-label.description',
  check(model) {
    const out: RuleFinding[] = [];
    for (const table of Object.values(model.tables)) {
      for (const row of table?.rows ?? []) {
        if (!row.readAs) continue;
        out.push({
          message: message('msg.rowLabel', { text: row.label, label: row.readAs }),
          range: row.labelRange,
          related: [],
          fix: { title: message('msg.fix.replaceWith', { suggestion: row.readAs }), edit: { range: row.labelRange, newText: row.readAs }, safe: false },
        });
      }
    }
    return out;
  },
};
