// Rule `heading-level`: see docs/rules/heading-level.md.
import { message } from '../i18n/catalog';
import type { Rule, RuleFinding } from './types';
import { specOf } from './sectionsShared';

export const headingLevel: Rule = {
  id: 'heading-level',
  severity: 'info',
  evidence: 'reading',
  title: 'heading-level.title',
  description: 'heading-level.description',
  check(model) {
    const out: RuleFinding[] = [];
    const first = model.sections.find((s) => s.markdownLevel > 0);
    if (!first) return out;
    const hashes = '#'.repeat(first.markdownLevel);
    for (const s of model.sections) {
      if (s.markdownLevel === 0 || s.markdownLevel === first.markdownLevel || !s.markdownPrefixRange) continue;
      const prefix = s.markdownPrefixRange;
      const hashRange = { start: prefix.start, end: prefix.start + s.markdownLevel };
      out.push({
        message: message('msg.headingLevel', { numeral: specOf(s.number).numeral, level: s.markdownLevel, hashes: '#'.repeat(s.markdownLevel), expected: first.markdownLevel }),
        range: hashRange,
        related: [{ range: first.headingRange, message: { zh: `第一部分：${hashes}`, en: `section 一: ${hashes}` } }],
        fix: { title: message('msg.fix.headingLevel', { hashes }), edit: { range: hashRange, newText: hashes }, safe: true },
      });
    }
    return out;
  },
};
