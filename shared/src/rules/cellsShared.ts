// Helpers shared by several rules (one rule per file; see index.ts).
import type { Cell, Table, TableRow } from '../model';
import { columnLabel, rowLabel } from '../query';

/** Cells whose blank is reported by a total rule (with its fix) instead. */

export function isTotalCell(table: Table, row: TableRow, cell: Cell): boolean {
  if (table.id === 'table2') return cell.columnId === 'total' || row.rowId === 'total';
  if (table.id === 'table3') return cell.columnId.endsWith('.total');
  return false;
}

export const names = (tableId: string, row: TableRow, cell: Cell, format: '2019' | '2021') => {
  const r = rowLabel(row.rowId, format);
  const c = columnLabel(tableId, cell.columnId, format);
  return { row: r.zh, rowEn: r.en, column: c.zh, columnEn: c.en };
};

export function* dataRows(tables: Array<Table | undefined>): Generator<{ table: Table; row: TableRow }> {
  for (const table of tables) if (table) for (const row of table.rows) if (row.cells.length > 0) yield { table, row };
}
