// Labels of PDF text wrapped over several lines. Text printed from a PDF keeps a narrow label
// cell's lines apart: "1、申请人无正当理由逾期不补" / "正、…其政府信 67 3 …" / "息公开申请", or the
// label's first line beside its figures and the rest below it ("（三）  1.属于  3 …" / "不予公  国家秘"
// / "开    密"). This pass joins such a label into one cell on the grid, its figures after it in
// its row, and takes the pieces it used off the rows below; the interpreter then reads the row
// as it reads any other. Only inside a table, as the format's landmarks mark one (a 第二十条 item
// of 表1, 表2's corner note or a row of it), and only where the joined words name one row.
import { isApplicantHeader, isCornerNote, isSentence, isTable3Header, matchArticle20Item, matchTable1Row, matchTable2Row } from '../format/labels';
import { NUMBERED_LABEL } from '../format/patterns';
import { longerThan, norm, stripNumbering } from '../text';
import type { GridCell, GridRow } from '../grid/grid';

/** What list numbering starts with (a superset, tried before normalising the text). */
const MAY_BE_NUMBERED = /^[\s\u3000]*[（(一二三四五六七八九十0-9０-９]/;

/** Where the walk stands: outside the tables, in a 第二十条 item of 表1, in 表2's header or body. */
type Region = 'none' | 't1' | 't2head' | 't2body';

/**
 * Joins, in place, the wrapped PDF-text labels of `rows` (`headingStarts`: where section
 * headings start). Returns where the text of each label cell it joined ends, when that is past
 * the cell's own range (the rest of the label written below its figures): the table reaches there.
 */
export function joinWrappedLabels(rows: readonly GridRow[], headingStarts: ReadonlySet<number>): Map<GridCell, number> {
  const reach = new Map<GridCell, number>();
  // The walk reads every label only up to the last row where a join could start: most documents
  // (tabs, pipes, HTML) have none.
  const { first, last } = candidates(rows, headingStarts);
  let region: Region = 'none';
  for (let r = walkStart(rows, headingStarts, first); r <= last; r++) {
    const cells = (rows[r] as GridRow).cells;
    for (let c = 0; c < cells.length; c++) {
      const t = cells[c] as GridCell;
      if (t.kind === 'text' && t.shape === 'spaced' && !headingStarts.has(t.start)) joinAt(rows, cells, c, region, headingStarts, reach);
      region = regionAfter(region, cells, c, headingStarts);
    }
  }
  return reach;
}

/** The first and the last row where a join could start (what joinAt needs, checked without
 *  reading a label), or -1 for both. */
function candidates(rows: readonly GridRow[], headingStarts: ReadonlySet<number>): { first: number; last: number } {
  let first = -1;
  let last = -1;
  for (let r = 0; r < rows.length - 1; r++) {
    if (!wrapsBelow(rows, r, headingStarts) && !continuesBelow(rows, r)) continue;
    if (first < 0) first = r;
    last = r;
  }
  return { first, last };
}

/** Where the walk starts: the section heading before the first row where a join could start
 *  (a heading leaves every table), or the first row. */
function walkStart(rows: readonly GridRow[], headingStarts: ReadonlySet<number>, first: number): number {
  for (let r = first; r > 0; r--) {
    const cell = (rows[r] as GridRow).cells[0];
    if (cell && headingStarts.has(cell.start)) return r;
  }
  return 0;
}

/** Row `r` ends in a numbered label of spaced text, with figures on one of the four lines below. */
function wrapsBelow(rows: readonly GridRow[], r: number, headingStarts: ReadonlySet<number>): boolean {
  const cells = (rows[r] as GridRow).cells;
  const t = cells[cells.length - 1];
  if (!t || t.kind !== 'text' || t.shape !== 'spaced' || headingStarts.has(t.start) || !NUMBERED_LABEL.test(t.text.trim()) || longerThan(t.text, MAX_FIRST_PIECE)) return false;
  for (let j = r + 1; j <= r + 4 && j < rows.length; j++) if ((rows[j] as GridRow).cells.some((k) => k.kind === 'value')) return true;
  return false;
}

/** Row `r` has a spaced label with figures after it, and a short line of text alone below it. */
function continuesBelow(rows: readonly GridRow[], r: number): boolean {
  const below = (rows[r + 1] as GridRow).cells;
  if (below.length !== 1 || below[0]!.kind !== 'text' || below[0]!.shape !== 'spaced') return false;
  const cells = (rows[r] as GridRow).cells;
  return cells.some((t, c) => t.kind === 'text' && t.shape === 'spaced' && cells[c + 1]?.kind === 'value') && isLabelRest(below[0]!.text);
}

function joinAt(rows: readonly GridRow[], cells: GridCell[], c: number, region: Region, headingStarts: ReadonlySet<number>, reach: Map<GridCell, number>): void {
  const t = cells[c] as GridCell;
  if (isCornerNote(t.text) || matchArticle20Item(t.text) !== undefined) return;
  if (region === 't2body' && c === cells.length - 1) {
    const wrapped = wrappedLabel(rows, t, headingStarts);
    if (wrapped) {
      // The label's cell runs to the end of its last piece; its figures stand after it.
      t.text = wrapped.label;
      t.end = wrapped.end;
      takeOff(rows, wrapped.consumed);
      for (const v of wrapped.values) v.row = t.row;
      cells.push(...wrapped.values);
      return;
    }
  }
  if ((region === 't2body' || region === 't1') && cells[c + 1]?.kind === 'value') {
    const rest = labelBelow(rows, t.row, headingStarts);
    if (!rest) return;
    const own = lastPiece(t.text);
    const whole = own + rest.label;
    const inTable2 = region === 't2body';
    const r = inTable2 ? matchTable2Row(whole, { inBody: true }) : matchTable1Row(whole);
    const alone = inTable2 ? matchTable2Row(t.text, { inBody: true }) : matchTable1Row(t.text);
    if (r && (!alone || alone.id !== r.id || norm(whole).length > norm(own).length)) {
      // The whole label is the cell's text; its range stays its first line's.
      t.text = whole;
      reach.set(t, Math.max(...rest.consumed.map((k) => k.end)));
      takeOff(rows, rest.consumed);
    }
  }
}

/** Takes the cells a joined label used off their rows. */
function takeOff(rows: readonly GridRow[], consumed: readonly GridCell[]): void {
  const gone = new Set(consumed);
  for (const r of new Set(consumed.map((k) => k.row))) {
    const row = rows[r] as GridRow;
    row.cells = row.cells.filter((k) => !gone.has(k));
  }
}

/** The region after the cell at `c`, by the format's landmarks (as the interpreter changes tables). */
function regionAfter(region: Region, cells: readonly GridCell[], c: number, headingStarts: ReadonlySet<number>): Region {
  const t = cells[c] as GridCell;
  if (headingStarts.has(t.start)) return 'none';
  if (t.kind !== 'text') return region;
  const text = t.text;
  if (matchArticle20Item(text) !== undefined) return 't1';
  if (isCornerNote(text) || isApplicantHeader(text)) return 't2head';
  if (isTable3Header(text) && region !== 't2head') return 'none';
  // Inside 表2's body a row label leaves the walk where it is.
  if (region === 't2body') return region;
  // Outside 表2 a phrase with a row's words is narrative unless numbered or followed by figures
  // (asked first: it is cheaper than matching the words).
  const opens = region === 't2head' || ((cells[c + 1]?.kind === 'value' || (MAY_BE_NUMBERED.test(text) && stripNumbering(norm(text)).numbering.length > 0)) && !isSentence(text));
  return opens && matchTable2Row(text, { inBody: false }) ? 't2body' : region;
}

interface Piece {
  /** The label's text on this line (absent for a line of figures alone). */
  text?: GridCell;
  values: GridCell[];
}

/**
 * A 表2 label wrapped over several lines, starting at the cell `first` (the last of its grid
 * row): the rows that follow (each a line, perhaps ending in figures) are tried in order, any
 * short one skipped (a piece of a vertical group label between them), and the reading is kept
 * only when the joined words name one row and exactly one line of figures belongs to it.
 */
function wrappedLabel(rows: readonly GridRow[], first: GridCell, headingStarts: ReadonlySet<number>): { label: string; end: number; values: GridCell[]; consumed: GridCell[] } | undefined {
  // A wrapped label starts with its number; the next numbered text starts the next label.
  if (longerThan(first.text, MAX_FIRST_PIECE) || norm(first.text).length > MAX_FIRST_PIECE || !NUMBERED_LABEL.test(first.text.trim())) return undefined;
  const pieces = piecesBelow(rows, first.row, headingStarts);
  const best = bestJoin(first, pieces);
  if (!best) return undefined;
  const taken = pieces.filter((_, k) => best.mask & (1 << k));
  const valuesPiece = taken.find((p) => p.values.length > 0) as Piece;
  const consumed = taken.flatMap((p) => [...(p.text ? [p.text] : []), ...p.values]);
  const lastTaken = taken[taken.length - 1] as Piece;
  const endCell = lastTaken.text ?? (lastTaken.values[lastTaken.values.length - 1] as GridCell);
  return { label: best.label, end: endCell.end, values: valuesPiece.values, consumed };
}

/** Up to four lines under row `r` that may continue a wrapped label: text, figures, or text and figures. */
function piecesBelow(rows: readonly GridRow[], r: number, headingStarts: ReadonlySet<number>): Piece[] {
  const pieces: Piece[] = [];
  for (let j = r + 1; j < rows.length && pieces.length < 4; j++) {
    const cells = (rows[j] as GridRow).cells;
    const u = cells[0];
    if (!u || headingStarts.has(u.start) || u.shape !== 'spaced') break;
    if (u.kind === 'text' && (norm(u.text).length > 40 || NUMBERED_LABEL.test(u.text.trim()))) break;
    const from = u.kind === 'text' ? 1 : 0;
    let k = from;
    while (k < cells.length && (cells[k] as GridCell).kind !== 'text') k++;
    // Text after the figures: no line of a wrapped label.
    if (k < cells.length) break;
    const values = cells.slice(from);
    // A figure alone is no 表2 row (a converter's displaced figure).
    if (values.filter((v) => v.kind === 'value').length === 1) break;
    pieces.push(u.kind === 'text' ? { text: u, values } : { values });
  }
  return pieces;
}

/** The one choice of pieces whose words, after `first`'s, name a 表2 row with one line of figures. */
function bestJoin(first: GridCell, pieces: readonly Piece[]): { mask: number; label: string } | undefined {
  let best: { mask: number; rowId: string; label: string; score: number } | undefined;
  let ties = 0;
  for (let mask = 1; mask < 1 << pieces.length; mask++) {
    const label = joinedLabel(first, pieces, mask);
    if (label === undefined) continue;
    const row = matchTable2Row(label.text, { inBody: true });
    if (!row) continue;
    const score = label.last * 8 + popcount(mask);
    if (best && best.rowId !== row.id) ties++;
    if (!best || score > best.score) best = { mask, rowId: row.id, label: label.text, score };
  }
  return best && ties === 0 ? best : undefined;
}

/** The label the pieces of `mask` make, or undefined when they cannot make one. */
function joinedLabel(first: GridCell, pieces: readonly Piece[], mask: number): { text: string; last: number } | undefined {
  let text = first.text;
  let valueLines = 0;
  let last = -1;
  pieces.forEach((p, k) => {
    if (!(mask & (1 << k))) return;
    last = k;
    if (p.text) text += p.text.text;
    if (p.values.length > 0) valueLines++;
  });
  // A skipped piece is a short fragment without figures; the last piece taken ends the label.
  const skippedOk = pieces.every((p, k) => mask & (1 << k) || k > last || (p.values.length === 0 && !!p.text && norm(p.text.text).length <= 6));
  if (!skippedOk || valueLines !== 1 || norm(text).length > 80) return undefined;
  return { text, last };
}

/** The last of the pieces a PDF text line has apart by spaces (a row's own label after its group's). */
function lastPiece(text: string): string {
  const k = text.search(/\S+$/);
  return k < 0 ? text : text.slice(k);
}

/**
 * The rest of a PDF text label written under its first line (grid row `r`, a label with its
 * figures): the text-only rows that follow, up to the next row with figures or the next numbered
 * piece, each giving its last piece (an earlier one is the group label's, in the column before).
 */
function labelBelow(rows: readonly GridRow[], r: number, headingStarts: ReadonlySet<number>): { label: string; consumed: GridCell[] } | undefined {
  let label = '';
  const consumed: GridCell[] = [];
  for (let j = r + 1; j < rows.length && consumed.length < 8; j++) {
    const cells = (rows[j] as GridRow).cells;
    const u = cells[0];
    if (!u || u.shape !== 'spaced' || u.kind !== 'text' || headingStarts.has(u.start) || cells.length > 1) break;
    if (!isLabelRest(u.text)) break;
    const pieces = u.text.split(/\s+/);
    label += pieces[pieces.length - 1] as string;
    consumed.push(u);
  }
  return consumed.length ? { label, consumed } : undefined;
}

/** A wrapped label's first line is short (normalised, at most this long): a paragraph is none. */
const MAX_FIRST_PIECE = 40;


/** A line under a label that may hold its rest: at most three short pieces (a group label's beside it), none numbered. */
function isLabelRest(text: string): boolean {
  const pieces = text.split(/\s+/);
  return pieces.length <= 3 && !pieces.some((p) => p.length > 8 || NUMBERED_LABEL.test(p));
}

function popcount(n: number): number {
  let c = 0;
  for (let m = n; m; m &= m - 1) c++;
  return c;
}
