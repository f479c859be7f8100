// I4: each group of 表3: 总计 = 维持 + 纠正 + 其他 + 尚未审结.
import { message } from '../i18n/catalog';
import { spec } from '../format/data';
import { cellOf, formatOf, formula, isFillable, nothingWritten, numberOf, columnLabel, totalFix } from '../query';
import type { Rule, RuleFinding } from './types';

export const reviewTotal: Rule = {
  id: 'review-total',
  severity: 'error',
  evidence: 'cells',
  identity: 'I4',
  title: 'review-total.title',
  description: 'review-total.description',
  check(model) {
    const out: RuleFinding[] = [];
    const row = model.tables.table3?.rows[0];
    if (!row) return out;
    const format = formatOf(model);
    for (const group of spec.table3.groups) {
      const partIds = ['upheld', 'corrected', 'other', 'pending'].map((s) => `${group.id}.${s}`);
      const parts = partIds.map((id) => cellOf(row, id));
      const values = parts.map(numberOf);
      if (values.some((v) => v === undefined)) continue;
      const nums = values as number[];
      const expected = nums.reduce((a, b) => a + b, 0);
      const total = cellOf(row, `${group.id}.total`);
      if (!total) continue;
      const actual = numberOf(total);
      if (actual === expected || !Number.isSafeInteger(expected)) continue;
      if (actual === undefined && (!isFillable(total) || (total.value.kind === 'blank' && nothingWritten(parts)))) continue;
      out.push({
        message: message(actual === undefined ? 'msg.reviewTotal.blank' : 'msg.reviewTotal.wrong', { group: group.label, groupEn: `${group.label} (${group.en})`, expected, actual: actual ?? '', formula: formula(nums) }),
        range: total.range.start === total.range.end ? { start: (parts[0] ?? total).range.start, end: (parts[3] ?? total).range.end } : total.range,
        related: parts.map((cell, k) => {
          const col = columnLabel('table3', partIds[k] as string, format);
          return { range: (cell ?? total).range, message: message('msg.related.cell', { label: col.zh, labelEn: col.en, value: nums[k] ?? '' }) };
        }),
        expected,
        actual: actual ?? null,
        relation: `I4:${group.id}`,
        fix: totalFix(total, expected, actual),
      });
    }
    return out;
  },
};
