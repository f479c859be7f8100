// Rule `column-missing`: see docs/rules/column-missing.md.
import { message } from '../i18n/catalog';
import type { Table } from '../model';
import { spec, table1ItemsFor } from '../format/data';
import { norm } from '../text';
import { formatOf, rowsComplete, tablesScrambled } from '../query';
import type { Rule, RuleFinding } from './types';

export const columnMissing: Rule = {
  id: 'column-missing',
  severity: 'error',
  evidence: 'absence',
  title: 'column-missing.title',
  description: 'column-missing.description',
  check(model) {
    const out: RuleFinding[] = [];
    // Text that lost the tables' order: which columns are missing cannot be told (short-row says so).
    if (tablesScrambled(model)) return out;
    const format = formatOf(model);
    const namedWords = (headers: Table['headers']) => new Set(headers.flatMap((h) => [norm(h.text), ...(h.suggestion ? [norm(h.suggestion)] : [])]));
    // A column whose words stand in the header in pieces no column has ("结果" / "维持", as text
    // taken from a PDF column by column leaves them) is there, its header broken: not missing.
    const named = (headers: Table['headers']) => {
      const words = namedWords(headers);
      const pieces = new Set([...headers.filter((h) => !h.known).map((h) => norm(h.text)).join('')]);
      return { has: (label: string) => words.has(label) || (pieces.size > 0 && [...label].every((ch) => pieces.has(ch))) };
    };
    const t1 = model.tables.table1;
    if (t1) {
      for (const item of t1.items) {
        if (item.headers.length === 0) continue;
        const have = named(item.headers);
        const specItem = table1ItemsFor(format).find((i) => i.item === item.item);
        // Every row has a value for every column: the columns are there (the header is unknown-header's).
        if (specItem && rowsComplete(item.rows, specItem.columns.length)) continue;
        for (const c of specItem?.columns ?? []) {
          if ([c.label, ...c.aliases].some((l) => have.has(norm(l)))) continue;
          out.push({ message: message('msg.columnMissing', { table: '表1', tableEn: 'Table 1', column: c.label }), range: item.labelRange, related: [] });
        }
      }
    }
    const t2 = model.tables.table2;
    if (t2 && t2.headers.length > 0 && !rowsComplete(t2.rows, spec.table2.columns.length)) {
      const have = named(t2.headers);
      for (const c of spec.table2.columns) {
        if (have.has(norm(c.label))) continue;
        out.push({ message: message('msg.columnMissing', { table: '表2', tableEn: 'Table 2', column: c.label }), range: t2.headers[0]?.range ?? t2.range, related: [] });
      }
    }
    const t3 = model.tables.table3;
    if (t3 && t3.headers.length > 0 && !rowsComplete(t3.rows, spec.table3.columns.length)) {
      const have = named(t3.headers);
      const words = [...spec.table3.groups.map((g) => g.label), '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
      for (const w of words) {
        if (have.has(norm(w))) continue;
        out.push({ message: message('msg.columnMissing', { table: '表3', tableEn: 'Table 3', column: w }), range: t3.headers[0]?.range ?? t3.range, related: [] });
      }
    }
    return out;
  },
};
