// Read helpers over the model (cells, rows, labels, the table layouts a report uses), shared by the
// rules, the locator, the narrative reader, hovers and the outline: beside the model, not inside rules/.
import type { Cell, ReportModel, Table, TableId, TableRow } from './model';
import type { Range } from './text';
import { message, type MessageId } from './i18n/catalog';
import { spec, table1ItemsFor, table2RowsFor } from './format/data';
import type { Fix } from './rules/types';
import type { ColumnSpec, FormatVersion, Localized, RowSpec } from './format/schema';

export function formatOf(model: ReportModel): FormatVersion {
  return model.formatVersion ?? '2021';
}

/** First occurrence of each row id (later duplicates are reported, not used). */
export function rowsById(table: Table | undefined): ReadonlyMap<string, TableRow> {
  if (!table) return EMPTY;
  // Asked by many rules of one model: built once per table (a model is not changed once parsed).
  let map = byId.get(table);
  if (!map) {
    map = new Map<string, TableRow>();
    for (const r of table.rows) if (!map.has(r.rowId)) map.set(r.rowId, r);
    byId.set(table, map);
  }
  return map;
}
const EMPTY: ReadonlyMap<string, TableRow> = new Map();
const byId = new WeakMap<Table, Map<string, TableRow>>();

/** "表2" / "Table 2": how a message names a table (its `table` and `tableEn` parameters). */
export function tableNames(id: TableId): { table: string; tableEn: string } {
  const n = id.slice(-1);
  return { table: `表${n}`, tableEn: `Table ${n}` };
}

/** The tables' ranges in document order (the narrative is the text between them). */
export function tableRanges(model: ReportModel): Range[] {
  return Object.values(model.tables).flatMap((t) => (t ? [t.range] : [])).sort((a, b) => a.start - b.start);
}

export function cellOf(row: TableRow | undefined, columnId: string): Cell | undefined {
  return row?.cells.find((c) => c.columnId === columnId);
}

export function numberOf(cell: Cell | undefined): number | undefined {
  if (!cell || cell.guessed) return undefined;
  if (cell.value.kind === 'number') return cell.value.value;
  // A table that leaves its zeros blank is checked with them as 0 (blank-value says so once).
  return cell.value.kind === 'blank' && cell.value.asZero ? 0 : undefined;
}

/** Nothing was written in these cells (blank, or a blank read as 0): a blank total over them
 *  is "nothing happened", not a sum to fill in. */
export function nothingWritten(cells: ReadonlyArray<Cell | undefined>): boolean {
  return cells.every((c) => c !== undefined && c.value.kind === 'blank');
}

/** A cell a total can be written into: blank, missing, or a placeholder. */
export function isFillable(cell: Cell | undefined): cell is Cell {
  return !!cell && (cell.value.kind === 'blank' || cell.value.kind === 'missing' || cell.value.kind === 'placeholder');
}

/**
 * The layout of 表2's rows: a report in the 2021 format whose （六）其他处理 is one row with values and
 * no sub-rows kept the 2019 layout of 表2 (a hybrid seen in real reports): it is read and checked
 * with the rows it has (mixed-format says so once).
 */
export function table2FormatOf(model: ReportModel): FormatVersion {
  const format = formatOf(model);
  const rows = model.tables.table2?.rows ?? [];
  if (format === '2021' && rows.some((r) => r.rowId === 'other' && r.cells.length > 0) && !rows.some((r) => r.rowId.startsWith('other.'))) return '2019';
  return format;
}

/**
 * Whether a table's rows carry a value for every column (most of them: a stray short row is its
 * own finding). Then the columns are there whatever the header says, and they are read in the
 * format's order: a header that cannot be read is no missing column.
 */
export function rowsComplete(rows: readonly TableRow[], columnCount: number): boolean {
  const data = rows.filter((r) => r.cells.length > 0);
  if (data.length === 0) return false;
  return data.filter((r) => r.valueCount >= columnCount).length >= Math.max(1, Math.ceil(data.length * 0.8));
}

/** The 表2 rows summed by （七）总计 in the given format (docs/format.md §6, I2). */
export function outcomeLeafRows(format: FormatVersion): RowSpec[] {
  const rows = table2RowsFor(format);
  const groupIds = new Set(rows.filter((r) => r.group).map((r) => r.id));
  return rows.filter((r) => !r.group && r.parent !== undefined && (r.parent === 'results' || groupIds.has(r.parent)) && r.id !== 'total');
}

export const table2Applicants: ColumnSpec[] = spec.table2.columns.filter((c) => c.id !== 'total');

export function table2Row(id: string, format: FormatVersion): RowSpec | undefined {
  return table2RowsFor(format).find((r) => r.id === id) ?? spec.table2.rows.find((r) => r.id === id);
}

/** A row's name for messages. The English one quotes the report's own Chinese label beside the
 *  translation ("（一）予以公开 ((1) Disclosed)"): the English words appear nowhere in the report. */
