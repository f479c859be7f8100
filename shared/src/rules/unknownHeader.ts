// Rule `unknown-header`: see docs/rules/unknown-header.md.
import { message } from '../i18n/catalog';
import { spec } from '../format/data';
import { rowsComplete, tablesScrambled } from '../query';
import { norm } from '../text';
import type { Rule, RuleFinding } from './types';

export const unknownHeader: Rule = {
  id: 'unknown-header',
  severity: 'warning',
  evidence: 'reading',
  title: 'unknown-header.title',
  description: 'unknown-header.description',
  check(model) {
    const out: RuleFinding[] = [];
    // Text that lost the tables' order: its header words are pieces in the order the text put
    // them, not a writer's words (short-row says once that the table cannot be read).
    if (tablesScrambled(model)) return out;
    for (const table of Object.values(model.tables)) {
      if (!table) continue;
      const unknown = table.headers.filter((h) => !h.known);
      // Header words broken over lines (PDF text) or generic headers (数据1…) above rows that carry
      // every column: said once for the table, and the columns are taken in the format's order.
      const columns = table.id === 'table2' ? spec.table2.columns.length : table.id === 'table3' ? spec.table3.columns.length : 0;
      if (columns > 0 && unknown.length >= 2 && rowsComplete(table.rows, columns)) {
        out.push({
          message: message('msg.unknownHeader.byPosition', { table: table.id === 'table2' ? '表2' : '表3', tableEn: table.id === 'table2' ? 'Table 2' : 'Table 3', words: unknown.slice(0, 6).map((h) => `“${h.text}”`).join('') + (unknown.length > 6 ? '…' : '') }),
          range: (unknown[0] as { range: { start: number; end: number } }).range,
          related: [],
        });
        continue;
      }
      // Every word known, one or more columns not named, and the rows carry every column: the
      // columns are read in the format's order, and that is said (column-missing is for rows
      // that lack the column too).
      if (table.id === 'table2' && table.headers.length > 0 && unknown.length === 0 && rowsComplete(table.rows, columns)) {
        const named = new Set(table.headers.map((h) => norm(h.text)));
        const absent = spec.table2.columns.filter((c) => !named.has(norm(c.label)));
        if (absent.length > 0) {
          out.push({
            message: message('msg.header.incomplete', { table: '表2', tableEn: 'Table 2', columns: absent.map((c) => `“${c.label}”`).join('') }),
            range: (table.headers[0] as { range: { start: number; end: number } }).range,
            related: [],
          });
        }
        continue;
      }
      for (const h of unknown) {
        out.push({
          message: h.suggestion ? message('msg.unknownHeader', { text: h.text, suggestion: h.suggestion }) : message('msg.unknownHeader.noSuggestion', { text: h.text }),
          range: h.range,
          related: [],
          ...(h.suggestion ? { fix: { title: message('msg.fix.replaceWith', { suggestion: h.suggestion }), edit: { range: h.range, newText: h.suggestion }, safe: false } } : {}),
        });
      }
    }
    return out;
  },
};
