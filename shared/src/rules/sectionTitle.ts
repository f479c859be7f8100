// Rule `section-title`: see docs/rules/section-title.md.
import { message } from '../i18n/catalog';
import { norm } from '../text';
import type { Rule, RuleFinding } from './types';
import { specOf } from './sectionsShared';

export const sectionTitle: Rule = {
  id: 'section-title',
  severity: 'info',
  evidence: 'reading',
  title: 'section-title.title',
  description: 'section-title.description',
  check(model) {
    const out: RuleFinding[] = [];
    for (const s of model.sections) {
      const section = specOf(s.number);
      const canonical = section.title;
      // A trailing full stop, spaces, and the wordings docs/format.md accepts raise nothing.
      const written = norm(s.title).replace(/[。.]+$/, '');
      if ([canonical, ...(section.variants ?? [])].some((t) => norm(t) === written)) continue;
      const titleStart = s.headingRange.end - s.title.length;
      const exact = model.text.slice(titleStart, s.headingRange.end) === s.title;
      out.push({ message: message('msg.section.title', { title: s.title, canonical }), range: exact ? { start: titleStart, end: s.headingRange.end } : s.headingRange, related: [] });
    }
    return out;
  },
};
