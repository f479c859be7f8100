// parse(text) → ReportModel. The reader puts the document onto a grid (readers/), the heading
// reader finds the sections in its lines, the interpreter reads the tables from its rows; then
// the format version is decided from the evidence and the cells are mapped to columns.
import type { Evidence, Layout, ReportModel, Table } from './model';
import type { FormatVersion } from './format/schema';
import { LineIndex, norm, segment } from './text';
import type { GridCell } from './grid/grid';
import { readText } from './readers/text/index';
import { joinWrappedLabels } from './readers/wrappedLabels';
import { isCornerNote, table1HeaderVocabulary } from './format/labels';
import { buildSections, findHeadings, findTitle } from './parse/sections';
import { buildTables } from './parse/columns';
import { interpret, type RawTables } from './parse/interpret';
import { markCertainty } from './parse/certainty';

export interface ParseOptions {
  /** Treat the document as HTML (a .html file) whatever its first characters. */
  html?: boolean;
  /** Above this length only a prefix is parsed (the model says so). */
  maxLength?: number;
  /** The user said this document is a report (its language, or "check as a report"): the
   *  structure rules apply even before its structure shows it. */
  assumeReport?: boolean;
  /** The text stands for a file part of which could not be read (a PDF's dropped pages). */
  incomplete?: boolean;
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
  // The reader's own pass once the headings are known: PDF-text labels wrapped over lines.
  const reach = joinWrappedLabels(grid.rows, headingStarts);
  const raw = interpret(grid.rows, headingStarts, reach);

  const { format, evidence } = detectFormat(raw, text);
  const tables = buildTables(raw, format ?? '2021', (o) => lines.positionAt(o));
  const tableRanges = Object.values(tables).map((t) => (t as Table).range);
  const sections = buildSections(headings, grid.lines, text.length, tableRanges);
  const firstSection = sections[0]?.range.start ?? text.length;
  markCertainty(tables, sections, grid.inferredSpans);
  // What was not read may hold any table's rest: no table is known to be complete.
  const incomplete = truncated || options.incomplete === true;
  if (incomplete) for (const t of Object.values(tables)) if ((t as Table).read === 'sure') (t as Table).read = 'inferred';
  const title = findTitle(grid.lines, firstSection);
  const year = title?.year ?? findYear(text);
  const layouts = new Set<Layout>(grid.layouts);
  for (const t of Object.values(tables)) for (const r of (t as Table).rows) if (r.layout === 'flattened') layouts.add('flattened');

  // By structure, not by a word: a notice about preparing the report names it in its title too.
  // What a Markdown code fence holds is quoted (a help page's example), not the document's own;
  // a sentence about the identities (勾稽关系) is no corner note: the note says 本列数据 or 第一项加第二项.
  const fenced = fencedRanges(text);
  const own = (at: number) => fenced.length === 0 || !fenced.some((f) => f.start <= at && at < f.end);
  const ownSections = fenced.length === 0 ? sections : sections.filter((s) => own(s.headingRange.start));
  const isReport = options.assumeReport === true ||
    (title !== undefined && own(title.range.start) && norm(title.text).includes('政府信息公开') && (ownSections.length >= 2 || Object.values(tables).some((t) => own((t as Table).range.start)))) ||
    grid.rows.some((r) => r.cells.some((t) => t.kind === 'text' && t.text.length < 200 && own(t.start) && isCornerNote(t.text) && CORNER_NOTE_WORDS.test(norm(t.text)))) ||
    ownSections.length >= 3;

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
    ...(incomplete ? { incomplete: true as const } : {}),
    ...(options.html ? { html: true } : {}),
    ...(grid.lostBreaks ? { lostLineBreaks: grid.lostBreaks } : {}),
    read: grid.inferredSpans.length > 0 || incomplete ? 'inferred' : 'sure',
    inferredSpans: grid.inferredSpans,
  };
}

/** The header words of a cell: the whole cell when it is one, else the known words in it. */
function headerWords(text: string): Array<{ text: string; normalized: string }> {
  const n = norm(text);
  if (table1HeaderVocabulary.has(n) || n.length > 120) return [{ text, normalized: n }];
  return segment(n, table1HeaderWords()).flatMap((s) => (s.word ? [{ text: s.word, normalized: s.word }] : []));
}

let headerWordList: string[] | undefined;
function table1HeaderWords(): string[] {
  return (headerWordList ??= [...table1HeaderVocabulary.keys()]);
}

