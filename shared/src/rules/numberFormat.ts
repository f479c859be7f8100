// Rule `number-format`: see docs/rules/number-format.md.
import { message } from '../i18n/catalog';
import { allCells } from '../query';
import type { Rule, RuleFinding } from './types';

export const numberFormat: Rule = {
  id: 'number-format',
  severity: 'info',
  title: 'number-format.title',
  description: 'number-format.description',
  check(model) {
    const out: RuleFinding[] = [];
    for (const { cell } of allCells(model)) {
      if (cell.value.kind !== 'number' || cell.value.notes.length === 0) continue;
      const notes = cell.value.notes;
      // A unit inside a money cell ("251000元") is how real reports write it: not worth a hint.
      if (notes.length === 1 && notes[0] === 'unit') continue;
      const canonical = String(cell.value.value);
      const what = notes.map((n) => (n === 'fullwidth' ? '全角数字' : n === 'thousands' ? '千位分隔符' : '单位')).join('、');
      const whatEn = notes.map((n) => (n === 'fullwidth' ? 'full-width digits' : n === 'thousands' ? 'thousands separator' : 'unit')).join(', ');
      const keepsUnit = notes.includes('unit');
      out.push({
        message: message('msg.numberFormat', { raw: cell.raw, canonical, what, whatEn }),
        range: cell.range,
        related: [],
        ...(keepsUnit ? {} : { fix: { title: message('msg.fix.numberFormat', { canonical }), edit: { range: cell.range, newText: canonical }, safe: true } }),
      });
    }
    return out;
  },
};
