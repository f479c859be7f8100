// What the server decided about a document and why: sent to the client for its status bar and
// written to the output channel when it changes.
import { message, pick, type Lang, type Localized } from '../../../shared/src/index';
import type { StatusParams } from '../../../shared/src/protocol';
import type { Analysis } from '../analysis';

// (Sent as STATUS_NOTIFICATION; its parameters are the protocol's.)
export function statusOf(a: Analysis, lang: Lang, shownFindings = a.findings): StatusParams {
  const count = (s: string) => shownFindings.filter((f) => f.severity === s).length;
  const m = a.model;
  return {
    uri: a.uri,
    decision: a.decision,
    active: a.active,
    ...(a.active && m.formatVersion ? { format: m.formatVersion } : a.active ? { format: '2021' } : {}),
    ...(m.year !== undefined ? { year: m.year } : {}),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    detail: pick(detailOf(a), lang),
  };
}

function detailOf(a: Analysis): Localized {
  if (a.decision !== 'structure') return message(`status.${a.decision}`);
  const m = a.model;
  const clues: Localized[] = [];
  if (m.title) clues.push(message('status.clue.title', { title: m.title.text.slice(0, 40) }));
  if (m.sections.length) clues.push(message('status.clue.sections', { count: m.sections.length }));
  const tables = Object.keys(m.tables).length;
  if (tables) clues.push(message('status.clue.tables', { count: tables }));
  if (m.formatVersion) clues.push(message('status.clue.format', { format: m.formatVersion }));
  return message('status.structure', { clues: clues.map((c) => c.zh).join('，'), cluesEn: clues.map((c) => c.en).join(', ') });
}
