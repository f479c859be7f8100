// A row's label with its figures run into it, as crawlers and web copies write a table row
// ("一、本年新收政府信息公开申请数量713000074"): the reader cuts the label from the digits and
// writes them as two cells, the digits one glued value cell that the identities split later
// (parse/columns.ts). Only where the words before the digits name a row of 表1 or 表2: a
// sentence that ends in a figure ("…结转下年度继续办理103") stays text.
import { isSentence, matchTable1Row, matchTable2Row } from '../format/labels';
import { norm, stripNumbering } from '../text';
import type { GridCell, GridRow } from '../grid/grid';

const MAX_LABEL_CELL = 200;
const LABEL_AND_DIGITS = /^(.*?[^\d\s])\s*(\d{2,})$/;

/** Splits, in place, every text cell that is a row's label with its digits glued to it. */
export function splitGluedLabels(rows: readonly GridRow[]): void {
  for (const row of rows) {
    for (let c = 0; c < row.cells.length; c++) {
      const parts = gluedParts(row.cells[c] as GridCell);
      if (parts) row.cells.splice(c, 1, ...parts);
    }
  }
}

function gluedParts(t: GridCell): [GridCell, GridCell] | undefined {
  const text = t.text;
  const last = text.charCodeAt(text.length - 1);
  if (t.kind !== 'text' || text.length > MAX_LABEL_CELL || last < 48 || last > 57) return undefined;
  const m = LABEL_AND_DIGITS.exec(text);
  if (!m) return undefined;
  const label = m[1] as string;
  const digits = m[2] as string;
  // A numbered label is a row even with a comma in it ("（二）部分公开区分处理的，只计这一情形…",
  // "1.申请人无正当理由逾期不补正，行政机关不再处理…", as crawlers and writers spell them).
  if (isSentence(label) && stripNumbering(norm(label)).numbering.length === 0) return undefined;
  if (!matchTable1Row(label) && !matchTable2Row(label, { inBody: true })) return undefined;
  const digitsStart = t.start + text.lastIndexOf(digits);
  return [
    { ...t, text: label, end: t.start + label.length, layout: 'flattened', shape: 'glued' },
    { ...t, text: digits, start: digitsStart, layout: 'flattened', shape: 'glued', kind: 'value', sep: ' ', inferred: true },
  ];
}
