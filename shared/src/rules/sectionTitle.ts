// Rule `section-title`: see docs/rules/section-title.md.
import { message } from '../i18n/catalog';
import { norm } from '../text';
import type { Rule, RuleFinding } from './types';
import { specOf } from './sectionsShared';

export const sectionTitle: Rule = {
  id: 'section-title',
  severity: 'info',
  title: 'section-title.title',
  description: 'section-title.description',
  check(model) {
    const out: RuleFinding[] = [];
    for (const s of model.sections) {
      const canonical = specOf(s.number).title;
      if (norm(s.title) === norm(canonical)) continue;
      const titleStart = s.headingRange.end - s.title.length;
      out.push({ message: message('msg.section.title', { title: s.title, canonical }), range: { start: titleStart, end: s.headingRange.end }, related: [] });
    }
    return out;
  },
};
