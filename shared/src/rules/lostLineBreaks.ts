// Text copied from a web page lost its line breaks: said once, at the start, instead of the many
// symptoms a reader unaware of it would report (see readers/webCopy.ts).
import { message } from '../i18n/catalog';
import type { Rule } from './types';

export const lostLineBreaks: Rule = {
  id: 'lost-line-breaks',
  severity: 'info',
  evidence: 'reading',
  title: 'lost-line-breaks.title',
  description: 'lost-line-breaks.description',
  check(model) {
    const at = model.lostLineBreaks;
    if (!at) return [];
    // Glued rows whose split the identities chose (a run with one split whatever they say is read as written).
    let glued = 0;
    let chosen = 0;
    for (const t of Object.values(model.tables)) {
      for (const r of t?.rows ?? []) {
        if (!r.flattened?.glued) continue;
        glued++;
        if (r.flattened.candidates.length === 1 && !r.flattened.forced) chosen++;
      }
    }
    const said = chosen > 0 ? message('msg.lostLineBreaks.glued', { count: chosen }) : glued > 0 ? message('msg.lostLineBreaks.gluedForced') : message('msg.lostLineBreaks');
    return [{ message: said, range: { start: at.start, end: Math.min(at.end, at.start + 40) }, related: [] }];
  },
};
