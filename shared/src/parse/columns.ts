// Cells to columns, once the format version is known: the interpreter's rows (interpret.ts)
// become the model's tables. Each row's cells go to the format's columns (in place when the grid
// row has one cell per column; by order, marked as guessed, when it has fewer), each cell's text
// becomes a value with its unit kept apart, header words are matched to columns, and a run of
// glued digits is split only where the identities leave one reading.
import type { Cell, CellValue, FlattenedInfo, HeaderCell, NumberNote, Table, Table1Item, TableId, TableRow } from '../model';
import { spec, table1ItemsFor, table2RowsFor } from '../format/data';
import type { ColumnKind, ColumnSpec, FormatVersion } from '../format/schema';
import { closest, norm, normWithMap, segment } from '../text';
import { splitFlattened } from './flattened';
import type { GridCell } from '../grid/grid';
import { NUMBER_PARTS, PLACEHOLDER } from '../format/patterns';
import { placeOrphans, type RawRow, type RawTable, type RawTables } from './interpret';
import { HEADER_JOINERS, isCornerNote, table1HeaderVocabulary, table2HeaderVocabulary, table3HeaderVocabulary } from '../format/labels';

/** The notes of a figure written as plain digits: none (one array for all of them, never written to). */
const NO_NOTES: NumberNote[] = Object.freeze([]) as unknown as NumberNote[];

export function parseCellValue(raw: string, kind: ColumnKind): CellValue {
  // The common case, plain digits, without normalisation.
  if (raw.length > 0 && raw.length < 16 && /^\d+$/.test(raw)) return { kind: 'number', value: Number(raw), notes: NO_NOTES };
  // Beyond 15 digits a count cannot be exact in a double: say so rather than round it.
  if (/\d{16,}/.test(raw.replace(/[,，]/g, ''))) return { kind: 'invalid', reason: 'tooLarge' };
  const n = raw.normalize('NFKC').replace(/[\s]/g, '').replace(/，/g, ',').replace(/．/g, '.');
  if (n === '') return { kind: 'blank' };
  if (PLACEHOLDER.test(n)) return { kind: 'placeholder' };
  const m = NUMBER_PARTS.exec(n);
  if (!m) return { kind: 'invalid', reason: 'text' };
  const notes: NumberNote[] = [];
  if (/[０-９]/.test(raw)) notes.push('fullwidth');
  if ((m[2] as string).includes(',')) notes.push('thousands');
  if (m[4]) notes.push('unit');
  const value = Number((m[1] === '-' ? '-' : '') + (m[2] as string).replace(/,/g, '') + (m[3] ? '.' + m[3] : ''));
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'text' };
  if (kind !== 'money' && m[3] !== undefined && Number(m[3]) !== 0) return { kind: 'invalid', reason: 'fraction', value };
  if (kind !== 'delta' && value < 0) return { kind: 'invalid', reason: 'negative', value };
  return { kind: 'number', value: kind === 'money' ? value : Math.trunc(value), notes };
}

interface Assigned {
  cells: Cell[];
  extra: Cell[];
  valueCount: number;
  /** Columns past the row's written cells (filled from trailing blanks or missing). */
  padded: number;
}

