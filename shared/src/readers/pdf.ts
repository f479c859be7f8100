// A PDF's report rebuilt from where its text stands on the page (pure: the items and ruling lines
// come from server/src/pdf.ts). Ruled tables are read as lattices (pdfLattice.ts): each text item
// in the ruled cell that holds it, a table broken by a page joined with its continuation. What is
// not inside a ruled table is read as below (stream mode). Text lines are the items on one baseline. A table row is a line
// that ends in figures; its band reaches to the ruling lines around it (or halfway to the next
// row when the table has none), and every label item inside the band, above or below the
// figures, belongs to it — so a wrapped label is joined with its row. A label whose ruled cell
// spans several rows (三、本年度办理结果, （三）不予公开) is a group label, put in front of the
// first row it spans. Figures are placed in the table's columns (the x positions the figures of
// all its rows share), so a blank cell stays blank in its own column. Page numbers are dropped and
// a table broken by a page goes on. Rows come out tab-separated: the text layout the parser knows.
import { findLattices, latticeRows, type Lattice } from './pdfLattice';
import type { Rebuilt, SourceLocation } from './source';
import { isCornerNote, isTable2Header, isTable3Header } from '../parse/labels';

export interface PdfItem {
  str: string;
  /** Baseline origin, PDF points from the page's lower left. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A horizontal (y0 = y1) or vertical (x0 = x1) ruling line. */
export interface PdfSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
  rules: PdfSegment[];
}

export type PdfLayoutResult = { ok: true; report: Rebuilt } | { ok: false; reason: 'scan' };

