// Helpers shared by several rules (one rule per file; see index.ts).
import type { Table } from '../model';
import { table2RowsFor } from '../format/data';

/** Where a missing 表2 row should be: the label of the row after it, or the table's end. */

export function anchorBefore(table: Table, rowId: string, format: '2019' | '2021') {
  const order = table2RowsFor(format).map((r) => r.id);
  const idx = order.indexOf(rowId);
  for (const later of order.slice(idx + 1)) {
    const row = table.rows.find((r) => r.rowId === later);
    if (row) return row.labelRange;
  }
  return { start: table.range.end, end: table.range.end };
}
