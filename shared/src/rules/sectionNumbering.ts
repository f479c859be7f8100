// Rule `section-numbering`: see docs/rules/section-numbering.md.
import { message } from '../i18n/catalog';
import type { Rule, RuleFinding } from './types';
import { specOf } from './sectionsShared';

export const sectionNumbering: Rule = {
  id: 'section-numbering',
  severity: 'warning',
  evidence: 'cells',
  title: 'section-numbering.title',
  description: 'section-numbering.description',
  check(model) {
    const out: RuleFinding[] = [];
    for (const s of model.sections) {
      const expected = specOf(s.number).numeral;
      if (s.writtenNumeral === expected) continue;
      const written = model.text.slice(s.numeralRange.start, s.numeralRange.end);
      if (s.partStyle) {
        out.push({
          message: message('msg.section.numbering.part', { written, numeral: expected }),
          range: s.numeralRange,
          related: [],
          fix: { title: message('msg.fix.numbering.part', { numeral: expected }), edit: { range: s.numeralRange, newText: expected }, safe: true },
        });
        continue;
      }
      out.push({
        message: message('msg.section.numbering', { written, numeral: expected }),
        range: s.numeralRange,
        related: [],
        fix: { title: message('msg.fix.numbering', { numeral: expected }), edit: { range: s.numeralRange, newText: `${expected}、` }, safe: true },
      });
    }
    return out;
  },
};
