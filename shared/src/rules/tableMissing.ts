// Rule `table-missing`: see docs/rules/table-missing.md.
import { message } from '../i18n/catalog';
import { spec } from '../spec/data';
import type { Rule, RuleFinding } from './types';

export const tableMissing: Rule = {
  id: 'table-missing',
  severity: 'error',
  title: 'table-missing.title',
  description: 'table-missing.description',
  check(model) {
    if (!model.isReport) return [];
    const out: RuleFinding[] = [];
    for (const t of spec.tables) {
      if (model.tables[t.id]) continue;
      const section = model.sections.find((s) => s.number === t.section);
      out.push({ message: message('msg.tableMissing', { number: t.number, title: t.title, titleEn: t.titleEn }), range: section?.headingRange ?? { start: 0, end: 0 }, related: [] });
    }
    return out;
  },
};
