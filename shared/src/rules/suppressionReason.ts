// Rule `suppression-reason`: see docs/rules/suppression-reason.md.
import type { Rule } from './types';

/** With `requireReason` in the configuration, a suppression comment
 *  without a reason (" -- …") is itself a finding; check() raises it, where the comments are read. */
export const suppressionReason: Rule = {
  id: 'suppression-reason',
  severity: 'warning',
  evidence: 'reading',
  title: 'suppression-reason.title',
  description: 'suppression-reason.description',
  check() {
    return [];
  },
};
