// Rule `mixed-format`: see docs/rules/mixed-format.md.
import { message } from '../i18n/catalog';
import type { Rule } from './types';

export const mixedFormat: Rule = {
  id: 'mixed-format',
  severity: 'warning',
  evidence: 'cells',
  title: 'mixed-format.title',
  description: 'mixed-format.description',
  check(model) {
    // Only table evidence counts: citing a format document is no layout.
    const ev = model.formatEvidence.filter((e) => !e.reason.en.startsWith('the text cites'));
    const a = ev.find((e) => e.format === '2019');
    const b = ev.find((e) => e.format === '2021');
    if (!a || !b) return [];
    const minority = ev.filter((e) => e.format !== model.formatVersion);
    const at = minority[0] ?? a;
    return [{
      message: message('msg.mixedFormat', { evidence2019: a.reason.zh, evidence2019En: a.reason.en, evidence2021: b.reason.zh, evidence2021En: b.reason.en }),
      range: at.range,
      related: minority.slice(1, 6).map((e) => ({ range: e.range, message: e.reason })),
    }];
  },
};
