// A numbered row label whose words differ from the format's ("2.其他法律行政止公开"), read as the
// format's row by its number and its group: said, never silent, with the format's label offered.
import { message } from '../i18n/catalog';
import { formatOf, rowLabel as rowLabelOf, tableNames } from '../query';
import type { Rule, RuleFinding } from './types';

export const rowLabel: Rule = {
  id: 'row-label',
  severity: 'info',
  evidence: 'reading',
  title: 'row-label.title',
  description: 'row-label.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    for (const table of Object.values(model.tables)) {
      // Figures whose labels a converter lost, placed by the order of the format: said once.
      const placed = (table?.rows ?? []).filter((r) => r.placed);
      if (table && placed.length > 0) {
        const names = (lang: 'zh' | 'en') => placed.slice(0, 4).map((r) => rowLabelOf(r.rowId, format)[lang]).join(lang === 'zh' ? '、' : ', ') + (placed.length > 4 ? (lang === 'zh' ? '等' : ', …') : '');
        out.push({
          message: message('msg.rowPlaced', { ...tableNames(table.id), count: placed.length, rows: names('zh'), rowsEn: names('en') }),
          range: (placed[0] as (typeof placed)[number]).cells[0]?.range ?? table.range,
          related: placed.slice(1).map((r) => ({ range: r.cells[0]?.range ?? r.labelRange, message: rowLabelOf(r.rowId, format) })),
        });
      }
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