/** Maps a row's value slots to columns in order; see docs/format.md §9 for why order is enough. */
export function assignCells(written: GridCell[], columns: readonly ColumnSpec[], anchor: { end: number; sep: string }): Assigned {
  let slots = written;
  const make = (cell: GridCell, col: ColumnSpec): Cell => ({
    columnId: col.id, raw: cell.text, value: parseCellValue(cell.text, col.kind), range: { start: cell.start, end: cell.end },
  });
  // A row of a structured table (pipes, tabs, HTML cells) with exactly one cell per column: the
  // cells stay where the writer put them, blank or not. Only a row of another width is a guess.
  // With more cells than columns, the extra ones blank at one end (label columns left empty
  // before the values, or an empty cell after them), the values keep their places all the same.
  const structured = columns.length > 0 && slots.every((s) => s.shape !== 'spaced' && s.shape !== 'glued');
  const extraCount = slots.length - columns.length;
  if (structured && extraCount > 0) {
    // (A row with no figure yet: its value cells are the last ones, after the label columns.)
    if (slots.slice(0, extraCount).every((x) => x.kind === 'blank')) slots = slots.slice(extraCount);
    else if (slots.slice(columns.length).every((x) => x.kind === 'blank')) slots = slots.slice(0, columns.length);
  }
  if (slots.length === columns.length && structured) {
    const cells = slots.map((cell, k) => (cell.kind === 'blank'
      ? { columnId: (columns[k] as ColumnSpec).id, raw: '', value: { kind: 'blank' } as CellValue, range: { start: cell.start, end: cell.end } }
      : make(cell, columns[k] as ColumnSpec)));
    return { cells, extra: [], valueCount: slots.filter((s) => s.kind !== 'blank').length, padded: 0 };
  }
  let first = 0;
  let last = slots.length - 1;
  while (first <= last && (slots[first] as GridCell).kind === 'blank') first++;
  while (last >= first && (slots[last] as GridCell).kind === 'blank') last--;
  let inner = slots.slice(first, last + 1);
  const trailingBlanks = slots.slice(last + 1);
  const nonBlank = inner.filter((s) => s.kind !== 'blank');
  // Blank cells inside a row are kept as blanks when they make up the row; otherwise they are
  // merged-cell leftovers of a Word table and dropped.
  if (inner.length > columns.length) inner = nonBlank;
  const cells: Cell[] = [];
  const extra: Cell[] = [];
  inner.forEach((cell, k) => {
    const col = columns[k];
    if (col) cells.push(make(cell, col));
    else extra.push(make(cell, columns[columns.length - 1] as ColumnSpec));
  });
  let blankIndex = 0;
  const padded = Math.max(0, columns.length - cells.length);
  for (let k = cells.length; k < columns.length; k++) {
    const col = columns[k] as ColumnSpec;
    const blank = trailingBlanks[blankIndex++];
    if (blank) cells.push({ columnId: col.id, raw: '', value: { kind: 'blank' }, range: { start: blank.start, end: blank.end } });
    else {
      const lastCell = cells[cells.length - 1];
      const at = lastCell && lastCell.range.end > anchor.end ? lastCell.range.end : anchor.end;
      // HTML has no separator that would make a new cell out of inserted text: no insertion there.
      cells.push({ columnId: col.id, raw: '', value: { kind: 'missing' }, range: { start: at, end: at }, ...(anchor.sep ? { insertPrefix: anchor.sep } : {}) });
    }
  }
  return { cells, extra, valueCount: nonBlank.length, padded };
}

/** Cells for one split of a flattened run of digits, each with its exact range. */
function splitCells(offsets: readonly number[], digits: string, parts: number[], columns: readonly ColumnSpec[]): Cell[] {
  let k0 = 0;
  return columns.map((col, k) => {
    const len = String(parts[k]).length;
    const s = offsets[k0] as number;
    const e = (offsets[k0 + len - 1] as number) + 1;
    const raw = digits.slice(k0, k0 + len);
    k0 += len;
    return { columnId: col.id, raw, value: { kind: 'number', value: parts[k] as number, notes: [] }, range: { start: s, end: e } };
  });
}

/**
 * Flattened 表2 rows with several splits that satisfy their row totals: keep the combination of
 * splits under which the column identities (I1, I2) also hold with the other rows' figures, and
 * read those rows when exactly one combination is left. Never a guess: a combination counts only
 * when an identity could actually be checked, and rows are left unread when two combinations fit.
 */