const CORNER_NOTE_WORDS = /本列数据|第一项加第二项|第三项加第四项/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/gm;

/** Markdown code fences (to the same fence, or to the end): their lines are quoted text. */
function fencedRanges(text: string): Array<{ start: number; end: number }> {
  if (!text.includes('```') && !text.includes('~~~')) return [];
  const out: Array<{ start: number; end: number }> = [];
  let open: { start: number; mark: string } | undefined;
  FENCE.lastIndex = 0;
  for (let m = FENCE.exec(text); m; m = FENCE.exec(text)) {
    const mark = m[1] as string;
    if (!open) open = { start: m.index, mark };
    else if (mark[0] === open.mark[0] && mark.length >= open.mark.length && (m[2] ?? '').trim() === '') {
      out.push({ start: open.start, end: m.index + m[0].length });
      open = undefined;
    }
  }
  if (open) out.push({ start: open.start, end: text.length });
  return out;
}

function findYear(text: string): number | undefined {
  const head = text.slice(0, 3000);
  const m = /((?:19|20)\d{2})\s*年度/.exec(head) ?? /统计期限自\s*((?:19|20)\d{2})/.exec(head);
  return m ? Number(m[1]) : undefined;
}

/** Decides 2019 vs 2021 from what the tables show (docs/format.md §1, §3, §4), keeping the evidence. */
function detectFormat(raw: RawTables, text: string): { format: FormatVersion | null; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  // Each table, and the text, votes once for a format (see below).
  const voters = { '2019': new Set<string>(), '2021': new Set<string>() };
  const add = (format: FormatVersion, zh: string, en: string, range: { start: number; end: number }, voter: 'table1' | 'table2' | 'text') => {
    evidence.push({ format, reason: { zh, en }, range });
    voters[format].add(voter);
  };
  const t1 = raw.table1;
  if (t1) {
    for (const item of t1.items) {
      if (item.item === 9) add('2019', '表1 含第二十条第（九）项（政府集中采购）', 'table 1 has article 20 item (9) (procurement)', item.labelRange, 'table1');
      for (const h of item.headerCells) {
        // A cell may hold several header words run together (crawler text): each word counts.
        for (const word of headerWords(h.text)) {
          const v = table1HeaderVocabulary.get(word.normalized);
          if (v && v.formats.size === 1) {
            const f = [...v.formats][0] as FormatVersion;
            add(f, `表1 列名“${word.text}”属于 ${f} 年格式`, `table 1 header "${word.text}" belongs to the ${f} format`, { start: h.start, end: h.end }, 'table1');
          }
        }
      }
      for (const r of item.rows) {
        if (r.rowId === 'item5.otherServices') add('2019', '表1 含“其他对外管理服务事项”行', 'table 1 has the row 其他对外管理服务事项', r.labelRange, 'table1');
      }
    }
  }
  const t2 = raw.table2;
  if (t2) {
    const other = t2.rows.find((r) => r.rowId === 'other');
    const subs = t2.rows.filter((r) => r.rowId.startsWith('other.'));
    if (subs.length > 0) add('2021', '表2（六）其他处理分 1–3 小项', 'table 2 row (6) has sub-rows 1–3', (subs[0] as { labelRange: { start: number; end: number } }).labelRange, 'table2');
    else if (other && other.slots.some((s: GridCell) => s.kind === 'value')) add('2019', '表2（六）其他处理为一行，不分小项', 'table 2 row (6) is a single row', other.labelRange, 'table2');
  }
  const doc2021 = /〔2021〕\s*30\s*号/.exec(text.slice(0, 20000));
  if (doc2021) add('2021', '正文引用国办公开办函〔2021〕30号', 'the text cites the 2021 format document', { start: doc2021.index, end: doc2021.index + doc2021[0].length }, 'text');
  const doc2019 = /〔2019〕\s*60\s*号/.exec(text.slice(0, 20000));
  if (doc2019) add('2019', '正文引用国办公开办函〔2019〕60号', 'the text cites the 2019 format document', { start: doc2019.index, end: doc2019.index + doc2019[0].length }, 'text');
  // Each table (and the text) votes once, so that one table's many header words do not outvote
  // another table: a 2021 report with a 2019-style 表1 stays a 2021 report, said as mixed-format.
  const n2019 = voters['2019'].size;
  const n2021 = voters['2021'].size;
  const format: FormatVersion | null = n2019 === 0 && n2021 === 0 ? null : n2019 > n2021 ? '2019' : '2021';
  return { format, evidence };
}
