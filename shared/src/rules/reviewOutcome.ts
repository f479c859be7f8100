// Rule `review-outcome`: outcome words of the narrative against 表3 ("均获维持" while a case was
// corrected or is pending; "未被纠错" while one was corrected). An exact contradiction: an error.
import { message } from '../i18n/catalog';
import { narrativeSentences, OTHER_SCOPE } from '../narrative/sentences';
import { spec } from '../format/data';
import { cellOf, numberOf } from '../query';
import type { Rule, RuleFinding } from './types';

const CLAIMS: Array<{ pattern: RegExp; contradicted: readonly string[] }> = [
  // "均获维持": every case upheld, so none corrected, closed otherwise or pending.
  { pattern: /(?:均|全部|都|皆)(?:已)?(?:获|被|予以|得到|获得)?(?:维持|支持)/, contradicted: ['corrected', 'other', 'pending'] },
  { pattern: /(?:均未|没有|未|无一?)(?:被|发生)?(?:纠错|纠正|撤销)/, contradicted: ['corrected'] },
];

export const reviewOutcome: Rule = {
  id: 'review-outcome',
  severity: 'error',
  evidence: 'cells',
  title: 'review-outcome.title',
  description: 'review-outcome.description',
  check(model) {
    const row = model.tables.table3?.rows[0];
    if (!row) return [];
    const out: RuleFinding[] = [];
    for (const s of narrativeSentences(model)) {
      const review = /复议/.test(s.text);
      const litigation = /诉讼/.test(s.text);
      if ((!review && !litigation) || OTHER_SCOPE.test(s.text)) continue;
      const groups = spec.table3.groups.filter((g) => (g.id === 'reconsideration' ? review : litigation));
      for (const claim of CLAIMS) {
        const m = claim.pattern.exec(s.text);
        if (!m) continue;
        for (const g of groups) {
          const hit = claim.contradicted.map((part) => ({ part, value: numberOf(cellOf(row, `${g.id}.${part}`)) })).find((x) => x.value !== undefined && x.value > 0);
          if (!hit) continue;
          const column = spec.table3.columns.find((c) => c.id === `${g.id}.${hit.part}`);
          const start = s.range.start + m.index;
          out.push({
            message: message('msg.reviewOutcome', { quote: m[0], group: g.label, groupEn: `${g.label} (${g.en})`, column: column?.label ?? hit.part, value: hit.value as number }),
            range: { start, end: start + m[0].length }, related: [],
          });
          break;
        }
      }
    }
    return out;
  },
};
