// Rule `year-unknown`: see docs/rules/year-unknown.md.
import { message } from '../i18n/catalog';
import type { Rule } from './types';

export const yearUnknown: Rule = {
  id: 'year-unknown',
  severity: 'info',
  evidence: 'reading',
  title: 'year-unknown.title',
  description: 'year-unknown.description',
  check(model) {
    if (!model.isReport || model.year !== undefined) return [];
    return [{ message: message('msg.yearUnknown'), range: model.title?.range ?? { start: 0, end: 0 }, related: [] }];
  },
};
