// Stage 5: the pages' blocks → the rebuilt report (grid/rebuilt.ts writes it as Markdown and
// text, each line mapped to its page). A line of text is a line (a first-line indent starts a
// paragraph); a table's rows come out tab-separated in the text (the layout the parser knows) and
// as a pipe table in the Markdown. A table broken by a page goes on: no blank line, no new header.
import { joinGroupLabels, rowToCells } from './cells';
import { joinLatticeAcrossPage, joinStreamAcrossPage, sameColumns } from './continuation';
import { latticeToRows } from './lattice';
import { lineText } from './lines';
import { pageToLayout } from './page';
import { PDF_SETTINGS } from './settings';
import type { Lattice, PageLayout, PdfBlock, PdfLayoutResult, PdfLine, PdfPage } from './types';
import { RebuiltWriter, type WrittenRow } from '../../grid/rebuilt';

/** What goes on from one block to the next, and from the end of a page to the next page. */
interface Carried {
  /** The table (not ruled as a lattice) written last, for one that goes on at the top of the next page. */
  table?: { width: number; labelColumns: number };
  /** The ruled table written last, for one that goes on at the top of the next page; `closed`: it
   *  ended its page. */
  lattice?: { lattice: Lattice; rows: string[][]; written: WrittenRow[]; page: number; closed: boolean };
  /** A table was written last: a line after it starts a paragraph. */
  afterTable: boolean;
  /** The left edge of the last line written on this page. */
  lastLeft?: number;
}

type Writer = RebuiltWriter<number>;

export function rebuildPdf(pages: PdfPage[]): PdfLayoutResult {
  if (!pages.some((page) => page.items.some((it) => it.str.trim() !== ''))) return { ok: false, reason: 'scan' };
  const layouts = pages.map(pageToLayout);
  layouts.forEach((layout, k) => {
    if (k > 0) joinStreamAcrossPage(layouts[k - 1]!.blocks, layout.blocks);
  });
  // A gap is not written after a blank text line (a header row of blank cells writes one).
  const out: Writer = new RebuiltWriter<number>('text');
  const carried: Carried = { afterTable: false };
  layouts.forEach((layout, index) => writePage(out, carried, layout, index + 1));
  return { ok: true, report: out.finish((page) => ({ kind: 'pdf', page })) };
}

function writePage(out: Writer, carried: Carried, { blocks, margin }: PageLayout, page: number): void {
  carried.lastLeft = undefined;
  if (carried.lattice && carried.lattice.page !== page - 1) carried.lattice = undefined;
  blocks.forEach((block, b) => {
    if (block.kind === 'lattice') return writeLattice(out, carried, block.lattice, page, b === 0, b === blocks.length - 1);
    if (carried.lattice?.page === page) carried.lattice.closed = false;
    if (block.kind === 'table') return writeTable(out, carried, block, page, b === 0);
    writeLine(out, carried, block.line, margin, page);
  });
}

function writeLine(out: Writer, carried: Carried, line: PdfLine, margin: number, page: number): void {
  carried.table = undefined;
  if (carried.afterTable) out.gap(page);
  carried.afterTable = false;
  const left = line.boxes[0]?.left ?? 0;
  // A first-line indent (two characters, as Chinese paragraphs and headings are written) starts a paragraph.
  if (carried.lastLeft !== undefined && left - margin >= PDF_SETTINGS.text.indent * line.size) out.gap(page);
  out.line(lineText(line.boxes), page);
  carried.lastLeft = left;
}

/** A ruled table; at the top of a page, with the columns of the one that ended the page before, it
 *  goes on (a cell broken by the page joined with the cell above the break). */
