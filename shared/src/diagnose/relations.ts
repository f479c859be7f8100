// The identities I1–I4 (FORMAT.md §6) as linear relations over the cells of one model: each
// relation is Σ coef·value = 0. The arithmetic rules report the relations that fail; the locator
// (locate.ts) reads them together to name the cell that breaks them. Both see the same relations.
import type { Cell, ReportModel, TableId } from '../model';
import { message } from '../i18n/catalog';
import { spec } from '../spec/data';
import type { Localized } from '../spec/schema';
import { cellOf, columnLabel, formatOf, numberOf, outcomeLeafRows, rowLabel, rowsById, table2Applicants } from '../rules/query';

export type IdentityId = 'I1' | 'I2' | 'I3' | 'I4';

export interface Term {
  cell: Cell;
  coef: 1 | -1;
  rowId: string;
}

export interface Relation {
  /** Stable across edits of the document: "I3:granted", "I2:naturalPerson", "I4:reconsideration". */
  key: string;
  identity: IdentityId;
  table: TableId;
  terms: Term[];
  /** The total the relation is written against (where its finding is shown). */
  anchor: Cell;
  /** "“（一）予以公开”行合计" / "“自然人”列的（七）总计": how a message names the relation. */
  name: Localized;
}

/** The relation named from one of its own cells: "行合计", "列合计". */
export function shortName(relation: Relation): Localized {
  return message(`relation.short.${relation.identity}`);
}

export const RESULT_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

const cache = new WeakMap<ReportModel, Relation[]>();

/** Every relation of the model whose cells all exist (values may still be blank or invalid). */
export function relationsOf(model: ReportModel): Relation[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: Relation[] = [];
  const format = formatOf(model);
  const rows = rowsById(model.tables.table2);
  const t2 = (rowId: string, columnId: string) => cellOf(rows.get(rowId), columnId);
  const add = (identity: IdentityId, table: TableId, key: string, name: Localized, anchor: Cell | undefined, parts: Array<[string, Cell | undefined, 1 | -1]>) => {
    if (!anchor || parts.some(([, c]) => !c)) return;
    out.push({ key, identity, table, anchor, name, terms: parts.map(([rowId, cell, coef]) => ({ cell: cell as Cell, coef, rowId })) });
  };

  if (model.tables.table2) {
    // I3: each row's total = the six applicant columns.
    const seen = new Set<string>();
    for (const row of model.tables.table2.rows) {
      if (row.cells.length === 0 || seen.has(row.rowId)) continue;
      seen.add(row.rowId);
      const total = cellOf(row, 'total');
      add('I3', 'table2', `I3:${row.rowId}`, message('relation.rowTotal', rowParams(row.rowId, format)), total, [
        [row.rowId, total, 1], ...table2Applicants.map((c) => [row.rowId, cellOf(row, c.id), -1] as [string, Cell | undefined, -1]),
      ]);
    }
    const leaves = outcomeLeafRows(format).map((r) => r.id);
    const leavesPresent = leaves.every((id) => (rows.get(id)?.cells.length ?? 0) > 0);
    for (const column of spec.table2.columns) {
      const col = columnLabel('table2', column.id, format);
      const params = { column: col.zh, columnEn: col.en };
      // I2: (七) = Σ outcomes, per column.
      if (leavesPresent) {
        const total = t2('total', column.id);
        add('I2', 'table2', `I2:${column.id}`, message('relation.outcomeTotal', params), total, [
          ['total', total, 1], ...leaves.map((id) => [id, t2(id, column.id), -1] as [string, Cell | undefined, -1]),
        ]);
      }
      // I1: 一 + 二 = (七) + 四, per column.
      add('I1', 'table2', `I1:${column.id}`, message('relation.balance', params), t2('carryOver', column.id), [
        ['new', t2('new', column.id), 1], ['carried', t2('carried', column.id), 1], ['total', t2('total', column.id), -1], ['carryOver', t2('carryOver', column.id), -1],
      ]);
    }
  }
  const t3row = model.tables.table3?.rows[0];
  if (t3row) {
    for (const group of spec.table3.groups) {
      const total = cellOf(t3row, `${group.id}.total`);
      add('I4', 'table3', `I4:${group.id}`, message('relation.reviewTotal', { group: group.label, groupEn: group.en }), total, [
        [t3row.rowId, total, 1], ...RESULT_PARTS.map((p) => [t3row.rowId, cellOf(t3row, `${group.id}.${p}`), -1] as [string, Cell | undefined, -1]),
      ]);
    }
  }
  cache.set(model, out);
  return out;
}

function rowParams(rowId: string, format: '2019' | '2021') {
  const r = rowLabel(rowId, format);
  return { row: r.zh, rowEn: r.en };
}

/** Σ coef·value, or undefined when a cell holds no number (the relation cannot be checked). */
export function residual(relation: Relation): number | undefined {
  let sum = 0;
  for (const t of relation.terms) {
    const v = numberOf(t.cell);
    if (v === undefined) return undefined;
    sum += t.coef * v;
  }
  return sum;
}

/** Keys of the relations that can be checked and fail: what fix-all must never make worse. */
export function failingRelations(model: ReportModel): Set<string> {
  const out = new Set<string>();
  for (const r of relationsOf(model)) {
    const d = residual(r);
    if (d !== undefined && d !== 0) out.add(r.key);
  }
  return out;
}

/** "“（一）予以公开”·“自然人”" — how a message names a cell of 表2 or 表3. */
export function cellName(model: ReportModel, table: TableId, rowId: string, cell: Cell): Localized {
  const format = formatOf(model);
  const col = columnLabel(table, cell.columnId, format);
  if (table === 'table3') {
    const group = spec.table3.groups.find((g) => cell.columnId.startsWith(`${g.id}.`));
    const sub = spec.table3.columns.find((c) => c.id === cell.columnId);
    // The column's English name is "group: part"; the message names the group already.
    const partEn = (sub?.en ?? col.en).split(': ').pop() ?? col.en;
    return message('cell.table3', { group: group?.label ?? '', groupEn: group?.en ?? '', column: sub?.label ?? col.zh, columnEn: `${sub?.label ?? col.zh} (${partEn})` });
  }
  const row = rowLabel(rowId, format);
  // English names quote the report's own Chinese label beside the translation.
  return message('cell.table', { row: row.zh, rowEn: `${row.zh} (${row.en})`, column: col.zh, columnEn: `${col.zh} (${col.en})` });
}

export interface CellRelation {
  relation: Relation;
  /** The two sides (Σ of the + terms, Σ of the − terms); undefined when a cell holds no number. */
  sides?: { lhs: number; rhs: number };
}

/** The relations a cell takes part in, each with its two sides as they stand (for hovers). */
export function relationsOfCell(model: ReportModel, cell: Cell): CellRelation[] {
  return relationsOf(model)
    .filter((r) => r.terms.some((t) => t.cell === cell))
    .map((relation) => {
      const sides = relationSides(relation);
      return sides ? { relation, sides } : { relation };
    });
}

/** Σ of the + terms and Σ of the − terms ("7 ≠ 6"), or undefined when a cell holds no number. */
export function relationSides(relation: Relation): { lhs: number; rhs: number } | undefined {
  let lhs = 0;
  let rhs = 0;
  for (const t of relation.terms) {
    const v = numberOf(t.cell);
    if (v === undefined) return undefined;
    if (t.coef > 0) lhs += v;
    else rhs += v;
  }
  return { lhs, rhs };
}