/** A figure as a table cell holds it. */
const FIGURE = /^[0-9０-９]+(?:[.．][0-9０-９]+)?$/;
/** A page number: "- 3 -", "3", "第 3 页", "3/12". */
const PAGE_NUMBER = /^(?:[-—–－]?\s*\d{1,3}\s*[-—–－]?|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

interface Box {
  str: string;
  left: number;
  right: number;
  /** Downward page coordinates: top of the glyphs, baseline, middle. */
  top: number;
  base: number;
  mid: number;
  size: number;
  vertical: boolean;
}

interface Line {
  boxes: Box[];
  base: number;
  top: number;
  bottom: number;
  size: number;
}

interface Row {
  figures: Box[];
  labels: Placed[];
  groups: Placed[];
  /** The band of the page this row owns. */
  from: number;
  to: number;
  mid: number;
  /** The figure cells with blanks in their columns, once known. */
  cells?: string[];
}

/** A table's header lines are tab-separated cells; `headerAligned`: the first cell is the corner's
 *  (over the label columns) and each next one stands over one figure column. */
type Block = { kind: 'line'; line: Line } | { kind: 'table'; rows: Row[]; header: string[]; headerAligned?: boolean; stream: boolean };

export function rebuildPdf(pages: PdfPage[]): PdfLayoutResult {
  const out: string[] = [];
  // The same lines as Markdown: a table's lines as a pipe table (one more line: the delimiter row).
  const md: string[] = [];
  const pageOf: number[] = [];
  const mdPageOf: number[] = [];
  const emit = (text: string, page: number) => {
    out.push(text);
    pageOf.push(page);
    md.push(text);
    mdPageOf.push(page);
  };
  const blank = (page: number) => {
    if (out.length && out[out.length - 1] !== '') emit('', page);
  };
  // Markdown and text lines differ only inside tables; the page of each line is kept for both.
  let itemsSeen = 0;
  // A table that ends a page and one that starts the next page without a header of its own are
  // one table broken by the page: it goes on (no blank line, no new header row).
  let open: { width: number; labelColumns: number } | undefined;
  let afterTable = false;
  // The ruled table that ended the previous page, for a table that goes on at the top of this one.
  let lastGrid: { lattice: Lattice; rows: string[][]; out: number[]; md: number[]; page: number; closed: boolean } | undefined;
  const prepared = pages.map((page) => {
    itemsSeen += page.items.filter((it) => it.str.trim() !== '').length;
    // Ruled tables are read as lattices (pdfLattice.ts); the rest of the page as lines.
    const lattices = findLattices(page).filter((l) => l.xs.length >= 3 && l.ys.length >= 3 && l.items.size > 0);
    const inGrid = new Set<PdfItem>();
    for (const l of lattices) for (const it of l.items) inGrid.add(it);
    const rest = lattices.length ? { ...page, items: page.items.filter((it) => !inGrid.has(it)), rules: [] } : page;
    const boxes = toBoxes(rest);
    const lines = dropPageNumbers(toLines(boxes), page.height);
    const rules = rest.rules.map((r) => ({ x0: r.x0, x1: r.x1, top: page.height - Math.max(r.y0, r.y1), bottom: page.height - Math.min(r.y0, r.y1) }));
    const margin = Math.min(...lines.map((l) => l.boxes[0]?.left ?? Infinity));
    const blocks: Array<Block | { kind: 'grid'; lattice: Lattice }> = toBlocks(lines, rules);
    for (const l of lattices) {
      const k = blocks.findIndex((b) => blockTop(b) > l.top);
      blocks.splice(k < 0 ? blocks.length : k, 0, { kind: 'grid', lattice: l });
    }
    return { blocks, margin };
  });
  prepared.forEach((p, k) => {
    if (k > 0) joinStreamAcrossPage(prepared[k - 1]!.blocks, p.blocks);
  });
  prepared.forEach(({ blocks, margin }, index) => {
    const n = index + 1;
    let lastLeft: number | undefined;
    if (lastGrid && lastGrid.page !== n - 1) lastGrid = undefined;
    blocks.forEach((block, b) => {
      if (block.kind === 'grid') {
        const l = block.lattice;
        const continues = b === 0 && lastGrid !== undefined && lastGrid.closed && sameColumns(lastGrid.lattice, l);
        if (!continues) blank(n);
        open = undefined;
        afterTable = true;
        lastLeft = undefined;
        if (continues) joinAcrossPage(lastGrid!, l, (row, cells) => {
          out[lastGrid!.out[row] as number] = cells.join('\t');
          md[lastGrid!.md[row] as number] = mdRow(cells);
        });
        const rows = latticeRows(l);
        const width = continues ? lastGrid!.rows[0]!.length : rows[0]!.length;
        const at = { out: [] as number[], md: [] as number[] };
        rows.forEach((cells, k) => {
          at.out.push(out.length);
          out.push(cells.join('\t'));
          pageOf.push(n);
          at.md.push(md.length);
          md.push(mdRow([...cells, ...Array(Math.max(0, width - cells.length)).fill('')]));
          mdPageOf.push(n);
          if (k === 0 && !continues) {
            md.push(`|${' --- |'.repeat(Math.max(width, cells.length))}`);
            mdPageOf.push(n);
          }
        });
        lastGrid = { lattice: l, rows, out: at.out, md: at.md, page: n, closed: b === blocks.length - 1 };
        return;
      }
      if (lastGrid?.page === n) lastGrid.closed = false;
      if (block.kind === 'table') {
        const continues = open !== undefined && b === 0 && block.header.length === 0;
        if (!continues) blank(n);
        afterTable = false;
        const header = block.header.map((h) => h.split('\t'));
        const rows = block.rows.map(rowCells);
        if (block.stream) joinGroups(rows);
        // Label cells in the columns their left edges share, so that figures stand under each other
        // and a sub-row's label stays in its own column (as the merged cells of the original).
        const lefts: number[] = [];
        for (const r of rows) for (const c of r.cells) if (!lefts.some((x) => Math.abs(x - c.left) <= 3)) lefts.push(c.left);
        lefts.sort((a, b) => a - b);
        const column = (left: number) => lefts.findIndex((x) => Math.abs(x - left) <= 3);
        const labelColumns = continues ? Math.max(open!.labelColumns, lefts.length) : lefts.length;
        // (A table without label columns, 表3, has no corner cell unless words stand there.)
        const aligned = (h: string[]) => (!block.headerAligned ? h : labelColumns === 0 && !h[0] ? h.slice(1) : [h[0]!, ...Array(Math.max(0, labelColumns - 1)).fill(''), ...h.slice(1)]);
        const grid = [...header.map(aligned), ...rows.map((r) => {
          const labelCells: string[] = Array(lefts.length).fill('');
          let next = 0;
          for (const c of r.cells) {
            const k = Math.max(next, column(c.left));
            labelCells[k] = labelCells[k] ? labelCells[k] + c.text : c.text;
            next = k + 1;
          }
          return [...Array(labelColumns - lefts.length).fill(''), ...labelCells, ...r.figures];
        })];
        const width = Math.max(continues ? open!.width : 0, ...grid.map((r) => r.length));
        grid.forEach((cells, k) => {
          out.push(k < header.length ? (block.headerAligned ? cells.filter(Boolean) : cells).join('\t') : [...rows[k - header.length]!.cells.map((c) => c.text), ...rows[k - header.length]!.figures].join('\t'));
          pageOf.push(n);
          md.push(`| ${[...cells, ...Array(width - cells.length).fill('')].map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`);
          mdPageOf.push(n);
          if (k === 0 && !continues) {
            md.push(`|${' --- |'.repeat(width)}`);
            mdPageOf.push(n);
          }
        });
        open = { width, labelColumns };
        afterTable = true;
        lastLeft = undefined;
        return;
      }
      open = undefined;
      if (afterTable) blank(n);
      afterTable = false;
      const line = block.line;
      const left = line.boxes[0]?.left ?? 0;
      // A first-line indent (two characters, as Chinese paragraphs and headings are written) starts a paragraph.
      if (lastLeft !== undefined && left - margin >= 1.5 * line.size) blank(n);
      emit(joinLine(line.boxes), n);
      lastLeft = left;
    });
  });
  if (itemsSeen === 0) return { ok: false, reason: 'scan' };
  const text = out.join('\n') + '\n';
  const markdown = md.join('\n') + '\n';
  const locate = (line: number): SourceLocation | undefined => (mdPageOf[line] !== undefined ? { kind: 'pdf', page: mdPageOf[line] as number } : undefined);
  return { ok: true, report: { markdown, text, locate } };
}

const mdRow = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`;

function blockTop(b: Block | { kind: 'grid'; lattice: Lattice }): number {
  if (b.kind === 'grid') return b.lattice.top;
  if (b.kind === 'line') return b.line.top;
  return b.rows[0]?.from ?? 0;
}

/** The same columns (a table broken by the page goes on with its ruled columns). */
function sameColumns(a: Lattice, b: Lattice): boolean {
  return a.xs.length === b.xs.length && a.xs.every((x, k) => Math.abs(x - (b.xs[k] as number)) <= 3);
}

/** A numbered label ("一、", "（一）", "1.", "1、") starts a cell of its own; other text goes on. */
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;

/**
 * A table broken by the page: a label cell at the top of the new page that is not numbered is
 * the rest of the cell above the break ("（四）无" / "法提供"): its text joins that cell, and it
 * stays blank here. The previous page's row is written again with the joined text.
 */
function joinAcrossPage(prev: { lattice: Lattice; rows: string[][] }, next: Lattice, rewrite: (row: number, cells: string[]) => void): void {
  const lastRow = prev.lattice.at.length - 1;
  // The header repeated at the top of the page (Word's "repeat header row") is no continuation:
  // the rest of the broken cell, if any, is in the first row under it.
  const isHeader = (c: { text: string }) => c.text !== '' && (isCornerNote(c.text) || isTable2Header(c.text) || isTable3Header(c.text));
  let top = 0;
  while (top < next.at.length && next.cells.some((c) => c.row <= top && top < c.row + c.rowSpan && isHeader(c))) top++;
  const figureColumn = firstFigureColumn(next);
  for (const cell of next.cells) {
    if (cell.row !== top || cell.col >= figureColumn || !cell.text || NUMBERED.test(cell.text) || isHeader(cell)) continue;
    const above = prev.lattice.cells[prev.lattice.at[lastRow]?.[cell.col] ?? -1];
    if (!above || !above.text || above.col !== cell.col) continue;
    above.text += cell.text;
    cell.text = '';
    const rows = latticeRows(prev.lattice);
    prev.rows[above.row] = rows[above.row] as string[];
    rewrite(above.row, rows[above.row] as string[]);
  }
}

/**
 * A table without rules broken by the page: the label lines at the top of the new page, before its
 * first row, that are not numbered and stand over the labels only are the rest of the last row's
 * label ("5.属于" / "三类内部事务信息"). They join that row (placed after its own lines), and the
 * table goes on.
 */
function joinStreamAcrossPage(before: ReadonlyArray<Block | { kind: 'grid' }>, blocks: Array<Block | { kind: 'grid'; lattice: Lattice }>): void {
  const last = before[before.length - 1];
  if (last?.kind !== 'table' || !last.stream) return;
  let m = 0;
  while (blocks[m]?.kind === 'line') m++;
  const next = blocks[m];
  if (m === 0 || next?.kind !== 'table' || !next.stream || next.header.length > 0) return;
  const labelRight = Math.min(...next.rows.map((r) => r.figures[0]!.left));
  const lines = blocks.slice(0, m).map((b) => (b as { line: Line }).line);
  if (!lines.every((l) => l.boxes.every((b) => b.right <= labelRight)) || NUMBERED.test(joinLine(lines[0]!.boxes))) return;
  const row = last.rows[last.rows.length - 1]!;
  // Below everything of the page before, so that the row's text reads in order.
  const shift = Math.max(...row.labels.map((p) => p.box.base)) + 1;
  for (const l of lines) for (const b of l.boxes) row.labels.push({ box: { ...b, top: b.top + shift, base: b.base + shift, mid: b.mid + shift } });
  blocks.splice(0, m);
}

function firstFigureColumn(l: Lattice): number {
  let first = l.xs.length;
  for (const c of l.cells) if (FIGURE.test(c.text) && c.col < first) first = c.col;
  return first;
}

function toBoxes(page: PdfPage): Box[] {
  const out: Box[] = [];
  for (const it of page.items) {
    const size = Math.max(1, it.height);
    const base = page.height - it.y;
    const str = it.str.replace(/\s+$/, '').replace(/^\s+/, '');
    if (!str) continue;
    // A run of figures drawn as one item ("95  0  0"): one box per figure, placed by its characters.
    const parts = /^[0-9.\s]+$/.test(str) && /\s/.test(str) ? [...str.matchAll(/\S+/g)] : undefined;
    if (parts) {
      const per = it.width / Math.max(1, it.str.length);
      for (const p of parts) out.push({ str: p[0], left: it.x + per * (p.index ?? 0), right: it.x + per * ((p.index ?? 0) + p[0].length), top: base - size * 0.85, base, mid: base - size * 0.35, size, vertical: false });
      continue;
    }
    // Stacked characters: a run taller than it is wide. Its box is the column it fills.
    const vertical = [...str].length > 1 && it.height > 1.5 * it.width;
    if (vertical) out.push({ str, left: it.x, right: it.x + it.width, top: base - size, base, mid: base - size / 2, size: it.width, vertical });
    else out.push({ str, left: it.x, right: it.x + Math.max(it.width, 0.1), top: base - size * 0.85, base, mid: base - size * 0.35, size, vertical });
  }
  return out;
}

function toLines(boxes: Box[]): Line[] {
  const sorted = [...boxes].sort((a, b) => a.base - b.base || a.left - b.left);
  const lines: Line[] = [];
  for (const b of sorted) {
    // A column of stacked characters (vertical writing) is a line of its own.
    if (b.vertical) {
      lines.push({ boxes: [b], base: b.base, top: b.top, bottom: b.base, size: b.size });
      continue;
    }
    const line = lines.find((l) => !l.boxes[0]!.vertical && Math.abs(l.base - b.base) <= 0.3 * Math.min(l.size, b.size));
    if (line) {
      line.boxes.push(b);
      line.top = Math.min(line.top, b.top);
      line.bottom = Math.max(line.bottom, b.base);
      line.size = Math.max(line.size, b.size);
    } else lines.push({ boxes: [b], base: b.base, top: b.top, bottom: b.base, size: b.size });
  }
  for (const l of lines) {
    l.boxes.sort((a, b) => a.left - b.left);
    // Touching items are one word ("202" + "4", "9" + "0"): writers split runs at will.
    const merged: Box[] = [];
    for (const b of l.boxes) {
      const prev = merged[merged.length - 1];
      if (prev && b.left - prev.right < 0.2 * Math.min(prev.size, b.size) && b.left >= prev.left) {
        merged[merged.length - 1] = { ...prev, str: prev.str + b.str, right: Math.max(prev.right, b.right), top: Math.min(prev.top, b.top) };
      } else merged.push(b);
    }
    l.boxes = merged;
  }
  return lines.sort((a, b) => a.base - b.base);
}

function dropPageNumbers(lines: Line[], height: number): Line[] {
  return lines.filter((l) => {
    const inMargin = l.base > height * 0.88 || l.base < height * 0.1;
    return !(inMargin && PAGE_NUMBER.test(joinLine(l.boxes).trim()));
  });
}

/** Items on one line: touching items are one word; a wide gap is a cell boundary (a tab). */
function joinLine(boxes: Box[]): string {
  let s = '';
  let prev: Box | undefined;
  for (const b of boxes) {
    if (prev) {
      const gap = b.left - prev.right;
      if (gap > 1.5 * Math.min(prev.size, b.size)) s += '\t';
      else if (gap > 0.25 * Math.min(prev.size, b.size) && /[0-9A-Za-z]$/.test(s) && /^[0-9A-Za-z]/.test(b.str)) s += ' ';
    }
    s += b.str;
    prev = b;
  }
  return s;
}

/** The figures a line ends with, set apart from its text: a table row. */
function trailingFigures(line: Line): Box[] {
  const boxes = line.boxes;
  let k = boxes.length;
  while (k > 0 && FIGURE.test(boxes[k - 1]!.str)) k--;
  const figures = boxes.slice(k);
  if (figures.length === 0) return [];
  // Figures of a table stand apart from each other (a column gap), not as one number split in two.
  for (let m = 1; m < figures.length; m++) if (figures[m]!.left - figures[m - 1]!.right < 0.8 * Math.min(figures[m]!.size, figures[m - 1]!.size)) return [];
  if (k === 0) return figures;
  // One figure after a label is a row only when a column gap separates them ("行政许可    9487"),
  // not "受理申请 17" in a sentence.
  const gap = figures[0]!.left - boxes[k - 1]!.right;
  return gap > 2 * figures[0]!.size || figures.length >= 2 ? figures : [];
}

interface Rule {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

interface Grid {
  horizontal: Rule[];
  vertical: Rule[];
}

interface Cell {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The ruled cell a box stands in: the nearest ruling lines on its four sides, if the table has them. */
function cellAround(b: Box, g: Grid): Cell | undefined {
  const x = (b.left + b.right) / 2;
  const y = b.mid;
  const hs = g.horizontal.filter((r) => r.x0 <= x + 0.5 && r.x1 >= x - 0.5);
  const vs = g.vertical.filter((r) => r.top <= y + 0.5 && r.bottom >= y - 0.5);
  const top = Math.max(-Infinity, ...hs.filter((r) => r.top <= y).map((r) => r.top));
  const bottom = Math.min(Infinity, ...hs.filter((r) => r.top >= y).map((r) => r.top));
  const left = Math.max(-Infinity, ...vs.filter((r) => r.x0 <= x).map((r) => r.x0));
  const right = Math.min(Infinity, ...vs.filter((r) => r.x0 >= x).map((r) => r.x0));
  return [top, bottom, left, right].every(Number.isFinite) ? { left, right, top, bottom } : undefined;
}

const cellKey = (c: Cell) => `${Math.round(c.left)},${Math.round(c.top)},${Math.round(c.right)},${Math.round(c.bottom)}`;

function toBlocks(lines: Line[], rules: Rule[]): Block[] {
  const grid: Grid = { horizontal: rules.filter((r) => r.bottom - r.top < 1), vertical: rules.filter((r) => r.x1 - r.x0 < 1) };
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const figures = trailingFigures(line);
    if (figures.length === 0) {
      blocks.push({ kind: 'line', line });
      i++;
      continue;
    }
    // A table: this figure line and the following ones, with the label lines between them, while
    // rows follow each other closely.
    const figureLines: Array<{ line: Line; figures: Box[] }> = [{ line, figures }];
    const between: Line[] = [];
    let j = i + 1;
    let pending: Line[] = [];
    // No ruling lines on the page: the table is read from where its text stands (stream mode).
    const stream = rules.length === 0;
    let figuresLeft = figures[0]!.left;
    let labelsRight = Math.max(-Infinity, ...line.boxes.slice(0, line.boxes.length - figures.length).map((b) => b.right));
    while (j < lines.length) {
      const next = lines[j]!;
      const f = trailingFigures(next);
      const last = figureLines[figureLines.length - 1]!.line;
      // Rows follow each other closely; without rules, a label wrapped over many lines in a narrow
      // column keeps its row going (the distance is from the line above, not from the last row).
      const above = stream ? (pending[pending.length - 1] ?? last) : last;
      if (next.base - above.base > 6 * Math.max(above.size, next.size)) break;
      // Without rules, words that reach over the figure columns between two rows are the header of
      // the table that follows (表1's items, one under the other) or the text after the table.
      // So are words in a column right of every label the rows have (a header centred over a
      // wide figure column).
      if (stream && !f.length && next.boxes.some((b) => b.right > figuresLeft || (labelsRight > -Infinity && b.left >= labelsRight + b.size))) break;
      if (f.length) {
        figuresLeft = Math.min(figuresLeft, f[0]!.left);
        labelsRight = Math.max(labelsRight, ...next.boxes.slice(0, next.boxes.length - f.length).map((b) => b.right));
      }
      if (f.length) {
        figureLines.push({ line: next, figures: f });
        between.push(...pending);
        pending = [];
      } else pending.push(next);
      j++;
    }
      const rows: Row[] = figureLines.map(({ line: l, figures: f }) => ({ figures: f, labels: [], groups: [], from: 0, to: 0, mid: l.base - l.size * 0.35 }));
    setBands(rows, grid.horizontal);
    const labelRight = Math.min(...figureLines.map((r) => r.figures[0]!.left));
    // Lines after the last row belong to it only if they sit inside its band (a wrapped label).
    const lastRow = rows[rows.length - 1]!;
    const trailing: Line[] = [];
    if (!stream) {
      for (const l of pending) {
        if (l.top > lastRow.to || !l.boxes.every((b) => b.right <= labelRight + 1)) break;
        trailing.push(l);
      }
    }
    figureLines.forEach(({ line: l, figures: f }, k) => {
      for (const b of l.boxes.slice(0, l.boxes.length - f.length)) placeLabel(b, rows, grid, rows[k]);
    });
    if (stream) trailing.push(...placeFlowing(figureLines.map((r) => r.line), rows, between, pending, labelRight));
    else for (const l of [...between, ...trailing]) for (const b of l.boxes) placeLabel(b, rows, grid);
    setFigureCells(rows, grid, labelRight);
    // Header lines: the lines just above the first row inside the table's ruled frame.
    const header: Line[] = [];
    const top = tableTop(rows, grid, labelRight);
    while (blocks.length && top !== undefined) {
      const prev = blocks[blocks.length - 1]!;
      if (prev.kind !== 'line' || prev.line.top < top - 1) break;
      header.unshift(prev.line);
      blocks.pop();
    }
    // No ruled frame: the header is the lines close above the first row that stand over the
    // figure columns only (a heading or a sentence starts at the margin).
    while (blocks.length && top === undefined) {
      const prev = blocks[blocks.length - 1]!;
      const below = header[0]?.top ?? rows[0]!.from;
      if (prev.kind !== 'line' || below - prev.line.bottom > 2.5 * prev.line.size) break;
      // Over the figure columns (a corner note may stand beside it, over the labels).
      if (!prev.line.boxes.some((b) => b.left >= labelRight - 2 * b.size)) break;
      // A numbered heading or a sentence is not a header.
      const text = joinLine(prev.line.boxes);
      if (/^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)|。/.test(text) || (!text.includes('\t') && [...text].length > 12)) break;
      header.unshift(prev.line);
      blocks.pop();
    }
    const columns = figureColumns(rows);
    const head = headerRows(header, grid, columns);
    blocks.push({ kind: 'table', rows, header: head.rows, headerAligned: head.aligned, stream });
    i = j - pending.length + trailing.length;
  }
  return blocks;
}

/** A line's label text in pieces: boxes that touch or nearly touch are one piece of a cell. */
function pieces(line: Line, labelRight: number): Box[][] {
  const out: Box[][] = [];
  for (const b of line.boxes) {
    if (b.right > labelRight + 1) continue;
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && b.left - prev.right < 1.5 * Math.min(prev.size, b.size)) last!.push(b);
    else out.push([b]);
  }
  return out;
}

/**
 * Stream mode (a table without rules): the label lines between two rows, and those after the last,
 * placed by how text flows in a cell. A piece goes on from the piece above it in its column when
 * that one filled the column's width (the words wrapped) and it is not numbered: it belongs to that
 * piece's row, whether the cells are aligned to their top or their middle. Any other piece starts a
 * label of the row below. Returns the lines after the last row that go on its labels.
 */
function placeFlowing(figureLines: Line[], rows: Row[], between: Line[], after: Line[], labelRight: number): Line[] {
  type Piece = { boxes: Box[]; left: number; right: number; base: number; size: number };
  const asPieces = (l: Line): Piece[] => pieces(l, labelRight).map((boxes) => ({
    boxes, left: boxes[0]!.left, right: boxes[boxes.length - 1]!.right, base: l.base, size: Math.max(...boxes.map((b) => b.size)),
  }));
  const own = figureLines.map(asPieces);
  const lines = [...between, ...after].map((l) => ({ line: l, pieces: asPieces(l) }));
  // The columns' left edges, and where each column ends (the next column, or the figures).
  const lefts: number[] = [];
  for (const p of [...own.flat(), ...lines.flatMap((l) => l.pieces)]) if (!lefts.some((x) => Math.abs(x - p.left) <= 3)) lefts.push(p.left);
  lefts.sort((a, b) => a - b);
  const column = (left: number) => lefts.find((x) => Math.abs(x - left) <= 3) ?? left;
  const limit = (col: number) => lefts.find((x) => x > col + 3) ?? labelRight;
  const last = new Map<number, { piece: Piece; row: number }>();
  let k = 0;
  const taken: Line[] = [];
  const remember = (p: Piece, row: number) => last.set(column(p.left), { piece: p, row });
  own[0]!.forEach((p) => remember(p, 0));
  for (const { line, pieces: ps } of lines) {
    while (k + 1 < figureLines.length && figureLines[k + 1]!.base < line.base) {
      k++;
      own[k]!.forEach((p) => remember(p, k));
    }
    const trailing = k === figureLines.length - 1 && after.includes(line);
    // After the last row only a line all of label text can go on a label.
    if (trailing && ps.reduce((n, p) => n + p.boxes.length, 0) < Math.max(1, line.boxes.length)) break;
    const places = ps.map((p) => {
      const col = column(p.left);
      const above = last.get(col);
      const text = p.boxes.map((b) => b.str).join('');
      // Filled: the next character did not fit; or one more, carried down with the punctuation
      // that may not start a line ("缴纳费" / "用、行政").
      const room = limit(col) - (above?.piece.right ?? 0);
      const filled = above !== undefined && (room <= 2 * above.piece.size || (room <= 3 * above.piece.size && /^.[、，。；：）」”]/u.test(text)));
      const goesOn = filled && !NUMBERED.test(text) && p.base - above!.piece.base <= 2 * p.size;
      return goesOn ? above.row : trailing ? -1 : k + 1;
    });
    if (trailing && places.some((r) => r < 0)) break;
    ps.forEach((p, m) => {
      const row = rows[Math.min(places[m]!, rows.length - 1)]!;
      for (const box of p.boxes) row.labels.push({ box });
      remember(p, places[m]!);
    });
    if (trailing) taken.push(line);
  }
  return taken;
}

/**
 * Stream mode: a group label (三、本年度办理结果, （三）不予公开) wraps down the rows it spans, a piece
 * in each. Left of a row's own label, a piece that is not numbered goes on the group begun above it
 * in its column; the group's text stands in its first row (as a merged cell reads).
 */
function joinGroups(rows: Array<{ cells: Array<{ left: number; text: string }> }>): void {
  const open = new Map<number, { left: number; text: string }>();
  for (const r of rows) {
    if (r.cells.length === 0) continue;
    const ownLeft = Math.max(...r.cells.map((c) => c.left));
    for (const left of [...open.keys()]) if (left >= ownLeft - 3) open.delete(left);
    r.cells = r.cells.filter((c) => {
      if (c.left >= ownLeft - 3) return true;
      const key = [...open.keys()].find((x) => Math.abs(x - c.left) <= 3);
      if (key === undefined || NUMBERED.test(c.text)) {
        if (key !== undefined) open.delete(key);
        open.set(c.left, c);
        return true;
      }
      open.get(key)!.text += c.text;
      return false;
    });
  }
}

/** Each row's band: between the ruling lines around its figures, else halfway to its neighbours. */
function setBands(rows: Row[], horizontal: Rule[]): void {
  rows.forEach((row, k) => {
    const x = row.figures[0]!.left + 1;
    const crossing = horizontal.filter((r) => r.x0 <= x && r.x1 >= x);
    const above = Math.max(-Infinity, ...crossing.filter((r) => r.top <= row.mid).map((r) => r.top));
    const below = Math.min(Infinity, ...crossing.filter((r) => r.top >= row.mid).map((r) => r.top));
    const prev = rows[k - 1];
    const next = rows[k + 1];
    row.from = Number.isFinite(above) ? above : prev ? (prev.mid + row.mid) / 2 : row.mid - 2 * row.figures[0]!.size;
    row.to = Number.isFinite(below) ? below : next ? (row.mid + next.mid) / 2 : row.mid + 2 * row.figures[0]!.size;
  });
}

interface Placed {
  box: Box;
  cell?: Cell;
}

function placeLabel(b: Box, rows: Row[], grid: Grid, own?: Row): void {
  const cell = cellAround(b, grid);
  if (cell) {
    const spanned = rows.filter((r) => r.mid > cell.top && r.mid < cell.bottom);
    // A ruled cell over several rows: a group label, in front of the first row it spans.
    if (spanned.length > 1) {
      spanned[0]!.groups.push({ box: b, cell });
      return;
    }
    if (spanned.length === 1) {
      spanned[0]!.labels.push({ box: b, cell });
      return;
    }
  }
  const row = own ?? rows.find((r) => b.mid >= r.from && b.mid < r.to) ?? nearest(rows, b.mid);
  row.labels.push({ box: b });
}

function nearest(rows: Row[], mid: number): Row {
  return rows.reduce((best, r) => (Math.abs(r.mid - mid) < Math.abs(best.mid - mid) ? r : best));
}

/** The top of the ruled frame the first row sits in: walk up the horizontal lines above it while
 *  a vertical line joins each to the one below (the same table, not the table above it). */
function tableTop(rows: Row[], grid: Grid, labelRight: number): number | undefined {
  const first = rows[0]!;
  const x = labelRight + 1;
  const above = grid.horizontal.filter((r) => r.x0 <= x && r.x1 >= x && r.top <= first.from + 0.5).map((r) => r.top).sort((a, b) => b - a);
  if (above.length === 0) return undefined;
  let top = above[0]!;
  for (const y of above.slice(1)) {
    if (!grid.vertical.some((v) => v.top <= y + 1 && v.bottom >= top - 1)) break;
    top = y;
  }
  return top;
}

/**
 * Header lines rebuilt by their ruled cells (one line per row of cells). Without rules: a header
 * word over one figure column is joined with the rest of that column's header (a word wrapped in a
 * narrow column); a wider one (over several columns) is a line of its own.
 */
function headerRows(lines: Line[], grid: Grid, columns: number[]): { rows: string[]; aligned: boolean } {
  const boxes = lines.flatMap((l) => l.boxes);
  const placed = boxes.map((box) => ({ box, cell: cellAround(box, grid) }));
  if (placed.some((p) => !p.cell)) {
    const spacing = columns.length > 1 ? (columns[columns.length - 1]! - columns[0]!) / (columns.length - 1) : Infinity;
    if (!Number.isFinite(spacing)) return { rows: lines.map((l) => joinLine(l.boxes)), aligned: false };
    // Without rules the header's cells are where its words stand: words left of the figure columns
    // are the corner's (one cell, in reading order); a word over one figure column is stacked with
    // the rest of that column's header (a word wrapped in a narrow column); a word that reaches
    // well into a second column spans from the first one it covers (as a merged header cell).
    const band = (k: number) => [columns[k]! - spacing / 2, columns[k]! + spacing / 2] as const;
    const covered = (b: Box) => columns.map((_, k) => k).filter((k) => Math.min(b.right, band(k)[1]) - Math.max(b.left, band(k)[0]) > Math.min(spacing / 4, (b.right - b.left) / 2));
    const corner: Box[] = [];
    const wide = new Map<number, string[]>();
    const stacked: Box[][] = columns.map(() => []);
    for (const b of boxes) {
      const over = covered(b);
      if (over.length === 0 && b.right <= band(0)[0] + spacing / 4) corner.push(b);
      else if (over.length === 1) stacked[over[0]!]!.push(b);
      else {
        const line = [...wide.keys()].find((base) => Math.abs(base - b.base) <= b.size / 2) ?? b.base;
        const cells = wide.get(line) ?? columns.map(() => '');
        const k = over[0] ?? columns.findIndex((x) => x >= b.left);
        cells[Math.max(0, k)] += b.str;
        wide.set(line, cells);
      }
    }
    const read = (bs: Box[]) => bs.sort((a, b) => a.base - b.base || a.left - b.left).map((b) => b.str).join('');
    const rows = [...[...wide.entries()].sort((a, b) => a[0] - b[0]).map(([, cells]) => cells), stacked.map(read)];
    return { rows: rows.map((cells, k) => [k === 0 ? read(corner) : '', ...cells].join('\t')), aligned: true };
  }
  const cells = cellTexts(placed);
  const rows = new Map<number, Array<{ left: number; text: string }>>();
  for (const c of cells) {
    const top = Math.round(c.cell!.top);
    const key = [...rows.keys()].find((t) => Math.abs(t - top) <= 1) ?? top;
    rows.set(key, [...(rows.get(key) ?? []), { left: c.cell!.left, text: c.text }]);
  }
  return { rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r.sort((a, b) => a.left - b.left).map((c) => c.text).join('\t')), aligned: false };
}

/** Boxes grouped into cells (their ruled cell, else columns of touching text), read top to bottom. */
function cellTexts(placed: Placed[]): Array<{ cell?: Cell; left: number; text: string }> {
  const groups: Placed[][] = [];
  const byKey = new Map<string, Placed[]>();
  for (const p of [...placed].sort((a, b) => a.box.left - b.box.left)) {
    if (p.cell) {
      const key = cellKey(p.cell);
      const g = byKey.get(key);
      if (g) g.push(p);
      else {
        const fresh = [p];
        byKey.set(key, fresh);
        groups.push(fresh);
      }
      continue;
    }
    // No rules: a box joins a column it overlaps or continues on its line.
    const col = groups.find((g) => !g[0]!.cell && g.some((o) => p.box.left < o.box.right + 1.5 * o.box.size && p.box.right > o.box.left - 0.5 * o.box.size));
    if (col) col.push(p);
    else groups.push([p]);
  }
  return groups
    .map((g) => ({ cell: g[0]!.cell, left: Math.min(...g.map((p) => p.box.left)), text: g.map((p) => p.box).sort((a, b) => a.base - b.base || a.left - b.left).map((b) => b.str).join('') }))
    .sort((a, b) => a.left - b.left);
}

/** Label cells (group labels first, then the row's own), and the figure cells. */
function rowCells(row: Row): { cells: Array<{ left: number; text: string }>; figures: string[] } {
  const cells = [...cellTexts(row.groups), ...cellTexts(row.labels)].map((c) => ({ left: c.cell?.left ?? c.left, text: c.text }));
  return { cells, figures: row.cells ?? row.figures.map((f) => f.str) };
}

/** The x positions (centres) the figures of the table's rows share. */
function figureColumns(rows: Row[]): number[] {
  const clusters: number[][] = [];
  for (const r of rows) {
    if (r.figures.length < 2) continue;
    for (const f of r.figures) {
      const c = (f.left + f.right) / 2;
      const near = clusters.find((k) => Math.abs(k.reduce((a, b) => a + b, 0) / k.length - c) <= 0.6 * f.size);
      if (near) near.push(c);
      else clusters.push([c]);
    }
  }
  const multi = rows.filter((r) => r.figures.length >= 2).length;
  return clusters.filter((k) => k.length >= Math.min(2, multi)).map((k) => k.reduce((a, b) => a + b, 0) / k.length).sort((a, b) => a - b);
}

/**
 * The figure cells of each row, blank cells kept in their column: the ruled columns right of the
 * labels where the table has vertical lines, else the x positions the rows' figures share. A row
 * whose figures do not fit the columns one to one keeps its figures as they are.
 */
function setFigureCells(rows: Row[], grid: Grid, labelRight: number): void {
  const shared = figureColumns(rows);
  rows: for (const r of rows) {
    // The vertical lines across this row, from the last one left of the figures.
    // (A border drawn by both cells beside it is one line.)
    const across = grid.vertical.filter((v) => v.top <= r.mid && v.bottom >= r.mid).map((v) => v.x0).sort((a, b) => a - b).filter((x, k, all) => k === 0 || x - all[k - 1]! > 1);
    const start = across.filter((x) => x <= labelRight + 0.5).length - 1;
    const ruled = start >= 0 ? across.slice(start) : [];
    const columns = ruled.length >= 2 ? ruled.slice(1).map((x, k) => ({ from: ruled[k]!, to: x })) : undefined;
    const slots: Array<Box | undefined> = [];
    if (columns) {
      for (const col of columns) {
        const inside = r.figures.filter((f) => (f.left + f.right) / 2 > col.from && (f.left + f.right) / 2 < col.to);
        if (inside.length > 1) continue rows;
        slots.push(inside[0]);
      }
    } else {
      // One figure alone is placed by where it stands, when the other rows give the columns.
      if (r.figures.length < 2 ? shared.length < 2 : r.figures.length < shared.length / 2) continue rows;
      for (const x of shared) {
        const inside = r.figures.filter((f) => Math.abs((f.left + f.right) / 2 - x) <= 0.6 * f.size);
        if (inside.length > 1) continue rows;
        slots.push(inside[0]);
      }
    }
    // Every figure placed once, and the row is not just a fragment of the columns.
    if (slots.filter(Boolean).length !== r.figures.length) continue rows;
    r.cells = slots.map((b) => b?.str ?? '');
  }
}
