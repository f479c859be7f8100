// parse(text) → ReportModel. The reader puts the document onto a grid (readers/), the heading
// reader finds the sections in its lines, the interpreter reads the tables from its rows; then
// the format version is decided from the evidence and the cells are mapped to columns.
import type { Evidence, Layout, ReportModel, Table } from '../model';
import type { FormatVersion } from '../spec/schema';
import { LineIndex, norm } from '../text';
import type { GridCell } from '../readers/grid';
import { readText } from '../readers/text';
import { isCornerNote, table1HeaderVocabulary } from './labels';
import { buildSections, findHeadings, findTitle } from './sections';
import { buildTables } from './columns';
import { interpret, type RawTables } from './interpret';

export interface ParseOptions {
  /** Treat the document as HTML (a .html file) whatever its first characters. */
  html?: boolean;
  /** Above this length only a prefix is parsed (the model says so). */
  maxLength?: number;
  /** The user said this document is a report (its language, or "check as a report"): the
   *  structure rules apply even before its structure shows it. */
  assumeReport?: boolean;
}

// No limit by default: parsing is linear; editors impose their own (see the server).
export const DEFAULT_MAX_LENGTH = Number.POSITIVE_INFINITY;

export function parse(fullText: string, options: ParseOptions = {}): ReportModel {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const truncated = fullText.length > maxLength;
  const text = truncated ? fullText.slice(0, maxLength) : fullText;
  const lines = new LineIndex(fullText);
  const grid = readText(text, options.html === undefined ? undefined : { html: options.html });

  const headings = findHeadings(grid.lines);
  const headingStarts = new Set<number>();
  // A heading line yields one cell that starts at its content.
  for (const h of headings) headingStarts.add(h.line.contentStart);
  const raw = interpret(grid.rows, headingStarts);

  const { format, evidence } = detectFormat(raw, text);
  const tables = buildTables(raw, format ?? '2021', (o) => lines.positionAt(o));
  const tableRanges = Object.values(tables).map((t) => (t as Table).range);
  const sections = buildSections(headings, grid.lines, text.length, tableRanges);
  const firstSection = sections[0]?.range.start ?? text.length;
  const title = findTitle(grid.lines, firstSection);
  const year = title?.year ?? findYear(text);
  const layouts = new Set<Layout>(grid.layouts);
  for (const t of Object.values(tables)) for (const r of (t as Table).rows) if (r.layout === 'flattened') layouts.add('flattened');

  // By structure, not by a word: a notice about preparing the report names it in its title too.
  const isReport = options.assumeReport === true ||
    (title !== undefined && norm(title.text).includes('政府信息公开') && (sections.length >= 2 || Object.keys(tables).length > 0)) ||
    grid.rows.some((r) => r.cells.some((t) => t.kind === 'text' && t.text.length < 200 && isCornerNote(t.text))) ||
    sections.length >= 3;

  return {
    text: fullText,
    lines,
    ...(title ? { title: { text: title.text, range: title.range } } : {}),
    ...(title?.agency ? { agency: title.agency } : {}),
    ...(year !== undefined ? { year } : {}),
    formatVersion: format,
    formatEvidence: evidence,
    sections,
    tables,
    layouts: [...layouts].filter((l) => l !== 'pdf' || grid.rows.some((r) => r.cells.some((t) => t.layout === 'pdf' && t.kind === 'value'))),
    isReport,
    ...(truncated ? { truncated: true } : {}),
    ...(options.html ? { html: true } : {}),
    ...(grid.lostBreaks ? { lostLineBreaks: grid.lostBreaks } : {}),
  };
}

function findYear(text: string): number | undefined {
  const head = text.slice(0, 3000);
  const m = /((?:19|20)\d{2})\s*年度/.exec(head) ?? /统计期限自\s*((?:19|20)\d{2})/.exec(head);
  return m ? Number(m[1]) : undefined;
}

/** Decides 2019 vs 2021 from what the tables show (FORMAT.md §1, §3, §4), keeping the evidence. */
function detectFormat(raw: RawTables, text: string): { format: FormatVersion | null; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  const add = (format: FormatVersion, zh: string, en: string, range: { start: number; end: number }) => evidence.push({ format, reason: { zh, en }, range });
  const t1 = raw.table1;
  if (t1) {
    for (const item of t1.items) {
      if (item.item === 9) add('2019', '表1 含第二十条第（九）项（政府集中采购）', 'table 1 has article 20 item (9) (procurement)', item.labelRange);
      for (const h of item.headerCells) {
        const v = table1HeaderVocabulary.get(norm(h.text));
        if (v && v.formats.size === 1) {
          const f = [...v.formats][0] as FormatVersion;
          add(f, `表1 列名“${h.text}”属于 ${f} 年格式`, `table 1 header "${h.text}" belongs to the ${f} format`, { start: h.start, end: h.end });
        }
      }
      for (const r of item.rows) {
        if (r.rowId === 'item5.otherServices') add('2019', '表1 含“其他对外管理服务事项”行', 'table 1 has the row 其他对外管理服务事项', r.labelRange);
      }
    }
  }
  const t2 = raw.table2;
  if (t2) {
    const other = t2.rows.find((r) => r.rowId === 'other');
    const subs = t2.rows.filter((r) => r.rowId.startsWith('other.'));
    if (subs.length > 0) add('2021', '表2（六）其他处理分 1–3 小项', 'table 2 row (6) has sub-rows 1–3', (subs[0] as { labelRange: { start: number; end: number } }).labelRange);
    else if (other && other.slots.some((s: GridCell) => s.kind === 'value')) add('2019', '表2（六）其他处理为一行，不分小项', 'table 2 row (6) is a single row', other.labelRange);
  }
  const doc2021 = /〔2021〕\s*30\s*号/.exec(text.slice(0, 20000));
  if (doc2021) add('2021', '正文引用国办公开办函〔2021〕30号', 'the text cites the 2021 format document', { start: doc2021.index, end: doc2021.index + doc2021[0].length });
  const doc2019 = /〔2019〕\s*60\s*号/.exec(text.slice(0, 20000));
  if (doc2019) add('2019', '正文引用国办公开办函〔2019〕60号', 'the text cites the 2019 format document', { start: doc2019.index, end: doc2019.index + doc2019[0].length });
  const n2019 = evidence.filter((e) => e.format === '2019').length;
  const n2021 = evidence.filter((e) => e.format === '2021').length;
  const format: FormatVersion | null = n2019 === 0 && n2021 === 0 ? null : n2019 > n2021 ? '2019' : '2021';
  return { format, evidence };
}
