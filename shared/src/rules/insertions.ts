// Text for what is missing: table rows (of 表2, and of a 表1 item) and section headings written in
// the document's own layout, inserted where they belong. Used by the quick fixes of row-missing and
// section-missing (never by fix-all: the user decides to add rows or headings).
import type { Layout, ReportModel, Section, Table, Table1Item, TableRow } from '../model';
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

/**
 * Edits inserting `missing` rows of one 表1 item (第二十条第（N）项, rows in format order `order`):
 * each before the item's first later row, or after its last row, or (an item without rows) after
 * its header row; written like the item's own rows, else like a row of another item with as many
 * cells (`columns`), with every cell empty (zero-width in tab rows, blank between Markdown pipes).
 * None where 表1's rows cannot be written safely (HTML, PDF text, glued rows).
 */
export function insertItemRowEdits(text: string, table: Table, item: Table1Item, order: readonly string[], missing: ReadonlyArray<{ id: string; label: string }>, columns: number): Edit[] | undefined {
  const withCells = table.rows.filter((r) => r.cells.length > 0);
  if (withCells.length === 0 || !withCells.every((r) => WRITABLE.has(r.layout) && !r.flattened)) return undefined;
  const own = item.rows.filter((r) => r.cells.length > 0);
  const templates = own.length > 0 ? own : withCells.filter((r) => r.cells.length === columns && r.extraCells.length === 0);
  if (templates.length === 0) return undefined;
  const blocks = table.rows.map((r) => rowBlock(text, r)).sort((a, b) => a.start - b.start);
  // What separates two rows: a line break between 表1's rows (a blank line between Word's cell-per-
  // line rows); with no two rows together, the line break after a row written one per line.
  const gaps = blocks.slice(1).map((b, i) => text.slice((blocks[i] as { end: number }).end, b.start));
  const lineBreak = (r: TableRow) => (r.layout === 'cellPerLine' ? undefined : /^\r?\n/.exec(text.slice(rowBlock(text, r).end))?.[0]);
  const gap = gaps.find((g) => /\n/.test(g) && !/\S/.test(g)) ?? lineBreak(templates[0] as TableRow);
  if (gap === undefined) return undefined;
  const byId = new Map<string, TableRow>();
  for (const r of item.rows) if (!byId.has(r.rowId)) byId.set(r.rowId, r);
  const ownBlocks = item.rows.map((r) => rowBlock(text, r)).sort((a, b) => a.start - b.start);
  const after = ownBlocks.length > 0 ? (ownBlocks[ownBlocks.length - 1] as { end: number }).end : afterItemHeader(text, item);
  const groups = new Map<number, { before: boolean; rows: string[] }>();
  for (const m of missing) {
    const later = order.slice(order.indexOf(m.id) + 1).map((id) => byId.get(id)).find((r) => r !== undefined);
    const at = later ? rowBlock(text, later).start : after;
    const template = nearest(templates, text, at);
    const group = groups.get(at) ?? { before: later !== undefined, rows: [] };
    group.rows.push(rowLike(text, template, m.label));
    groups.set(at, group);
  }
  return [...groups].map(([at, g]) => ({
    range: { start: at, end: at },
    newText: g.before ? g.rows.map((r) => r + gap).join('') : g.rows.map((r) => gap + r).join(''),
  }));
}

/** The end of an item's header row (信息内容 | 本年制发件数 …), or of its label's line, before the
 *  line break; past a Markdown delimiter row (| --- |) that follows it. */
function afterItemHeader(text: string, item: Table1Item): number {
  const last = Math.max(item.labelRange.end, ...item.headers.map((h) => h.range.end));
  const lineEnd = (o: number) => {
    const nl = text.indexOf('\n', o);
    return nl < 0 ? text.length : nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
  };
  let end = lineEnd(last);
  const next = /^\r?\n([^\n]*)/.exec(text.slice(end));
  if (next && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(next[1] as string)) end = lineEnd(end + (next[0].length - (next[1] as string).length));
  return end;
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
