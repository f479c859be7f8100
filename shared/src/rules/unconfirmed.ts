// Rule `unconfirmed`: a section, table, row, column or blank cell that seems missing from text the
// reader had to cut itself (lost line breaks, glued cells) is not claimed missing: check() gathers
// such claims into one info per table, or for the document (see capByCertainty in check.ts). The
// rule is here so that it has an id, a page and a severity setting like every other.
import type { Rule } from './types';

export const unconfirmed: Rule = {
  id: 'unconfirmed',
  severity: 'info',
  evidence: 'reading',
  title: 'unconfirmed.title',
  description: 'unconfirmed.description',
  check() {
    return [];
  },
};
