// Rule `outdated-format`: see docs/rules/outdated-format.md.
import { message } from '../i18n/catalog';
import { spec } from '../format/data';
import type { Rule } from './types';

export const outdatedFormat: Rule = {
  id: 'outdated-format',
  formats: ['2019'],
  severity: 'error',
  evidence: 'cells',
  title: 'outdated-format.title',
  description: 'outdated-format.description',
  check(model) {
    if (model.formatVersion !== '2019' || model.year === undefined || model.year < spec.formats['2021'].firstYear) return [];
    const ev = model.formatEvidence.filter((e) => e.format === '2019');
    const first = ev[0];
    if (!first) return [];
    return [{
      message: message('msg.outdatedFormat', { year: model.year, evidence: first.reason.zh, evidenceEn: first.reason.en, document: spec.formats['2021'].document }),
      range: first.range,
      related: ev.slice(1, 6).map((e) => ({ range: e.range, message: e.reason })),
    }];
  },
};
