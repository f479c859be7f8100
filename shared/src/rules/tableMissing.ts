// Rule `table-missing`: see docs/rules/table-missing.md. Several missing tables are one finding.
import { message } from '../i18n/catalog';
import { spec } from '../format/data';
import type { Rule } from './types';

export const tableMissing: Rule = {
  id: 'table-missing',
  severity: 'error',
  evidence: 'absence',
  title: 'table-missing.title',
  description: 'table-missing.description',
  check(model) {
    if (!model.isReport) return [];
    const missing = spec.tables.filter((t) => !model.tables[t.id]);
    if (missing.length === 0) return [];
    if (missing.length === 1) {
      const t = missing[0] as (typeof missing)[number];
      const section = model.sections.find((s) => s.number === t.section);
      return [{ message: message('msg.tableMissing', { number: t.number, title: t.title, titleEn: t.titleEn }), range: section?.headingRange ?? model.title?.range ?? { start: 0, end: 0 }, related: [] }];
    }
    return [{
      message: message('msg.tableMissing.many', { tables: missing.map((t) => `表${t.number}“${t.title}”`).join('、'), numbers: missing.map((t) => t.number).join(', ') }),
      range: model.title?.range ?? model.sections[0]?.headingRange ?? { start: 0, end: 0 }, related: [],
    }];
  },
};
