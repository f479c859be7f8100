// Rule `section-missing`: see docs/rules/section-missing.md. Several missing sections are one
// finding ("缺少第二至六部分") at the title, so a report being started is not buried in errors.
import { message } from '../i18n/catalog';
import { spec } from '../format/data';
import { insertSectionEdits, numeralList } from './insertions';
import type { Rule, RuleFinding } from './types';
import { params, lastLine } from './sectionsShared';

export const sectionMissing: Rule = {
  id: 'section-missing',
  severity: 'error',
  evidence: 'absence',
  title: 'section-missing.title',
  description: 'section-missing.description',
  check(model) {
    if (!model.isReport) return [];
    const present = new Set(model.sections.map((s) => s.number));
    const missing = spec.sections.filter((s) => !present.has(s.number));
    if (missing.length === 0) return [];
    const [edit, ...extraEdits] = insertSectionEdits(model, missing);
    if (missing.length === 1) {
      const s = missing[0] as (typeof missing)[number];
      // Point at where it should be: the heading of the next present section, or the end.
      const next = model.sections.find((x) => x.number > s.number);
      const fix = edit && { title: message('msg.fix.insertSection', { numeral: s.numeral }), edit, safe: false };
      return [{ message: message('msg.section.missing', params(s.number)), range: next ? next.headingRange : lastLine(model), related: [], ...(fix ? { fix } : {}) }];
    }
    const at = model.title?.range ?? model.sections[0]?.headingRange ?? lastLine(model);
    const fix = edit && { title: message('msg.fix.insertSections', { count: missing.length }), edit, safe: false, ...(extraEdits.length ? { extraEdits } : {}) };
    const finding: RuleFinding = {
      message: message('msg.section.missing.many', { numerals: numeralList(missing.map((s) => s.numeral), missing.map((s) => s.number)), count: missing.length }),
      range: at, related: [], ...(fix ? { fix } : {}),
    };
    return [finding];
  },
};
