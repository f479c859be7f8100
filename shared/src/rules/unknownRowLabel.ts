// Rule `unknown-row-label`: see docs/rules/unknown-row-label.md.
import { message } from '../i18n/catalog';
import type { Rule, RuleFinding } from './types';

export const unknownRowLabel: Rule = {
  id: 'unknown-row-label',
  severity: 'warning',
  evidence: 'reading',
  title: 'unknown-row-label.title',
  description: 'unknown-row-label.description',
  check(model) {
    const out: RuleFinding[] = [];
    for (const table of Object.values(model.tables)) {
      for (const u of table?.unknownLabels ?? []) {
        out.push({
          message: u.suggestion ? message('msg.unknownRow', { text: u.text, suggestion: u.suggestion }) : message('msg.unknownRow.noSuggestion', { text: u.text }),
          range: u.range,
          related: [],
          ...(u.suggestion ? { fix: { title: message('msg.fix.replaceWith', { suggestion: u.suggestion }), edit: { range: u.range, newText: u.suggestion }, safe: false } } : {}),
        });
      }
    }
    return out;
  },
};
