// "更新合计": the totals that depend on figures the writer typed, recomputed from their parts, so
// that a figure entered before its totals is kept and the totals follow it (never the reverse).
// 表2: each touched row's 总计 (I3), （七）总计 of each touched column (I2), 四、结转下年度 of each
// touched column (I1: 一 + 二 − （七）), and those rows' 总计; 表3: each touched group's 总计 (I4).
// A cell the writer typed is never changed; a total that would come out negative is left alone.
import type { Cell, ReportModel, TableRow } from '../model';
import { message } from '../i18n/catalog';
import { cellOf, numberOf, outcomeLeafRows, rowsById, table2Applicants, table2FormatOf } from '../query';
import type { Edit, Fix } from '../rules/types';
import { RESULT_PARTS, relationsOf, residual } from './relations';
import { spec } from '../format/data';
import type { Range } from '../text';

const overlaps = (c: Cell, ranges: readonly Range[]) => ranges.some((r) => c.range.start <= r.end && c.range.end >= r.start);

/** One total to write: the cell, its new value, and where it is in the grid (to find it in another version). */
export interface FollowedTotal {
  cell: Cell;
  value: number;
  table: 'table2' | 'table3';
  rowId: string;
  columnId: string;
}

/** The totals that follow the typed cells (`typed`: the ranges the writer edited), in document order. */
export function totalsFollowing(model: ReportModel, typed: readonly Range[]): FollowedTotal[] {
  if (typed.length === 0) return [];
  const out = new Map<Cell, FollowedTotal>();
  const t2 = model.tables.table2;
  if (t2) followTable2(model, rowsById(t2), typed, out);
  const t3 = model.tables.table3?.rows[0];
  if (t3) {
    for (const group of spec.table3.groups) {
      const parts = RESULT_PARTS.map((p) => cellOf(t3, `${group.id}.${p}`));
      if (!parts.some((c) => c && overlaps(c, typed))) continue;
      propose(out, typed, cellOf(t3, `${group.id}.total`), sum(parts.map(numberOf)), 'table3', t3.rowId, `${group.id}.total`);
    }
  }
  return [...out.values()].sort((a, b) => a.cell.range.start - b.cell.range.start);
}

function followTable2(model: ReportModel, rows: ReadonlyMap<string, TableRow>, typed: readonly Range[], out: Map<Cell, FollowedTotal>): void {
  // The values as they will be once the totals follow (a proposed total feeds the next one).
  const value = (rowId: string, columnId: string) => {
    const cell = cellOf(rows.get(rowId), columnId);
    if (!cell) return undefined;
    const proposed = out.get(cell);
    return proposed ? proposed.value : numberOf(cell);
  };
  const leaves = outcomeLeafRows(table2FormatOf(model)).map((r) => r.id).filter((id) => rows.has(id));
  const touchedRows = new Set<string>();
  const touchedColumns = new Set<string>();
  for (const row of rows.values()) {
    for (const cell of row.cells) {
      if (cell.columnId === 'total' || !overlaps(cell, typed) || numberOf(cell) === undefined) continue;
      touchedRows.add(row.rowId);
      touchedColumns.add(cell.columnId);
    }
  }
  if (touchedRows.size === 0) return;
  const rowTotal = (rowId: string) => propose(out, typed, cellOf(rows.get(rowId), 'total'), sum(table2Applicants.map((c) => value(rowId, c.id))), 'table2', rowId, 'total');
  for (const rowId of touchedRows) if (rowId !== 'total' && rowId !== 'carryOver') rowTotal(rowId);
  const outcomes = [...touchedRows].some((id) => leaves.includes(id));
  for (const columnId of touchedColumns) {
    if (outcomes) propose(out, typed, cellOf(rows.get('total'), columnId), sum(leaves.map((id) => value(id, columnId))), 'table2', 'total', columnId);
    const a = value('new', columnId);
    const b = value('carried', columnId);
    const handled = value('total', columnId);
    if (a !== undefined && b !== undefined && handled !== undefined) propose(out, typed, cellOf(rows.get('carryOver'), columnId), a + b - handled, 'table2', 'carryOver', columnId);
  }
  if (outcomes) rowTotal('total');
  rowTotal('carryOver');
}

function sum(values: ReadonlyArray<number | undefined>): number | undefined {
  let s = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

function propose(out: Map<Cell, FollowedTotal>, typed: readonly Range[], cell: Cell | undefined, value: number | undefined, table: 'table2' | 'table3', rowId: string, columnId: string): void {
  if (!cell || value === undefined || value < 0 || overlaps(cell, typed)) return;
  if (cell.value.kind !== 'number' && cell.value.kind !== 'blank') return;
  if (numberOf(cell) === value && cell.value.kind === 'number') {
    out.delete(cell);
    return;
  }
  out.set(cell, { cell, value, table, rowId, columnId });
}

/** The quick fix: every following total at once. */
export function followFix(totals: readonly FollowedTotal[]): Fix | undefined {
  const edits: Edit[] = totals.map((t) => ({ range: t.cell.range, newText: String(t.value) }));
  const [first, ...rest] = edits;
  if (!first) return undefined;
  return { title: message('msg.fix.followTotals', { count: edits.length }), edit: first, ...(rest.length ? { extraEdits: rest } : {}), safe: false };
}

/**
 * Whether fix-all may write these totals: each was, in the version before the writer's edits,
 * blank, or computed: every relation it takes part in held there (a figure of its own does not).
 */
export function followedWereComputed(totals: readonly FollowedTotal[], before: ReportModel): boolean {
  if (totals.length === 0) return false;
  const relations = relationsOf(before);
  return totals.every((t) => {
    const row = t.table === 'table2' ? rowsById(before.tables.table2).get(t.rowId) : before.tables.table3?.rows[0];
    const cell = cellOf(row, t.columnId);
    if (!cell) return false;
    if (cell.value.kind === 'blank') return true;
    const its = relations.filter((r) => r.terms.some((term) => term.cell === cell));
    return its.length > 0 && its.every((r) => residual(r) === 0);
  });
}
