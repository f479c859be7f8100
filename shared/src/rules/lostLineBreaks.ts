// Text copied from a web page lost its line breaks: said once, at the start, instead of the many
// symptoms a reader unaware of it would report (see readers/webCopy.ts).
import { message } from '../i18n/catalog';
import type { Rule } from './types';

export const lostLineBreaks: Rule = {
  id: 'lost-line-breaks',
  severity: 'info',
  title: 'lost-line-breaks.title',
  description: 'lost-line-breaks.description',
  check(model) {
    const at = model.lostLineBreaks;
    if (!at) return [];
    let glued = 0;
    for (const t of Object.values(model.tables)) for (const r of t?.rows ?? []) if (r.flattened?.glued && r.flattened.candidates.length === 1) glued++;
    return [{ message: glued > 0 ? message('msg.lostLineBreaks.glued', { count: glued }) : message('msg.lostLineBreaks'), range: { start: at.start, end: Math.min(at.end, at.start + 40) }, related: [] }];
  },
};
