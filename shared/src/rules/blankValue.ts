// Rule `blank-value`: see docs/rules/blank-value.md.
import { message } from '../i18n/catalog';
import type { Cell, ReportModel, Table, TableRow } from '../model';
import { allCells, columnLabel, figuresApart, formatOf, tableNames, tablesScrambled } from '../query';
import type { Localized } from '../format/schema';
import type { Fix, Rule, RuleFinding } from './types';
import { isTotalCell, names } from './cellsShared';

/** Up to this many blank cells in a table are named one by one. */
const MAX_NAMED = 3;
/** A table with more blanks is said once: its first rows by name, and this many more as related places. */
const MAX_ROWS_NAMED = 3;
const MAX_RELATED = 5;

export const blankValue: Rule = {
  id: 'blank-value',
  severity: 'warning',
  evidence: 'absence',
  title: 'blank-value.title',
  description: 'blank-value.description',
  check(model) {
    const out: RuleFinding[] = [];
    const format = formatOf(model);
    const asZero = new Map<Table, Cell[]>();
    // A table not filled in yet (every cell empty, as in a new report): said once, not per cell.
    // A table whose figures stand apart from its labels (short-row says so) is neither: its cells
    // were not read, which says nothing of whether they are blank.
    const scrambled = tablesScrambled(model);
    const apart = new Set(tablesOf(model).filter((t) => figuresApart(t)));
    const unfilled = new Set(tablesOf(model).filter((t) => !apart.has(t) && isUnfilled(t)));
    for (const t of unfilled) {
      const cells = cellsOf(t).length;
      // Its quick fix writes 0 into every blank cell of the table, totals too (all 0 satisfies every
      // relation). Never safe, so never applied by fix-all or on save: a blank is not a typing slip
      // the document itself corrects; whether nothing happened is for the writer to say, and filling
      // the template on save would silence this very finding with figures nobody wrote.
      const blank = cellsOf(t).filter((c) => c.value.kind === 'blank');
      const fix = fillZero(blank, message('msg.fix.fillZeroTable', { ...tableNames(t.id), count: blank.length }));
      out.push({ message: message('msg.blank.unfilled', { ...tableNames(t.id), count: cells }), range: firstLine(model.text, t.range.start), related: [], ...(fix ? { fix } : {}) });
    }
    const blanks = new Map<Table, Array<{ row: TableRow; cell: Cell }>>();
    for (const { table, row, cell } of allCells(model)) {
      if (row.flattened || unfilled.has(table) || apart.has(table)) continue;
      // Text that lost the tables' order: a cell the reader found nothing for was not read, which
      // says nothing of whether it is blank (short-row says so).
      if (scrambled && cell.value.kind === 'missing') continue;
      if (cell.value.kind === 'blank' && cell.value.asZero) {
        const list = asZero.get(table);
        if (list) list.push(cell);
        else asZero.set(table, [cell]);
        continue;
      }
      if (cell.value.kind !== 'blank' && cell.value.kind !== 'missing') continue;
      if (isTotalCell(table, row, cell)) continue;
      const list = blanks.get(table);
      if (list) list.push({ row, cell });
      else blanks.set(table, [{ row, cell }]);
    }
    for (const [table, list] of blanks) {
      // A blank here and there is named where it is; a table being filled in (many blanks) is
      // said once, with a quick fix that writes 0 into them (never applied by fix-all).
      if (list.length <= MAX_NAMED) {
        for (const { row, cell } of list) out.push({ message: message('msg.blank', names(table.id, row, cell, format)), range: cell.value.kind === 'missing' ? row.labelRange : cell.range, related: [] });
        continue;
      }
      const rows = [...new Set(list.map((b) => b.row))];
      const firstOf = (r: TableRow) => list.find((b) => b.row === r) as { row: TableRow; cell: Cell };
      const rowNames = rows.slice(0, MAX_ROWS_NAMED).map((r) => names(table.id, r, firstOf(r).cell, format));
      const where = (b: { row: TableRow; cell: Cell }) => (b.cell.value.kind === 'missing' ? b.row.labelRange : b.cell.range);
      const first = list[0] as { row: TableRow; cell: Cell };
      // The totals' blanks are not counted here (their own rules fill them from their parts): the
      // message says so, and the count is that of the cells the quick fix fills.
      const fillable = list.filter((b) => b.cell.value.kind === 'blank').map((b) => b.cell);
      const inRow = fillable.filter((c) => first.row.cells.includes(c));
      const tableFix = fillZero(fillable, message('msg.fix.fillZeroTable', { ...tableNames(table.id), count: fillable.length }));
      const rowFix = fillZero(inRow, message('msg.fix.fillZeroRow', { row: rowNames[0]?.row ?? '', rowEn: rowNames[0]?.rowEn ?? '', count: inRow.length }));
      const rowList = { zh: rowNames.map((r) => `“${r.row}”`).join('、'), en: rowNames.map((r) => `"${r.rowEn}"`).join(', ') };
      const inRows = message(rows.length > MAX_ROWS_NAMED ? 'msg.blank.rows.some' : 'msg.blank.rows.all', { rows: rowList.zh, rowsEn: rowList.en, count: rows.length });
      const notCounted = table.id === 'table2' ? message('msg.blank.notCounted.table2') : table.id === 'table3' ? message('msg.blank.notCounted.table3') : { zh: '', en: '' };
      out.push({
        message: message('msg.blank.many', { ...tableNames(table.id), count: list.length, rows: inRows.zh, rowsEn: inRows.en, notCounted: notCounted.zh, notCountedEn: notCounted.en }),
        range: where(first),
        // A few places to go to, one a row (the message names the rest by their count).
        related: rows.slice(1, 1 + MAX_RELATED).map((r) => firstOf(r)).map((b) => ({ range: where(b), message: message('msg.blank', names(table.id, b.row, b.cell, format)) })),
        ...(tableFix ? { fix: tableFix } : {}),
        ...(rowFix && tableFix && inRow.length < fillable.length ? { alternatives: [rowFix] } : {}),
      });
    }
    // A table that leaves its zeros blank: said once, not once per cell.
    for (const [table, cells] of asZero) {
      const columns = [...new Set(cells.map((c) => columnLabel(table.id, c.columnId, format).zh))];
      out.push({
        message: message('msg.blank.asZero', { ...tableNames(table.id), count: cells.length, columns: columns.slice(0, 5).join('、') + (columns.length > 5 ? '等' : '') }),
        range: (cells[0] as Cell).range.start === (cells[0] as Cell).range.end ? table.headers[0]?.range ?? (cells[0] as Cell).range : (cells[0] as Cell).range,
        related: [],
      });
    }
    return out;
  },
};

