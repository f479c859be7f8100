// Rule `unknown-header`: see docs/rules/unknown-header.md.
import { message } from '../i18n/catalog';
import type { Rule, RuleFinding } from './types';

export const unknownHeader: Rule = {
  id: 'unknown-header',
  severity: 'warning',
  title: 'unknown-header.title',
  description: 'unknown-header.description',
  check(model) {
    const out: RuleFinding[] = [];
    for (const table of Object.values(model.tables)) {
      for (const h of table?.headers ?? []) {
        if (h.known) continue;
        out.push({
          message: h.suggestion ? message('msg.unknownHeader', { text: h.text, suggestion: h.suggestion }) : message('msg.unknownHeader.noSuggestion', { text: h.text }),
          range: h.range,
          related: [],
          ...(h.suggestion ? { fix: { title: message('msg.fix.replaceWith', { suggestion: h.suggestion }), edit: { range: h.range, newText: h.suggestion }, safe: false } } : {}),
        });
      }
    }
    return out;
  },
};
