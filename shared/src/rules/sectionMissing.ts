// Rule `section-missing`: see docs/rules/section-missing.md.
import { message } from '../i18n/catalog';
import { spec } from '../spec/data';
import type { Rule, RuleFinding } from './types';
import { params, lastLine } from './sectionsShared';

export const sectionMissing: Rule = {
  id: 'section-missing',
  severity: 'error',
  title: 'section-missing.title',
  description: 'section-missing.description',
  check(model) {
    if (!model.isReport) return [];
    const out: RuleFinding[] = [];
    const present = new Set(model.sections.map((s) => s.number));
    for (const s of spec.sections) {
      if (present.has(s.number)) continue;
      // Point at where it should be: the heading of the next present section, or the end.
      const next = model.sections.find((x) => x.number > s.number);
      const at = next ? next.headingRange : lastLine(model);
      out.push({ message: message('msg.section.missing', params(s.number)), range: at, related: [] });
    }
    return out;
  },
};
