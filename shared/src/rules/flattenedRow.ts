// Rule `flattened-row`: see docs/rules/flattened-row.md.
import { message } from '../i18n/catalog';
import { formatOf, rowLabel, tableNames } from '../query';
import type { FlattenedInfo, Table, TableRow } from '../model';
import type { Rule, RuleFinding } from './types';
import { dataRows } from './cellsShared';

export const flattenedRow: Rule = {
  id: 'flattened-row',
  severity: 'warning',
  evidence: 'reading',
  title: 'flattened-row.title',
  description: 'flattened-row.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    // Crawler text leaves every row glued: the rows read by their one fitting split are said by
    // lost-line-breaks, once; the rows that could not be read are said once per table.
    const unread = new Map<Table, TableRow[]>();
    const chosen = new Map<Table, RuleFinding[]>();
    for (const { table, row } of dataRows(Object.values(model.tables))) {
      const f = row.flattened;
      // A run the digits split one way only ("0000000") is read as written: nothing to say.
      if (!f || f.forced) continue;
      if (f.glued) {
        if (f.candidates.length !== 1) unread.set(table, [...(unread.get(table) ?? []), row]);
        continue;
      }
      const r = rowLabel(row.rowId, format);
      const base = { row: r.zh, rowEn: r.en, digits: f.written ?? f.digits };
      if (f.candidates.length === 1) {
        const parts = f.candidates[0] as number[];
        const split = parts.join(' | ');
        chosen.set(table, [...(chosen.get(table) ?? []), {
          message: message(f.written ? 'msg.flattened.spaced.unique' : 'msg.flattened.unique', { ...base, split }),
          range: f.range,
          related: [],
          fix: { title: message('msg.fix.split', { split }), edit: { range: f.range, newText: parts.join(row.layout === 'flattened' && model.layouts.includes('tab') ? '\t' : ' ') }, safe: false },
        }]);
      } else {
        const id = f.undetermined ? 'msg.flattened.undetermined' : f.written ? (f.candidates.length === 0 ? 'msg.flattened.spaced.none' : 'msg.flattened.spaced.ambiguous') : f.candidates.length === 0 ? 'msg.flattened.none' : 'msg.flattened.ambiguous';
        out.push({ message: message(id, { ...base, count: f.candidates.length }), range: f.range, related: [] });
      }
    }
    // Rows split by the identities: one by one when one in a table, else said once for the table.
    for (const [table, found] of chosen) out.push(...(found.length === 1 ? found : [chosenOnce(table, found)]));
    for (const [table, rows] of unread) {
      const list = (lang: 'zh' | 'en') => rows.slice(0, 4).map((r) => `${lang === 'zh' ? rowLabel(r.rowId, format).zh : rowLabel(r.rowId, format).en}（${(r.flattened as FlattenedInfo).digits}）`).join(lang === 'zh' ? '、' : ', ') + (rows.length > 4 ? (lang === 'zh' ? '等' : ', …') : '');
      out.push({
        message: message('msg.flattened.gluedUnread', { ...tableNames(table.id), count: rows.length, rows: list('zh'), rowsEn: list('en'), why: table.id === 'table1' ? '表1 没有勾稽关系可据以拆分' : '不止一种或没有拆分满足勾稽关系', whyEn: table.id === 'table1' ? 'table 1 has no identity to split by' : 'not exactly one split satisfies the identities' }),
        range: (rows[0] as TableRow).flattened!.range,
        related: rows.slice(1).map((r) => ({ range: (r.flattened as FlattenedInfo).range, message: message('msg.flattened.gluedRow', { digits: (r.flattened as FlattenedInfo).digits }) })),
      });
    }
    return out;
  },
};

function chosenOnce(table: Table, found: RuleFinding[]): RuleFinding {
  const first = found[0] as RuleFinding;
  return {
    message: message('msg.flattened.chosenMany', { ...tableNames(table.id), count: found.length }),
    range: first.range,
    related: found.map((f) => ({ range: f.range, message: f.message })),
  };
}