function narrowByColumns(rows: TableRow[], format: FormatVersion): void {
  const byId = new Map<string, TableRow>();
  for (const r of rows) if (!byId.has(r.rowId)) byId.set(r.rowId, r);
  const open = [...byId.values()].filter((r) => r.flattened && r.flattened.candidates.length >= 2);
  if (open.length === 0) return;
  // Several open rows are decided together (crawler text leaves many glued), within a bound.
  let combinations = 1;
  for (const r of open) combinations *= (r.flattened as FlattenedInfo).candidates.length;
  const groups = combinations <= MAX_COMBINATIONS ? [open] : open.map((r) => [r]);
  const leaves = table2RowsFor(format).filter((r) => !r.group && r.parent !== undefined && r.id !== 'total').map((r) => r.id);
  for (const group of groups) {
    const chosen = new Map<string, number[]>();
    const num = (id: string, k: number): number | undefined => {
      const v = chosen.get(id);
      if (v) return v[k];
      const c = byId.get(id)?.cells[k];
      return c && c.value.kind === 'number' ? c.value.value : undefined;
    };
    const holds = (): boolean => {
      let checked = false;
      for (let k = 0; k < spec.table2.columns.length; k++) {
        const parts = leaves.map((id) => num(id, k));
        const total = num('total', k);
        if (total !== undefined && parts.every((p) => p !== undefined)) {
          checked = true;
          if ((parts as number[]).reduce((x, y) => x + y, 0) !== total) return false;
        }
        const [a, b, c, d] = ['new', 'carried', 'total', 'carryOver'].map((id) => num(id, k));
        if (a !== undefined && b !== undefined && c !== undefined && d !== undefined) {
          checked = true;
          if (a + b !== c + d) return false;
        }
      }
      return checked;
    };
    const fits: number[][][] = [];
    const walk = (g: number): void => {
      if (fits.length > 1) return;
      if (g === group.length) {
        if (holds()) fits.push(group.map((r) => chosen.get(r.rowId) as number[]));
        return;
      }
      const row = group[g] as TableRow;
      for (const values of (row.flattened as FlattenedInfo).candidates) {
        chosen.set(row.rowId, values);
        walk(g + 1);
      }
      chosen.delete(row.rowId);
    };
    walk(0);
    if (fits.length !== 1) continue;
    group.forEach((row, g) => {
      const f = row.flattened as FlattenedInfo;
      const values = (fits[0] as number[][])[g] as number[];
      f.candidates = [values];
      row.cells = splitCells(f.offsets, f.digits, values, spec.table2.columns);
    });
  }
}

const MAX_COMBINATIONS = 4096;

/**
 * A table that leaves its zeros blank (a whole column, or many cells; real reports do both): its
 * blank cells are read as 0 for the arithmetic. A blank total is not a zero but a sum to fill in,
 * and a blank here and there stays a blank to report.
 */
function markBlanksAsZero(rows: TableRow[], isTotal: (columnId: string) => boolean): void {
  const data = rows.filter((r) => r.cells.length > 0 && !r.flattened);
  const blankIn = new Map<string, number>();
  let blanks = 0;
  let cells = 0;
  for (const r of data) {
    for (const c of r.cells) {
      if (isTotal(c.columnId)) continue;
      cells++;
      if (c.value.kind !== 'blank') continue;
      blanks++;
      blankIn.set(c.columnId, (blankIn.get(c.columnId) ?? 0) + 1);
    }
  }
  const wholeColumn = data.length >= 3 && [...blankIn.values()].some((n) => n >= data.length * 0.8);
  if (blanks < 5 || !(wholeColumn || blanks >= cells * 0.3)) return;
  // A table being filled in (most rows without a figure yet) does not leave its zeros blank: its
  // blanks are blanks, and no arithmetic is computed from them.
  const written = data.filter((r) => r.cells.some((c) => c.value.kind === 'number')).length;
  if (written < data.length / 2) return;
  for (const r of data) for (const c of r.cells) if (c.value.kind === 'blank' && !isTotal(c.columnId)) c.value = { kind: 'blank', asZero: true };
}

function flattenedCheck(tableId: TableId): ((parts: number[]) => boolean) | undefined {
  if (tableId === 'table2') return (p) => p[6] === (p[0] ?? 0) + (p[1] ?? 0) + (p[2] ?? 0) + (p[3] ?? 0) + (p[4] ?? 0) + (p[5] ?? 0);
  if (tableId === 'table3') return (p) => [0, 5, 10].every((g) => p[g + 4] === (p[g] ?? 0) + (p[g + 1] ?? 0) + (p[g + 2] ?? 0) + (p[g + 3] ?? 0));
  return undefined;
}

