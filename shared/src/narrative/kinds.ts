// What a quoted figure counts, as data: the words that introduce it, and the table cells (or sums)
// it is compared with. The first reading is what the words mean; `accepted` readings are other
// counts the same words legitimately mean (收到/受理 may include last year's carried-over
// applications); the other readings are named when the figure matches one of them instead.
import { message, type MessageId } from '../i18n/catalog';
import type { ReportModel, TableRow } from '../model';
import { cellOf, columnLabel, numberOf, rowLabel, rowsById, table2FormatOf } from '../query';
import { spec, table2RowsFor } from '../format/data';
import type { Localized } from '../format/schema';

export interface Reading {
  value: number;
  /** "表2“一、本年新收”总计", "新收 74 + 上年结转 1". */
  label: Localized;
}

export interface FigureKind {
  id: string;
  /** Regular expression source of the words before the number. */
  words: string;
  /** What the figure is compared with (for messages). */
  what: MessageId;
  /** How many leading readings the words may mean (default 1). */
  accepted?: number;
  readings(model: ReportModel): Reading[] | undefined;
  notAfter?: RegExp;
}

/** Table 2 rows whose totals a kind sums: the row itself where it has cells, else its sub-rows. */
function rowIds(model: ReportModel, id: string): string[] {
  const rows = rowsById(model.tables.table2);
  const own = rows.get(id);
  if (own && own.cells.length > 0) return [id];
  return table2RowsFor(table2FormatOf(model)).filter((r) => r.parent === id && !r.group).map((r) => r.id);
}

function sum(model: ReportModel, ids: readonly string[], column: string): number | undefined {
  const rows = rowsById(model.tables.table2);
  let total = 0;
  for (const id of ids) {
    const row = rows.get(id);
    // A total left blank is the sum of its applicant columns (what row-total says it should be).
    const v = numberOf(cellOf(row, column)) ?? (column === 'total' ? partsOf(row) : undefined);
    if (v === undefined) return undefined;
    total += v;
  }
  return ids.length ? total : undefined;
}

/** The sum of a 表2 row's applicant columns, when the total is blank and every part was read. */
function partsOf(row: TableRow | undefined): number | undefined {
  const total = cellOf(row, 'total');
  if (!row || !total || total.value.kind !== 'blank') return undefined;
  let s = 0;
  for (const c of spec.table2.columns) {
    if (c.id === 'total') continue;
    const v = numberOf(cellOf(row, c.id));
    if (v === undefined) return undefined;
    s += v;
  }
  return s;
}

/** The total of the rows, then each applicant column of them ("one column instead of the total"). */
function table2Readings(model: ReportModel, row: string, what: MessageId): Reading[] | undefined {
  const ids = rowIds(model, row);
  const total = sum(model, ids, 'total');
  if (total === undefined) return undefined;
  const out: Reading[] = [{ value: total, label: message(what) }];
  for (const c of spec.table2.columns) {
    if (c.id === 'total') continue;
    const v = sum(model, ids, c.id);
    if (v === undefined) continue;
    const col = columnLabel('table2', c.id, model.formatVersion ?? '2021');
    out.push({ value: v, label: message('narrative.reading.column', { what: message(what).zh, whatEn: message(what).en, column: col.zh, columnEn: col.en }) });
  }
  // One sub-row instead of the group ("无法提供265件" where 265 is 1.本机关不掌握 alone).
  if (ids.length > 1) {
    for (const id of ids) {
      const v = sum(model, [id], 'total');
      const label = rowLabel(id, table2FormatOf(model));
      if (v !== undefined) out.push({ value: v, label: message('narrative.reading.subRow', { row: label.zh, rowEn: label.en }) });
    }
  }
  return out;
}

