// Rule `section-duplicate`: see docs/rules/section-duplicate.md.
import { message } from '../i18n/catalog';
import type { Section } from '../model';
import type { Rule, RuleFinding } from './types';
import { params } from './sectionsShared';

export const sectionDuplicate: Rule = {
  id: 'section-duplicate',
  severity: 'error',
  evidence: 'cells',
  title: 'section-duplicate.title',
  description: 'section-duplicate.description',
  check(model) {
    const seen = new Map<number, Section>();
    const out: RuleFinding[] = [];
    for (const s of model.sections) {
      const first = seen.get(s.number);
      if (first) out.push({ message: message('msg.section.duplicate', params(s.number)), range: s.headingRange, related: [{ range: first.headingRange, message: { zh: '第一次出现', en: 'first occurrence' } }] });
      else seen.set(s.number, s);
    }
    return out;
  },
};