export function rowLabel(rowId: string, format: FormatVersion): Localized {
  const r = table2Row(rowId, format);
  if (r) return bilingual(r.label, r.en);
  for (const item of [...table1ItemsFor(format), ...table1ItemsFor(format === '2021' ? '2019' : '2021')]) {
    const x = item.rows.find((y) => y.id === rowId);
    if (x) return bilingual(x.label, x.en);
  }
  if (rowId === spec.table3.rowId) return { zh: '表3 数据行', en: 'table 3 data row' };
  return { zh: rowId, en: rowId };
}

const bilingual = (zh: string, en: string): Localized => ({ zh, en: `${zh} (${en})` });

export function columnSpec(tableId: string, columnId: string, format: FormatVersion): ColumnSpec | undefined {
  if (tableId === 'table2') return spec.table2.columns.find((c) => c.id === columnId);
  if (tableId === 'table3') return spec.table3.columns.find((c) => c.id === columnId);
  for (const item of [...table1ItemsFor(format), ...table1ItemsFor(format === '2021' ? '2019' : '2021')]) {
    const c = item.columns.find((x) => x.id === columnId);
    if (c) return c;
  }
  return undefined;
}

export function columnLabel(tableId: string, columnId: string, format: FormatVersion): Localized {
  const c = columnSpec(tableId, columnId, format);
  return c ? bilingual(c.label, c.en) : { zh: columnId, en: columnId };
}

const cellLists = new WeakMap<ReportModel, Array<{ table: Table; row: TableRow; cell: Cell }>>();

/** Every (table, row, cell) of the model (first occurrence of each row), computed once per model. */
export function allCells(model: ReportModel): ReadonlyArray<{ table: Table; row: TableRow; cell: Cell }> {
  const cached = cellLists.get(model);
  if (cached) return cached;
  const out: Array<{ table: Table; row: TableRow; cell: Cell }> = [];
  for (const table of Object.values(model.tables)) {
    if (!table) continue;
    const seen = new Set<string>();
    for (const row of table.rows) {
      if (seen.has(row.rowId)) continue;
      seen.add(row.rowId);
      for (const cell of row.cells) out.push({ table, row, cell });
    }
  }
  cellLists.set(model, out);
  return out;
}

/** "3 + 0 + 0 + 1 + 0 + 0" */
export function formula(values: readonly number[]): string {
  return values.join(' + ');
}

/**
 * The fix of a total that disagrees with its parts. A blank total is determined by its parts and
 * fixed safely; a written total that disagrees may be right while a part is wrong, so rewriting it
 * is only offered (the locator, wrong-cell, decides when the total itself is the unique cause).
 */
export function totalFix(total: Cell, expected: number, actual: number | undefined): Fix | undefined {
  const fix = setCellFix(total, expected);
  return fix && actual !== undefined ? { ...fix, safe: false } : fix;
}

/** The fix that writes `value` into a cell (after the row's separator when the cell is missing). */
export function setCellFix(cell: Cell, value: number, title: MessageId = 'msg.fix.setTotal'): Fix | undefined {
  if (cell.value.kind === 'missing' && cell.insertPrefix === undefined) return undefined;
  const prefix = cell.value.kind === 'missing' ? cell.insertPrefix ?? '' : '';
  return { title: message(title, { value }), edit: { range: cell.range, newText: prefix + String(value) }, safe: true };
}

/**
 * The table's figures stand apart from its labels (see `Table.stray`): nothing of that table is
 * read reliably, so no rule says which of its rows, columns or cells are missing or blank.
 */
export function figuresApart(table: Table): boolean {
  return table.stray?.apart === true;
}

const scrambledCache = new WeakMap<ReportModel, boolean>();
/**
 * The text lost the tables' order (a PDF's text taken column by column): most of 表2's rows with
 * figures have fewer than its columns, in counts that differ from row to row or beside as many rows
 * with no figure at all (a column left out by the writer leaves every row one short alike), or a
 * table's figures stand apart from its labels. Then no table's structure can be told: which rows or columns are missing is not said, only that
 * the rows could not be read.
 */
export function tablesScrambled(model: ReportModel): boolean {
  let known = scrambledCache.get(model);
  if (known !== undefined) return known;
  let withFigures = 0;
  let without = 0;
  const shortCounts = new Set<number>();
  let short = 0;
  for (const r of model.tables.table2?.rows ?? []) {
    if (r.flattened || r.cells.length === 0) continue;
    if (r.valueCount === 0) {
      without++;
      continue;
    }
    withFigures++;
    if (r.padded > 0) {
      short++;
      shortCounts.add(r.valueCount);
    }
  }
  // (Rows left without any figure beside rows short of some are the same sign.)
  // A table whose figures all stand apart from its labels is the same sign, for the whole text:
  // text taken column by column loses every table's order, not one's.
  known = (withFigures >= 4 && short * 2 > withFigures && (shortCounts.size >= 2 || without >= withFigures)) ||
    Object.values(model.tables).some((t) => t !== undefined && figuresApart(t));
  scrambledCache.set(model, known);
  return known;
}
