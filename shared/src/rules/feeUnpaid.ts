// Rule `fee-unpaid`: the text says no 信息处理费 was charged, while 表2 （六）2 counts applications
// that were no longer processed because the applicant did not pay a fee notice in time — so fee
// notices were issued. (Not 表1's 行政事业性收费: another thing.) A warning: the text may mean that
// nothing was collected.
import { message } from '../i18n/catalog';
import { cellOf, numberOf, rowLabel, rowsById } from '../query';
import type { Rule } from './types';

/** "未收取信息处理费", "没有收取任何费用", "信息处理费 0 元", "免收". */
const NONE_CHARGED = /(?:未|没有|不|无)(?:发生|产生)?(?:收取|收)(?:任何)?(?:政府信息公开)?(?:信息处理费|处理费|费用)|(?:信息)?处理费[^。；\n]{0,8}?(?<![0-9０-９.．])[0０零]\s*元|免(?:收|费)/;

export const feeUnpaid: Rule = {
  id: 'fee-unpaid',
  formats: ['2021'],
  severity: 'warning',
  evidence: 'cells',
  title: 'fee-unpaid.title',
  description: 'fee-unpaid.description',
  check(model) {
    const row = rowsById(model.tables.table2).get('other.unpaidFee');
    const cell = cellOf(row, 'total');
    const count = numberOf(cell);
    if (!cell || count === undefined || count <= 0) return [];
    const six = model.sections.find((s) => s.number === 6);
    if (!six) return [];
    const text = model.text.slice(six.headingRange.end, six.range.end);
    const m = NONE_CHARGED.exec(text);
    if (!m) return [];
    const start = six.headingRange.end + m.index;
    return [{
      message: message('msg.feeUnpaid', { quote: m[0], count }),
      range: { start, end: start + m[0].length },
      related: [{ range: cell.range, message: rowLabel('other.unpaidFee', '2021') }],
    }];
  },
};
