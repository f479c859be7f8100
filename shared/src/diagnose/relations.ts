// The identities I1–I4 (docs/format.md §6) as linear relations over the cells of one model: each
// relation is Σ coef·value = 0. The arithmetic rules report the relations that fail; the locator
// (locate.ts) reads them together to name the cell that breaks them. Both see the same relations.
import type { Cell, ReportModel, TableId } from '../model';
import { message } from '../i18n/catalog';
import { spec } from '../format/data';
import type { FormatVersion, Localized } from '../format/schema';
import { cellOf, columnLabel, formatOf, table2FormatOf, numberOf, outcomeLeafRows, rowLabel, rowsById, table2Applicants } from '../query';

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
  readonly name: Localized;
}

/** The relation named from one of its own cells: "行合计", "列合计". */
export function shortName(relation: Relation): Localized {
  return message(`relation.short.${relation.identity}`);
}

export const RESULT_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/** A relation as the format defines it, before it meets a document's cells. */
interface Template {
  key: string;
  identity: IdentityId;
  table: TableId;
  terms: Array<{ rowId: string; columnId: string; columnIndex: number; coef: 1 | -1 }>;
  /** The term the relation is written against. */
  anchor: number;
  name: (format: FormatVersion) => Localized;
}

class Instance implements Relation {
  private written: Localized | undefined;
  constructor(
    private readonly template: Template,
    private readonly format: FormatVersion,
    readonly terms: Term[],
  ) {}
  get key() { return this.template.key; }
  get identity() { return this.template.identity; }
  get table() { return this.template.table; }
  get anchor(): Cell { return (this.terms[this.template.anchor] as Term).cell; }
  // Names are written only when a message or hover needs one: checking runs on every keystroke.
  get name(): Localized { return (this.written ??= this.template.name(this.format)); }
}

const templateCache = new Map<FormatVersion, Template[]>();

/** The relations of a format, built once: I3 for every 表2 row, I2 and I1 for every column, I4 for every 表3 group. */
function templatesFor(format: FormatVersion): Template[] {
  const cached = templateCache.get(format);
  if (cached) return cached;
  const out: Template[] = [];
  const seen = new Set<string>();
  for (const row of spec.table2.rows) {
    if (row.group || seen.has(row.id)) continue;
    seen.add(row.id);
    out.push({
      key: `I3:${row.id}`, identity: 'I3', table: 'table2', anchor: 0,
      terms: [{ rowId: row.id, columnId: 'total', columnIndex: -1, coef: 1 }, ...table2Applicants.map((c) => ({ rowId: row.id, columnId: c.id, columnIndex: -1, coef: -1 as const }))],
      name: (f) => { const r = rowLabel(row.id, f); return message('relation.rowTotal', { row: r.zh, rowEn: r.en }); },
    });
  }
  const leaves = outcomeLeafRows(format).map((r) => r.id);
  for (const column of spec.table2.columns) {
    const name = (id: 'relation.outcomeTotal' | 'relation.balance') => (f: FormatVersion) => { const c = columnLabel('table2', column.id, f); return message(id, { column: c.zh, columnEn: c.en }); };
    out.push({
      key: `I2:${column.id}`, identity: 'I2', table: 'table2', anchor: 0, name: name('relation.outcomeTotal'),
      terms: [{ rowId: 'total', columnId: column.id, columnIndex: -1, coef: 1 }, ...leaves.map((id) => ({ rowId: id, columnId: column.id, columnIndex: -1, coef: -1 as const }))],
    });
    out.push({
      key: `I1:${column.id}`, identity: 'I1', table: 'table2', anchor: 3, name: name('relation.balance'),
      terms: ([['new', 1], ['carried', 1], ['total', -1], ['carryOver', -1]] as const).map(([rowId, coef]) => ({ rowId, columnId: column.id, columnIndex: -1, coef })),
    });
  }
  for (const group of spec.table3.groups) {
    out.push({
      key: `I4:${group.id}`, identity: 'I4', table: 'table3', anchor: 0,
      terms: [{ rowId: spec.table3.rowId, columnId: `${group.id}.total`, columnIndex: -1, coef: 1 }, ...RESULT_PARTS.map((p) => ({ rowId: spec.table3.rowId, columnId: `${group.id}.${p}`, columnIndex: -1, coef: -1 as const }))],
      name: () => message('relation.reviewTotal', { group: group.label, groupEn: group.en }),
    });
  }
  const table2Columns = spec.table2.columns.map((c) => c.id);
  const table3Columns = spec.table3.columns.map((c) => c.id);
  for (const t of out) for (const term of t.terms) term.columnIndex = (t.table === 'table3' ? table3Columns : table2Columns).indexOf(term.columnId);
  templateCache.set(format, out);
  return out;
}

