// Text for what is missing: table rows and section headings written in the document's own layout,
// inserted where they belong. Used by the quick fixes of row-missing and section-missing (never
// by fix-all: the user decides to add rows or headings).
import type { Layout, ReportModel, Section, Table, TableRow } from '../model';
import type { Edit } from './types';

/** Offset of the start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

const WRITABLE: ReadonlySet<Layout> = new Set(['tab', 'markdown', 'cellPerLine']);

/** From the start of the row's first line to the end of its last cell. */
function rowBlock(text: string, r: TableRow): { start: number; end: number } {
  const start = Math.min(r.labelRange.start, ...r.cells.map((c) => c.range.start));
  let end = Math.max(r.labelRange.end, ...r.cells.map((c) => c.range.end));
  // A Markdown row's closing pipe (and trailing spaces) belong to it.
  while (end < text.length && /[ \t|]/.test(text[end] as string)) end++;
  return { start: lineStartAt(text, start), end };
}

/**
 * A row like `template` with `label` and every cell empty: the template's separators (tabs, pipes,
 * line breaks, indentation) are kept, its words dropped (a group label written on the row's line
 * becomes an empty first column, as in the rows under it).
 */
function rowLike(text: string, template: TableRow, label: string): string {
  const block = rowBlock(text, template);
  const skip = template.cells.map((c) => c.range);
  let out = '';
  for (let i = block.start; i < block.end; i++) {
    if (i === template.labelRange.start) {
      out += label;
      i = template.labelRange.end - 1;
      continue;
    }
    const cell = skip.find((c) => i >= c.start && i < c.end);
    if (cell) {
      i = cell.end - 1;
      continue;
    }
    const ch = text[i] as string;
    if (/[\s|]/.test(ch)) out += ch;
  }
  return out;
}

/**
 * Edits inserting `missing` (in format order) into `table`: each before the first later row the
 * table has, or after its last row, written like the rows around it (cells empty). None where the
 * rows' layout cannot be written safely (HTML, PDF text, flattened rows).
 */
export function insertRowEdits(text: string, table: Table, order: readonly string[], missing: ReadonlyArray<{ id: string; label: string }>): Edit[] | undefined {
  const withCells = table.rows.filter((r) => r.cells.length > 0 && !r.flattened);
  if (withCells.length < 2 || !withCells.every((r) => WRITABLE.has(r.layout))) return undefined;
  const byId = new Map<string, TableRow>();
  for (const r of table.rows) if (!byId.has(r.rowId)) byId.set(r.rowId, r);
  const blocks = table.rows.map((r) => ({ row: r, ...rowBlock(text, r) })).sort((a, b) => a.start - b.start);
  // What separates two rows (a line break; a blank line between Word's cell-per-line rows).
  const gaps = blocks.slice(1).map((b, i) => text.slice((blocks[i] as { end: number }).end, b.start));
  const gap = gaps.find((g) => /\n/.test(g) && !/\S/.test(g));
  if (gap === undefined) return undefined;
  const last = blocks[blocks.length - 1] as (typeof blocks)[number];
  const groups = new Map<number, string[]>();
  for (const m of missing) {
    const later = order.slice(order.indexOf(m.id) + 1).map((id) => byId.get(id)).find((r) => r !== undefined);
    const at = later ? rowBlock(text, later).start : last.end;
    const template = nearest(withCells, text, at);
    const lines = groups.get(at) ?? [];
    lines.push(rowLike(text, template, m.label));
    groups.set(at, lines);
  }
  return [...groups].map(([at, rows]) => ({
    range: { start: at, end: at },
    // Before a row: each new row and a separator; after the last row: a separator before each.
    newText: at === last.end ? rows.map((r) => gap + r).join('') : rows.map((r) => r + gap).join(''),
  }));
}

/** The row with cells closest to `at` (the new row is written like its neighbours). */
function nearest(rows: readonly TableRow[], text: string, at: number): TableRow {
  let best = rows[0] as TableRow;
  let distance = Infinity;
  for (const r of rows) {
    const b = rowBlock(text, r);
    const d = Math.min(Math.abs(b.start - at), Math.abs(b.end - at));
    if (d < distance) {
      best = r;
      distance = d;
    }
  }
  return best;
}

/** Edits inserting the headings of the missing sections, each before the next present section. */
export function insertSectionEdits(model: ReportModel, missing: ReadonlyArray<{ number: number; numeral: string; title: string }>): Edit[] {
  const text = model.text;
  const md = model.sections.find((s) => s.markdownLevel > 0);
  const prefix = md ? '#'.repeat(md.markdownLevel) + ' ' : '';
  const groups = new Map<number, string[]>();
  for (const m of missing) {
    const next: Section | undefined = model.sections.find((s) => s.number > m.number);
    const at = next ? lineStartAt(text, next.markdownPrefixRange?.start ?? next.headingRange.start) : text.length;
    const lines = groups.get(at) ?? [];
    lines.push(`${prefix}${m.numeral}、${m.title}`);
    groups.set(at, lines);
  }
  return [...groups].map(([at, headings]) => {
    if (at === text.length) {
      const lead = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
      return { range: { start: at, end: at }, newText: lead + headings.join('\n\n') + '\n' };
    }
    return { range: { start: at, end: at }, newText: headings.map((h) => h + '\n\n').join('') };
  });
}

/** "二至六", "二、四", "二、四至六": section numerals for a message. */
export function numeralList(numerals: readonly string[], numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && (numbers[j + 1] as number) === (numbers[j] as number) + 1) j++;
    parts.push(j - i >= 2 ? `${numerals[i]}至${numerals[j]}` : numerals.slice(i, j + 1).join('、'));
    i = j + 1;
  }
  return parts.join('、');
}
