// Rule `suppression-unknown`: a suppression comment names a rule that does not exist
// (`<!-- gov-report-disable heading-levels -->`), so it silences nothing; said where the name
// stands, with the likely id. The registry gives the ids (rules/index.ts), so this module imports
// no rule.
import { message } from '../i18n/catalog';
import { suppressionNames } from '../suppress';
import { nearest } from '../text';
import type { Rule } from './types';

export function suppressionUnknown(ids: () => readonly string[]): Rule {
  return {
    id: 'suppression-unknown',
    severity: 'warning',
    evidence: 'reading',
    title: 'suppression-unknown.title',
    description: 'suppression-unknown.description',
    check(model) {
      const known = ids();
      return suppressionNames(model.text)
        .filter((n) => !known.includes(n.name))
        .map((n) => {
          const near = nearest(n.name, known);
          return {
            message: message(near ? 'msg.suppressionUnknown.near' : 'msg.suppressionUnknown', { id: n.name, near: near ?? '' }),
            range: { start: n.start, end: n.end },
            related: [],
          };
        });
    },
  };
}
