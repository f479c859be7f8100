// Rule `unfilled-text`: see docs/rules/unfilled-text.md. The new-report template (template.ts) puts
// "（请在此填写）" where the narrative goes; a report still holding one is not written there yet.
// Each placeholder is said once, where it stands, as an info (the tables' blanks are blank-value's).
import { message } from '../i18n/catalog';
import type { Section } from '../model';
import { spec } from '../format/data';
import type { Localized } from '../format/schema';
import type { Range } from '../text';
import type { Rule, RuleFinding } from './types';

/** The template's placeholder (template.ts `PLACEHOLDER`), also with half-width parentheses or
 *  none, and 请在此处填写. */
const PLACEHOLDER_RE = /[（(]?请在此处?填写[)）]?/g;

export const unfilledText: Rule = {
  id: 'unfilled-text',
  severity: 'info',
  evidence: 'cells',
  title: 'unfilled-text.title',
  description: 'unfilled-text.description',
  check(model) {
    const out: RuleFinding[] = [];
    const tables = Object.values(model.tables).map((t) => t?.range).filter((r): r is Range => r !== undefined);
    // The placeholders come in the text's order: the section (and sub-heading) each stands under is
    // found by walking the headings along with them (linear in the text).
    const sections = [...model.sections].sort((a, b) => a.headingRange.start - b.headingRange.start);
    let s = -1;
    let h = -1;
    for (const m of model.text.matchAll(PLACEHOLDER_RE)) {
      const range = { start: m.index, end: m.index + m[0].length };
      // In a table it is a cell's text, which the cell rules read (placeholder-value, invalid-number).
      if (tables.some((t) => range.start >= t.start && range.start < t.end)) continue;
      while (s + 1 < sections.length && (sections[s + 1] as Section).headingRange.start <= range.start) {
        s++;
        h = -1;
      }
      const section = sections[s];
      if (section) while (h + 1 < section.subheadings.length && (section.subheadings[h + 1] as Section['subheadings'][number]).range.start <= range.start) h++;
      const place = placeOf(section, section?.subheadings[h]);
      out.push({ message: message('msg.unfilledText', { place: place.zh, placeEn: place.en, text: m[0] }), range, related: [] });
    }
    return out;
  },
};

/** "第一部分“（一）主动公开”", "第五部分“存在的主要问题及改进情况”", or "此处" before any section. */
function placeOf(section: Section | undefined, sub: Section['subheadings'][number] | undefined): Localized {
  if (!section) return message('msg.unfilledText.here');
  const canonical = spec.sections[section.number - 1];
  const numeral = canonical?.numeral ?? section.writtenNumeral;
  return sub
    ? message('msg.unfilledText.subheading', { numeral, sub: sub.numeral, subTitle: sub.title })
    : message('msg.unfilledText.section', { numeral, title: section.title, titleEn: canonical?.titleEn ?? section.title });
}