function table3(model: ReportModel, groups: readonly string[]): number | undefined {
  const row = model.tables.table3?.rows[0];
  let total = 0;
  for (const g of groups) {
    const v = numberOf(cellOf(row, `${g}.total`));
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

const kind = (id: string, words: string, row: string, what: MessageId, extra: Partial<FigureKind> = {}): FigureKind => ({
  id, words, what, readings: (m) => table2Readings(m, row, what), ...extra,
});

/** A count of 表1 (documents issued or in force, decisions): one cell. */
function table1(id: string, words: string, row: string, column: string, what: MessageId): FigureKind {
  return {
    id, words, what,
    readings: (m) => {
      const r = m.tables.table1?.rows.find((x) => x.rowId === row);
      const v = numberOf(cellOf(r, column));
      return v === undefined ? undefined : [{ value: v, label: message(what) }];
    },
  };
}

export const FIGURE_KINDS: FigureKind[] = [
  // 收到/受理 count what reached the agency: this year's new applications, or with last year's carried over.
  {
    id: 'received', words: '(?:受理|收到|接收|接到)(?:了)?', what: 'narrative.what.new', accepted: 2,
    readings: (m) => {
      const n = sum(m, ['new'], 'total');
      const c = sum(m, ['carried'], 'total');
      if (n === undefined) return undefined;
      return [{ value: n, label: message('narrative.what.new') }, ...(c !== undefined ? [{ value: n + c, label: message('narrative.reading.newAndCarried', { new: n, carried: c }) }] : [])];
    },
  },
  {
    id: 'new', words: '新收(?:到)?', what: 'narrative.what.new',
    readings: (m) => {
      const base = table2Readings(m, 'new', 'narrative.what.new');
      const n = sum(m, ['new'], 'total');
      const c = sum(m, ['carried'], 'total');
      if (!base || n === undefined || c === undefined) return base;
      return [...base, { value: n + c, label: message('narrative.reading.newAndCarried', { new: n, carried: c }) }];
    },
  },
  kind('carried', '上年度?结转', 'carried', 'narrative.what.carried'),
  kind('closed', '办结|答复完毕|办理完毕', 'total', 'narrative.what.closed'),
  {
    id: 'grantedPartial', words: '(?:予以公开|公开)[及和与](?:予以)?部分公开', what: 'narrative.what.grantedPartial',
    readings: (m) => {
      const v = sum(m, ['granted', 'partial'], 'total');
      return v === undefined ? undefined : [{ value: v, label: message('narrative.what.grantedPartial') }];
    },
  },
  kind('granted', '予以公开', 'granted', 'narrative.what.granted', { notAfter: /部分$|[及和与]$/ }),
  kind('partial', '部分公开', 'partial', 'narrative.what.partial', { notAfter: /(?:予以)?公开[及和与](?:予以)?$/ }),
  kind('refused', '不予公开', 'refused', 'narrative.what.refused'),
  kind('unable', '无法提供', 'unable', 'narrative.what.unable'),
  kind('notProcessed', '不予处理', 'notProcessed', 'narrative.what.notProcessed'),
  kind('otherHandling', '其他处理', 'other', 'narrative.what.other'),
  kind('carryOver', '结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?|转(?:入)?下一?年度?(?:继续)?办理', 'carryOver', 'narrative.what.carryOver'),
  table1('rulesIssued', '(?:制发|制定|出台|发布)(?:了)?规章', 'item1.rules', 'issued', 'narrative.what.rulesIssued'),
  table1('normativeIssued', '(?:制发|印发|出台|制定|发布)(?:了)?(?:行政)?规范性文件', 'item1.normative', 'issued', 'narrative.what.normativeIssued'),
  table1('normativeInForce', '现行有效(?:的)?(?:行政)?规范性文件', 'item1.normative', 'inForce', 'narrative.what.normativeInForce'),
  table1('licensing', '行政许可(?:处理)?(?:决定)?', 'item5.licensing', 'decisions', 'narrative.what.licensing'),
  table1('penalty', '行政处罚(?:决定)?', 'item6.penalty', 'decisions', 'narrative.what.penalty'),
  table1('enforcement', '行政强制(?:决定|措施)?', 'item6.enforcement', 'decisions', 'narrative.what.enforcement'),
  {
    id: 'reconsideration', words: '(?:被申请|提起|申请)?行政复议', what: 'narrative.what.reconsideration',
    readings: (m) => { const v = table3(m, ['reconsideration']); return v === undefined ? undefined : [{ value: v, label: message('narrative.what.reconsideration') }]; },
  },
  {
    id: 'litigation', words: '(?:被提起|提起)?行政诉讼', what: 'narrative.what.litigation',
    readings: (m) => { const v = table3(m, ['litigationDirect', 'litigationAfter']); return v === undefined ? undefined : [{ value: v, label: message('narrative.what.litigation') }]; },
  },
];
