// The reviewer's workbook: two sheets, 报告 (one row per file, its figures) and 问题 (one row per
// finding), written with exceljs. Bundled on its own (dist/xlsx.js) and loaded only for
// `gov-report summary --format xlsx`, so that checking never pays for it.
import ExcelJS from 'exceljs';
import { FINDING_COLUMNS, REVIEW_COLUMNS, type ReviewEntry } from '../../shared/src/index';

type Lang = 'zh-CN' | 'en';

export const SHEETS = { reports: { zh: '报告', en: 'Reports' }, findings: { zh: '问题', en: 'Findings' } } as const;

export async function reviewXlsx(entries: readonly ReviewEntry[], lang: Lang = 'zh-CN'): Promise<Uint8Array> {
  const en = lang === 'en';
  const book = new ExcelJS.Workbook();
  book.creator = 'gov-report';
  const reports = book.addWorksheet(en ? SHEETS.reports.en : SHEETS.reports.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  reports.columns = REVIEW_COLUMNS.map((c) => ({
    header: en ? c.en : c.zh,
    key: c.key,
    width: c.key === 'file' || c.key === 'status' ? 36 : c.key === 'agency' ? 24 : 10,
    ...(c.kind === 'rate' ? { style: { numFmt: '0.0%' } } : {}),
  }));
  for (const e of entries) reports.addRow(Object.fromEntries(REVIEW_COLUMNS.map((c) => [c.key, c.value(e, lang) ?? undefined])));
  reports.getRow(1).font = { bold: true };
  reports.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REVIEW_COLUMNS.length } };
  const findings = book.addWorksheet(en ? SHEETS.findings.en : SHEETS.findings.zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  findings.columns = FINDING_COLUMNS.map((c) => ({ header: en ? c.en : c.zh, key: c.key, width: c.key === 'message' ? 80 : c.key === 'file' ? 36 : 14 }));
  for (const e of entries) for (const f of e.findings) findings.addRow(Object.fromEntries(FINDING_COLUMNS.map((c) => [c.key, c.value(e.path, f, lang) ?? undefined])));
  findings.getRow(1).font = { bold: true };
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FINDING_COLUMNS.length } };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
