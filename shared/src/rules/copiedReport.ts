// Rule `copied-report`: this year's report looks copied from the same agency's report for the
// year before: 表2 and 表3 identical cell for cell with figures that are not all zero (a year with
// no application at all is legitimately the same), or most of the narrative's sentences
// word for word the same. An info: the reviewer decides.
import { message } from '../i18n/catalog';
import type { ReportModel, TableId } from '../model';
import { narrativeSentences } from '../narrative/sentences';
import { numberOf } from '../query';
import { norm } from '../text';
import type { Rule, RuleFinding } from './types';

/** Sentences shorter than this (headings, "无。") say nothing about copying. */
const MIN_SENTENCE = 12;
const MIN_SENTENCES = 5;
const SHARED_SHARE = 0.6;

function figures(model: ReportModel, ids: readonly TableId[]): Map<string, number> | undefined {
  const out = new Map<string, number>();
  for (const id of ids) {
    const table = model.tables[id];
    if (!table) return undefined;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const v = numberOf(cell);
        if (v !== undefined) out.set(`${id}/${row.rowId}/${cell.columnId}`, v);
      }
    }
  }
  return out;
}

function sameFigures(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size || a.size === 0) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** The sentences, normalised, with the report's own year and the year before written as words
 *  (a text copied with its years updated is still copied). */
function sentenceKeys(model: ReportModel): string[] {
  const year = model.year;
  return narrativeSentences(model)
    .map((s) => {
      const n = norm(s.text);
      return year === undefined ? n : n.split(String(year)).join('〈本年〉').split(String(year - 1)).join('〈上年〉');
    })
    .filter((s) => s.length >= MIN_SENTENCE);
}

export const copiedReport: Rule = {
  id: 'copied-report',
  severity: 'info',
  evidence: 'cells',
  title: 'copied-report.title',
  description: 'copied-report.description',
  check: () => [],
  checkPair(current, previous) {
    const out: RuleFinding[] = [];
    const at = current.tables.table2?.range ?? current.title?.range ?? { start: 0, end: 0 };
    const now = figures(current, ['table2', 'table3']);
    const before = figures(previous, ['table2', 'table3']);
    if (now && before && sameFigures(now, before) && [...now.values()].some((v) => v !== 0)) {
      out.push({ message: message('msg.copiedTables', { year: previous.year ?? '', cells: now.size }), range: at, related: [] });
    }
    const mine = sentenceKeys(current);
    if (mine.length >= MIN_SENTENCES) {
      const theirs = new Set(sentenceKeys(previous));
      const shared = mine.filter((s) => theirs.has(s)).length;
      if (shared / mine.length >= SHARED_SHARE) {
        out.push({ message: message('msg.copiedText', { year: previous.year ?? '', shared, total: mine.length, percent: Math.round((shared / mine.length) * 100) }), range: current.title?.range ?? at, related: [] });
      }
    }
    return out;
  },
};