function writeLattice(out: Writer, carried: Carried, lattice: Lattice, page: number, first: boolean, last: boolean): void {
  const prev = carried.lattice;
  const continues = first && prev !== undefined && prev.closed && sameColumns(prev.lattice, lattice);
  if (!continues) out.gap(page);
  carried.table = undefined;
  carried.afterTable = true;
  carried.lastLeft = undefined;
  if (continues) {
    for (const row of joinLatticeAcrossPage(prev!, lattice)) out.rewrite(prev!.written[row]!, prev!.rows[row]!, prev!.rows[row]!.join('\t'));
  }
  const rows = latticeToRows(lattice);
  const width = continues ? prev!.rows[0]!.length : rows[0]!.length;
  const written = rows.map((cells, k) => {
    const at = out.row([...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')], cells.join('\t'), page);
    if (k === 0 && !continues) out.delimiter(Math.max(width, cells.length), page);
    return at;
  });
  carried.lattice = { lattice, rows, written, page, closed: last };
}

/** A table read from where its text stands; at the top of a page without a header of its own,
 *  after a table that ended the page before, it goes on. */
function writeTable(out: Writer, carried: Carried, block: Extract<PdfBlock, { kind: 'table' }>, page: number, first: boolean): void {
  const continues = carried.table !== undefined && first && block.header.length === 0;
  if (!continues) out.gap(page);
  const { rows, width, labelColumns } = tableToRows(block, continues ? carried.table : undefined);
  rows.forEach(({ cells, text }, k) => {
    out.row([...cells, ...Array<string>(width - cells.length).fill('')], text, page);
    if (k === 0 && !continues) out.delimiter(width, page);
  });
  carried.table = { width, labelColumns };
  carried.afterTable = true;
  carried.lastLeft = undefined;
}

/**
 * A table's header and rows as cells: label cells in the columns their left edges share, so that
 * figures stand under each other and a sub-row's label stays in its own column (as the merged cells
 * of the original); then the figure cells. `text`: the row as the text writes it (its cells, no
 * blank label columns). `goesOn`: the table this one continues, whose columns it keeps.
 */
function tableToRows(block: Extract<PdfBlock, { kind: 'table' }>, goesOn: Carried['table']): { rows: Array<{ cells: string[]; text: string }>; width: number; labelColumns: number } {
  const align = PDF_SETTINGS.table.columnAlign;
  const header = block.header.map((h) => h.split('\t'));
  const rows = block.rows.map(rowToCells);
  if (block.stream) joinGroupLabels(rows);
  const lefts: number[] = [];
  for (const r of rows) for (const c of r.cells) if (!lefts.some((x) => Math.abs(x - c.left) <= align)) lefts.push(c.left);
  lefts.sort((a, b) => a - b);
  const column = (left: number) => lefts.findIndex((x) => Math.abs(x - left) <= align);
  const labelColumns = goesOn ? Math.max(goesOn.labelColumns, lefts.length) : lefts.length;
  // (A table without label columns, 表3, has no corner cell unless words stand there.)
  const aligned = (h: string[]) => (!block.headerAligned ? h : labelColumns === 0 && !h[0] ? h.slice(1) : [h[0]!, ...Array<string>(Math.max(0, labelColumns - 1)).fill(''), ...h.slice(1)]);
  const headerRows = header.map((h) => {
    const cells = aligned(h);
    return { cells, text: (block.headerAligned ? cells.filter(Boolean) : cells).join('\t') };
  });
  const bodyRows = rows.map((r) => {
    const labelCells: string[] = Array<string>(lefts.length).fill('');
    let next = 0;
    for (const c of r.cells) {
      const k = Math.max(next, column(c.left));
      labelCells[k] = labelCells[k] ? labelCells[k] + c.text : c.text;
      next = k + 1;
    }
    return { cells: [...Array<string>(labelColumns - lefts.length).fill(''), ...labelCells, ...r.figures], text: [...r.cells.map((c) => c.text), ...r.figures].join('\t') };
  });
  const all = [...headerRows, ...bodyRows];
  const width = Math.max(goesOn ? goesOn.width : 0, ...all.map((r) => r.cells.length));
  return { rows: all, width, labelColumns };
}