/** One quick fix writing 0 into each of these blank cells (never safe: see above). */
function fillZero(cells: readonly Cell[], title: Localized): Fix | undefined {
  const starts = [...new Set(cells.filter((c) => c.value.kind === 'blank').map((c) => c.range.start))].sort((a, b) => a - b);
  const edits = starts.map((start) => ({ range: { start, end: start }, newText: '0' }));
  const [edit, ...extraEdits] = edits;
  return edit ? { title, edit, safe: false, ...(extraEdits.length ? { extraEdits } : {}) } : undefined;
}

function tablesOf(model: ReportModel): Table[] {
  return Object.values(model.tables).filter((t): t is Table => t !== undefined);
}

const cellLists = new WeakMap<Table, Cell[]>();
function cellsOf(t: Table): Cell[] {
  // 表1's rows are listed both in the table and under their items.
  let cells = cellLists.get(t);
  if (!cells) {
    cells = [];
    for (const r of t.rows) for (const c of r.cells) cells.push(c);
    cellLists.set(t, cells);
  }
  return cells;
}

function isUnfilled(t: Table): boolean {
  const cells = cellsOf(t);
  return cells.length > 1 && cells.every((c) => c.value.kind === 'blank' || c.value.kind === 'missing');
}

function firstLine(text: string, offset: number) {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', start);
  return { start, end: (nl < 0 ? text.length : nl) - (text[nl - 1] === '\r' ? 1 : 0) };
}