function buildRow(raw: RawRow, columns: readonly ColumnSpec[], tableId: TableId): TableRow {
  const { cells, extra, valueCount, padded } = assignCells(raw.slots, columns, raw.anchor);
  const row: TableRow = { rowId: raw.rowId, label: raw.label, labelRange: raw.labelRange, layout: raw.layout, cells, extraCells: extra, valueCount, padded, ...(raw.readAs ? { readAs: raw.readAs } : {}), ...(raw.placed ? { placed: true as const, read: 'inferred' as const } : {}) };
  // One run of digits where several values belong: flattened text (docs/format.md §9); or the runs
  // of figures crawler text left glued, whose spaces (if any) are cell boundaries.
  const only = raw.slots.filter((s) => s.kind !== 'blank');
  const glued = only.length > 0 && only.every((s) => s.shape === 'glued');
  // PDF text whose spaces fall inside cells ("10 0 00 0 1" for 1|0|0|0|0|0|1): a piece no count is
  // written as ("00", "05") shows that its spaces are not the cells' boundaries, so the row is
  // split like a glued one, the spaces kept as boundaries. Without such a piece a short row of PDF
  // text is blank cells that left no trace (short-row).
  const spacedInside = !glued && only.length > 1 && only.length < columns.length &&
    only.every((s) => s.shape === 'spaced' && /^\d+$/.test(s.text)) && only.some((s) => s.text.length > 1 && s.text.charCodeAt(0) === 48);
  if (columns.length > 1 && (only.length === 1 || glued || spacedInside)) {
    let digits = '';
    const offsets: number[] = [];
    const boundaries = new Set<number>();
    for (const cell of only) {
      if (digits.length > 0) boundaries.add(digits.length);
      const d = cell.text.normalize('NFKC');
      for (let k = 0; k < d.length; k++) offsets.push(cell.start + k);
      digits += d;
    }
    const first = only[0] as GridCell;
    const range = { start: first.start, end: (only[only.length - 1] as GridCell).end };
    const plain = /^\d+$/.test(digits);
    if ((plain && digits.length >= columns.length) || ((glued || spacedInside) && only.length < columns.length)) {
      const check = flattenedCheck(tableId);
      // Without an identity (表1) only a split the digits force is read ("000" in three columns).
      const candidates = plain ? splitFlattened(digits, columns.length, check, 32, boundaries) : [];
      const undetermined = !check && candidates.length !== 1;
      const info: FlattenedInfo = {
        digits, range, candidates, offsets, ...(undetermined ? { undetermined: true as const } : {}), ...(glued ? { glued: true as const } : {}),
        ...(spacedInside ? { written: only.map((s) => s.text).join(' ') } : {}),
      };
      row.flattened = info;
      row.layout = 'flattened';
      if (candidates.length === 1) {
        // The one split that fits: read it (the finding says so), each value with its exact range.
        row.cells = splitCells(offsets, digits, candidates[0] as number[], columns);
        // Chosen by the identities (inferred), unless the digits allow no other split ("0000000").
        if (!check || splitFlattened(digits, columns.length, undefined, 2, boundaries).length === 1) info.forced = true;
        else for (const c of row.cells) c.read = 'inferred';
      } else {
        row.cells = columns.map((col) => ({ columnId: col.id, raw: '', value: { kind: 'invalid', reason: 'text' }, range, read: 'unread' as const }));
      }
      row.extraCells = [];
    }
  }
  // Fewer figures than columns, put in the first columns by order: which columns they stand in is
  // not known, so none of them takes part in a relation (docs/format.md §7; short-row says so once).
  if (row.padded > 0 && row.valueCount > 0 && !row.flattened) for (const c of row.cells) if (c.value.kind === 'number') unread(c);
  return row;
}

/**
 * Header words a narrow column wrapped onto the lines below in PDF text ("商业企" over "业", "社会"
 * over "公益" over "组织", at one column of `pdftotext -layout`'s lines), joined when no piece is a
 * header word alone and together they are one.
 */
function joinStacked(cells: GridCell[], vocabulary: Map<string, unknown>, at: (offset: number) => { line: number; character: number }): GridCell[] {
  if (!cells.some((t) => t.shape === 'spaced')) return cells;
  const words = vocabularyWords(vocabulary);
  const loose = (t: GridCell | undefined): t is GridCell => t !== undefined && t.shape === 'spaced' && !vocabulary.has(norm(t.text));
  const out = [...cells];
  const used = new Set<number>();
  for (let a = 0; a < out.length && a < 200; a++) {
    const top = out[a];
    if (used.has(a) || !loose(top)) continue;
    let text = top.text;
    let last = at(top.start);
    const column = last.character;
    const taken: number[] = [];
    // Down the column, piece by piece, while the pieces so far begin a header word (at most three).
    for (let b = a + 1; b < out.length && b < a + 40 && taken.length < 2; b++) {
      const below = out[b];
      if (used.has(b) || !loose(below)) continue;
      const p = at(below.start);
      // (Another header line, of a word centred in its column, may stand between two pieces.)
      if (p.line <= last.line || p.line > last.line + 2 || Math.abs(p.character - column) > 1) continue;
      const joined = norm(text + below.text);
      if (!words.some((w) => w.startsWith(joined))) break;
      text += below.text;
      last = p;
      taken.push(b);
      if (vocabulary.has(joined)) {
        out[a] = { ...top, text };
        for (const k of taken) used.add(k);
        break;
      }
    }
  }
  return out.filter((_, k) => !used.has(k));
}

