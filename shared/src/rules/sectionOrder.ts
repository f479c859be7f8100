// Rule `section-order`: see docs/rules/section-order.md.
import { message } from '../i18n/catalog';
import type { Section } from '../model';
import type { Rule, RuleFinding } from './types';
import { specOf, params } from './sectionsShared';

export const sectionOrder: Rule = {
  id: 'section-order',
  severity: 'error',
  evidence: 'cells',
  title: 'section-order.title',
  description: 'section-order.description',
  check(model) {
    const out: RuleFinding[] = [];
    let max: Section | undefined;
    const seen = new Set<number>();
    for (const s of model.sections) {
      if (seen.has(s.number)) continue; // duplicates are their own finding
      seen.add(s.number);
      if (max && s.number < max.number) {
        out.push({ message: message('msg.section.order', { ...params(s.number), prevNumeral: specOf(max.number).numeral }), range: s.headingRange, related: [{ range: max.headingRange, message: { zh: `第${specOf(max.number).numeral}部分`, en: `section ${specOf(max.number).numeral}` } }] });
      } else max = s;
    }
    return out;
  },
};
