// Rule `row-missing`: see docs/rules/row-missing.md. What 表2 lacks is said once per table (a
// table being typed lacks most of its rows; one finding, not twenty), a row missing from a 表1
// item once per row; each with a quick fix that inserts the rows in the document's layout.
import { message } from '../i18n/catalog';
import type { ReportModel, Table } from '../model';
import { table1ItemsFor, table2RowsFor } from '../format/data';
import type { RowSpec } from '../format/schema';
import { chineseNumeral } from '../text';
import { insertItemRowEdits, insertRowEdits, lineStartAt } from './insertions';
import { formatOf, table2FormatOf, tablesScrambled } from '../query';
import type { Fix, Rule, RuleFinding } from './types';
import { anchorBefore } from './tablesShared';

/** Rows listed by name in a message; more are counted ("等"). */
const LISTED = 5;

export const rowMissing: Rule = {
  id: 'row-missing',
  severity: 'error',
  evidence: 'absence',
  title: 'row-missing.title',
  description: 'row-missing.description',
  check(model) {
    const out: RuleFinding[] = [];
    // Text that lost the tables' order: which rows are missing cannot be told (short-row says so).
    if (tablesScrambled(model)) return out;
    const t2 = model.tables.table2;
    if (t2) out.push(...table2Missing(model, t2));
    const t1 = model.tables.table1;
    if (t1) out.push(...table1Missing(model, t1));
    const t3 = model.tables.table3;
    if (t3 && t3.rows.length === 0) out.push({ message: message('msg.rowMissing.table3'), range: t3.range, related: [] });
    return out;
  },
};

function table2Missing(model: ReportModel, t2: Table): RuleFinding[] {
  const format = table2FormatOf(model);
  const order = table2RowsFor(format);
  const present = new Set(t2.rows.map((r) => r.rowId));
  const missing = order.filter((r) => !r.group && !present.has(r.id));
  if (missing.length === 0) return [];
  const edits = insertRowEdits(model.text, t2, order.map((r) => r.id), missing);
  if (missing.length === 1) {
    const r = missing[0] as RowSpec;
    const fix = edits && insertFix(edits, message('msg.fix.insertRow', { row: shortLabel(r.label) }));
    return [{ message: message('msg.rowMissing.table2', { row: r.label, translation: r.en }), range: anchorBefore(t2, r.id, format), related: [], ...(fix ? { fix } : {}) }];
  }
  const fix = edits && insertFix(edits, message('msg.fix.insertRows', { count: missing.length }));
  return [{ message: message('msg.rowMissing.table2.many', { count: missing.length, ...rowList(missing) }), range: tableLabel(model, t2), related: [], ...(fix ? { fix } : {}) }];
}

function table1Missing(model: ReportModel, t1: Table): RuleFinding[] {
  const out: RuleFinding[] = [];
  const items = table1ItemsFor(formatOf(model));
  const absent = items.filter((item) => !t1.items.some((i) => i.item === item.item));
  if (absent.length === 1) {
    const item = (absent[0] as (typeof items)[number]).item;
    out.push({ message: message('msg.itemMissing', { item: chineseNumeral(item), itemNo: item }), range: tableLabel(model, t1), related: [] });
  } else if (absent.length > 1) {
    out.push({
      message: message('msg.itemMissing.many', { items: absent.map((i) => `（${chineseNumeral(i.item)}）`).join(''), itemsEn: absent.map((i) => `(${i.item})`).join(', ') }),
      range: tableLabel(model, t1), related: [],
    });
  }
  for (const item of items) {
    const found = t1.items.find((i) => i.item === item.item);
    if (!found) continue;
    const present = new Set(found.rows.map((r) => r.rowId));
    const order = item.rows.map((r) => r.id);
    for (const r of item.rows) {
      if (present.has(r.id)) continue;
      // Each missing row its own quick fix, written in the item's layout with its cells empty.
      const edits = insertItemRowEdits(model.text, t1, found, order, [r], item.columns.length);
      const fix = edits && insertFix(edits, message('msg.fix.insertRow', { row: shortLabel(r.label) }));
      out.push({ message: message('msg.rowMissing.table1', { item: chineseNumeral(item.item), itemNo: item.item, row: r.label, translation: r.en }), range: found.labelRange, related: [], ...(fix ? { fix } : {}) });
    }
  }
  return out;
}

function insertFix(edits: Fix['edit'][], title: Fix['title']): Fix | undefined {
  const [edit, ...extraEdits] = edits;
  if (!edit) return undefined;
  return { title, edit, safe: false, ...(extraEdits.length ? { extraEdits } : {}) };
}

/** The line the table starts on (its label, e.g. "三、收到和处理…" or "表2"), up to its end. */
function tableLabel(model: ReportModel, t: Table) {
  const start = lineStartAt(model.text, t.range.start);
  const nl = model.text.indexOf('\n', start);
  const end = nl < 0 ? model.text.length : nl > start && model.text[nl - 1] === '\r' ? nl - 1 : nl;
  return { start, end: Math.max(start, end) };
}

/** The label without the format's note in brackets: "（二）部分公开". */
export function shortLabel(label: string): string {
  return label.replace(/(?<=.)（[^（）]*）$/u, '');
}

function rowList(rows: readonly RowSpec[]): { rows: string; rowsEn: string } {
  const listed = rows.slice(0, LISTED);
  const more = rows.length > LISTED;
  return {
    rows: listed.map((r) => shortLabel(r.label)).join('、') + (more ? ' 等' : ''),
    rowsEn: listed.map((r) => `${r.en} (${shortLabel(r.label)})`).join('; ') + (more ? '; …' : ''),
  };
}
