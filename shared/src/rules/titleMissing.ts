// Rule `title-missing`: see docs/rules/title-missing.md.
import { message } from '../i18n/catalog';
import type { Rule } from './types';

export const titleMissing: Rule = {
  id: 'title-missing',
  severity: 'warning',
  evidence: 'absence',
  title: 'title-missing.title',
  description: 'title-missing.description',
  check(model) {
    if (!model.isReport || model.title) return [];
    const first = model.sections[0];
    return [{ message: message('msg.titleMissing'), range: first ? first.headingRange : { start: 0, end: 0 }, related: [] }];
  },
};