/**
 * Header words a space cut in two on one line ("商业 企业", "科研 机构": the cells of a narrow column
 * crawled as text), joined when neither piece is a header word and together they are one.
 */
function joinSplit(cells: GridCell[], vocabulary: Map<string, unknown>): GridCell[] {
  const out: GridCell[] = [];
  for (const t of cells) {
    const prev = out[out.length - 1];
    if (prev && prev.end < t.start && t.start - prev.end <= 2 && !vocabulary.has(norm(prev.text)) && !vocabulary.has(norm(t.text)) && vocabulary.has(norm(prev.text + t.text))) {
      out[out.length - 1] = { ...prev, text: `${prev.text}${t.text}`, end: t.end };
    } else out.push(t);
  }
  return out;
}

/** The one format the header words of a 表1 item belong to, if they name one and only one. */
function itemFormat(cells: readonly GridCell[]): FormatVersion | undefined {
  const found = new Set<FormatVersion>();
  const words = vocabularyWords(table1HeaderVocabulary as Map<string, unknown>);
  for (const c of cells) {
    if (c.text.length > 200) continue;
    for (const s of segment(norm(c.text), words)) {
      const formats = s.word === undefined ? undefined : table1HeaderVocabulary.get(s.word)?.formats;
      if (formats?.size === 1) found.add([...formats][0] as FormatVersion);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** A figure whose column is not known: kept out of every relation, comparison and fix. */
function unread(c: Cell): void {
  c.guessed = true;
  c.read = 'unread';
}

/** Fewer than this many figures no row took are a displaced figure or two, not a sign. */
const MIN_STRAY = 8;

/**
 * The figures no row took, for the model (absent when there are none). When they outnumber the
 * figures in the rows, the table's figures stand apart from its labels (PDF text taken column by
 * column puts every label first and the figures after): whatever the rows hold is where the
 * reader happened to find it, so every cell is marked guessed and takes part in no relation.
 */
function strayOf(t: RawTable, rowsOf: () => readonly TableRow[]): { stray?: Table['stray'] } {
  const first = t.stray.first;
  if (!first) return {};
  const rows = rowsOf();
  let read = 0;
  for (const r of rows) for (const c of r.cells) if (c.value.kind === 'number' || c.value.kind === 'placeholder') read++;
  const apart = t.stray.count >= MIN_STRAY && t.stray.count > read;
  if (apart) for (const r of rows) for (const c of r.cells) if (c.value.kind === 'number') unread(c);
  return { stray: { count: t.stray.count, range: { start: first.start, end: first.end }, ...(apart ? { apart: true as const } : {}) } };
}

export function buildTables(raw: RawTables, format: FormatVersion, positionOf: (offset: number) => { line: number; character: number }): Partial<Record<TableId, Table>> {
  const lineOf = (offset: number) => positionOf(offset).line;
  const out: Partial<Record<TableId, Table>> = {};
  const t1 = raw.table1;
  if (t1) {
    const items: Table1Item[] = t1.items.map((it) => {
      // An item whose header words are all of the other format (a 2021 report keeping the 2019
      // 表1) has that format's columns: its figures are read in them, or not at all.
      const own = itemFormat(it.headerCells) ?? format;
      const specItem = table1ItemsFor(own).find((x) => x.item === it.item) ?? table1ItemsFor(own === '2021' ? '2019' : '2021').find((x) => x.item === it.item);
      const columns = specItem?.columns ?? [];
      const headers = readHeaders(it.headerCells, table1HeaderVocabulary as Map<string, unknown>, (k) => (table1HeaderVocabulary.get(k)?.columnId), columns.map((c) => c.label));
      const rows = it.rows.map((r) => buildRow(r, columns, 'table1'));
      return { item: it.item, labelRange: it.labelRange, headers, rows };
    });
    out.table1 = {
      id: 'table1', range: { start: t1.start, end: t1.end }, start: lineOf(t1.start), rows: items.flatMap((i) => i.rows),
      headers: items.flatMap((i) => i.headers), items, unknownLabels: t1.unknownLabels, ...strayOf(t1, () => items.flatMap((i) => i.rows)), read: 'sure',
    };
  }
  const t2 = raw.table2;
  if (t2) {
    placeOrphans(t2, format);
    const table2Rows = t2.rows.map((r) => {
      // A heading row ("（三）不予公开") carries no cells unless the writer put values on it.
      const rowSpec = table2RowsFor(format).find((x) => x.id === r.rowId);
      return rowSpec?.group && r.slots.every((x) => x.kind === 'blank') ? { ...buildRow(r, [], 'table2'), cells: [] } : buildRow(r, spec.table2.columns, 'table2');
    });
    narrowByColumns(table2Rows, format);
    markBlanksAsZero(table2Rows, (id) => id === 'total');
    const words = t2.headerCells.filter((h) => !isCornerNote(h.text));
    const headers = readHeaders(joinSplit(joinStacked(words, table2HeaderVocabulary as Map<string, unknown>, positionOf), table2HeaderVocabulary as Map<string, unknown>), table2HeaderVocabulary as Map<string, unknown>, (k) => table2HeaderVocabulary.get(k), spec.table2.columns.map((c) => c.label));
    out.table2 = {
      id: 'table2', range: { start: t2.start, end: t2.end }, start: lineOf(t2.start), rows: table2Rows,
      headers, items: [], unknownLabels: t2.unknownLabels, ...strayOf(t2, () => table2Rows), read: 'sure',
    };
  }
  const t3 = raw.table3;
  if (t3) {
    const headers = readHeaders(t3.headerCells, table3HeaderVocabulary as Map<string, unknown>, (k) => table3HeaderVocabulary.get(k), [...table3HeaderVocabulary.keys()]);
    const rows = t3.rows.filter((r) => r.slots.length > 0).map((r) => buildRow(r, spec.table3.columns, 'table3'));
    out.table3 = {
      id: 'table3', range: { start: t3.start, end: t3.end }, start: lineOf(t3.start),
      rows, headers, items: [], unknownLabels: [], ...strayOf(t3, () => rows), read: 'sure',
    };
    markBlanksAsZero(out.table3.rows, (id) => id.endsWith('.total'));
  }
  return out;
}

const wordLists = new WeakMap<Map<string, unknown>, string[]>();
function vocabularyWords(vocabulary: Map<string, unknown>): string[] {
  let w = wordLists.get(vocabulary);
  if (!w) wordLists.set(vocabulary, (w = [...vocabulary.keys()]));
  return w;
}

/** Header cells: each cell split into known words; unknown stretches get a suggestion. */
function readHeaders(cells: GridCell[], vocabulary: Map<string, unknown>, columnOf: (word: string) => string | undefined, suggestions: string[]): HeaderCell[] {
  const out: HeaderCell[] = [];
  const words = vocabularyWords(vocabulary);
  const normalizedSuggestions = suggestions.map((s) => norm(s));
  for (const cell of cells) {
    if (cell.text.length > 200) continue;
    const { text: n, map } = normWithMap(cell.text);
    const whole = vocabulary.has(n);
    const segs = whole ? [{ start: 0, end: n.length, word: n }] : segment(n, words);
    for (const s of segs) {
      const startOffset = cell.start + (map[s.start] ?? 0);
      const endOffset = cell.start + (map[s.end - 1] ?? cell.text.length - 1) + 1;
      const range = { start: startOffset, end: endOffset };
      const original = cell.text.slice(range.start - cell.start, range.end - cell.start);
      if (s.word !== undefined) {
        const columnId = columnOf(s.word);
        out.push({ text: original, range, known: true, ...(columnId ? { columnId } : {}) });
      } else {
        const unknown = n.slice(s.start, s.end);
        // What joins the levels of a flattened two-level header is no header of its own.
        if (unknown.replace(HEADER_JOINERS, '') === '') continue;
        const guess = closest(unknown, normalizedSuggestions);
        const idx = guess === undefined ? -1 : normalizedSuggestions.indexOf(guess);
        out.push({ text: original, range, known: false, ...(idx >= 0 ? { suggestion: suggestions[idx] as string } : {}) });
      }
    }
  }
  return out;
}