const cache = new WeakMap<ReportModel, Relation[]>();

/** Finds the cells of a model for the templates' terms. */
function cellFinder(model: ReportModel): (template: Template, term: Template['terms'][number]) => Cell | undefined {
  const rows = rowsById(model.tables.table2);
  const table3Row = model.tables.table3?.rows[0];
  return (template, t) => {
    const row = template.table === 'table3' ? table3Row : rows.get(t.rowId);
    // Cells are mapped to columns in order: try the column's position before searching.
    const at = row?.cells[t.columnIndex];
    return at?.columnId === t.columnId ? at : cellOf(row, t.columnId);
  };
}

/** Every relation of the model whose cells all exist (values may still be blank or invalid). */
export function relationsOf(model: ReportModel): Relation[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const format = formatOf(model);
  const find = cellFinder(model);
  const out: Relation[] = [];
  for (const template of templatesFor(table2FormatOf(model))) {
    const terms: Term[] = [];
    for (const t of template.terms) {
      const cell = find(template, t);
      if (!cell) break;
      terms.push({ cell, coef: t.coef, rowId: t.rowId });
    }
    if (terms.length === template.terms.length) out.push(new Instance(template, format, terms));
  }
  cache.set(model, out);
  return out;
}

const failingCache = new WeakMap<ReportModel, Set<string>>();

/**
 * Keys of the relations that can be checked and fail: what fix-all must never make worse, and
 * what tells the locator whether it has anything to do. Computed straight from the cells, without
 * building the relations: on a keystroke the tables usually add up.
 */
export function failingRelations(model: ReportModel): Set<string> {
  const cached = failingCache.get(model);
  if (cached) return cached;
  const out = new Set<string>();
  const find = cellFinder(model);
  for (const template of templatesFor(table2FormatOf(model))) {
    let sum = 0;
    let complete = true;
    for (const t of template.terms) {
      const v = numberOf(find(template, t));
      if (v === undefined) { complete = false; break; }
      sum += t.coef * v;
    }
    if (complete && sum !== 0) out.add(template.key);
  }
  failingCache.set(model, out);
  return out;
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

/** "“（一）予以公开”·“自然人”" — how a message names a cell of 表2 or 表3. */
export function cellName(model: ReportModel, table: TableId, rowId: string, cell: Cell): Localized {
  const format = formatOf(model);
  const col = columnLabel(table, cell.columnId, format);
  if (table === 'table3') {
    const group = spec.table3.groups.find((g) => cell.columnId.startsWith(`${g.id}.`));
    const sub = spec.table3.columns.find((c) => c.id === cell.columnId);
    // The column's English name is "group: part"; the message names the group already.
    const partEn = (sub?.en ?? col.en).split(': ').pop() ?? col.en;
    // (col.en already quotes the Chinese label; the part's own translation is used here.)
    return message('cell.table3', { group: group?.label ?? '', groupEn: group?.en ?? '', column: sub?.label ?? col.zh, columnEn: `${sub?.label ?? col.zh} (${partEn})` });
  }
  const row = rowLabel(rowId, format);
  // English names quote the report's own Chinese label beside the translation.
  return message('cell.table', { row: row.zh, rowEn: row.en, column: col.zh, columnEn: col.en });
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
