// The reviewer's figures of one report: what a disclosure office compares across a folder of
// reports (新收, 结转, 办理, 公开率, 不予公开, 复议 and 诉讼 with their 纠正 counts), read from the
// model's cells as the rules read them. A figure whose cell was not read (blank, missing, unread
// glued text) is null: never estimated.
import type { ReportModel } from './model';
import { cellOf, formatOf, numberOf, rowsById } from './query';
import { table2RowsFor } from './format/data';

export interface ReviewFigures {
  /** 表2 一、本年新收 (总计). */
  received: number | null;
  /** 表2 二、上年结转 (总计). */
  carriedIn: number | null;
  /** 表2 三（七）总计: applications handled. */
  handled: number | null;
  /** 表2 四、结转下年度继续办理 (总计). */
  carriedOut: number | null;
  /** 表2 三（一）予以公开 and （二）部分公开 (总计). */
  granted: number | null;
  partial: number | null;
  /** (予以公开 + 部分公开) ÷ （七）总计, when all three were read and （七） is not 0. */
  disclosureRate: number | null;
  /** 表2 三（三）不予公开, the sum of its sub-rows (总计). */
  refused: number | null;
  /** 表2 三（四）无法提供, the sum of its sub-rows (总计). */
  unable: number | null;
  /** 表3 行政复议: 总计 and 结果纠正. */
  reconsideration: number | null;
  reconsiderationCorrected: number | null;
  /** 表3 行政诉讼 (未经复议直接起诉 + 复议后起诉): 总计 and 结果纠正. */
  litigation: number | null;
  litigationCorrected: number | null;
}

const sum = (values: ReadonlyArray<number | undefined>): number | null => (values.length && values.every((v) => v !== undefined) ? (values as number[]).reduce((a, b) => a + b, 0) : null);

export function reviewFigures(model: ReportModel): ReviewFigures {
  const t2 = rowsById(model.tables.table2);
  const total = (rowId: string) => numberOf(cellOf(t2.get(rowId), 'total')) ?? null;
  const parts = (prefix: string) => {
    // The sub-rows the format has (2019 and 2021 alike for （三） and （四））.
    const ids = table2RowsFor(formatOf(model)).filter((r) => r.id.startsWith(`${prefix}.`) && !r.group).map((r) => r.id);
    return sum(ids.map((id) => numberOf(cellOf(t2.get(id), 'total'))));
  };
  const received = total('new');
  const handled = total('total');
  const granted = total('granted');
  const partial = total('partial');
  const t3 = model.tables.table3?.rows[0];
  const t3cell = (id: string) => numberOf(cellOf(t3, id));
  return {
    received,
    carriedIn: total('carried'),
    handled,
    carriedOut: total('carryOver'),
    granted,
    partial,
    disclosureRate: granted !== null && partial !== null && handled !== null && handled > 0 ? (granted + partial) / handled : null,
    refused: parts('refused'),
    unable: parts('unable'),
    reconsideration: t3cell('reconsideration.total') ?? null,
    reconsiderationCorrected: t3cell('reconsideration.corrected') ?? null,
    litigation: sum([t3cell('litigationDirect.total'), t3cell('litigationAfter.total')]),
    litigationCorrected: sum([t3cell('litigationDirect.corrected'), t3cell('litigationAfter.corrected')]),
  };
}
