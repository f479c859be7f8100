// The interpreter: from the grid's rows (grid/grid.ts) to the format's three tables, whatever
// reader made the rows. It walks the rows top to bottom and, in each row, its cells left to
// right; a label cell names a row of the format (by its words, or by its number and place), the
// value cells after it in the same grid row are that row's cells, header rows give the words the
// columns are later found by. Which column each cell is, and its value, waits until the format
// version is known (columns.ts), because the columns depend on it.
//
// Each cell goes through these stages in order; the first that takes it wins. A stage returns the
// index of the last cell it took (the walk goes on after it), or undefined for "not mine".
//   1. a section heading ends any table;
//   2. a converter's generic header row ("| 类别 | 数据1 | … |") is header, never data, and so is
//      表2's header repeated inside its body (a page break under Word's repeated header row);
//   3. a value cell in the row being read is that row's next cell;
//   4. figures with no label before them: the values of a label that wrapped above them, a 表2
//      row whose label a converter cut off (placed once the format is known, placeOrphans), or
//      表3's data row; any other figure among a table's rows is counted as stray;
//   5. 第二十条 item markers and 表1 header rows;
//   6. 表2's corner note and header words;
//   7. a label and its glued digits, cut apart by the reader (readers/gluedLabels.ts): the row
//      they name, in 表1's item or in 表2;
//   8. a 表2 or 表1 row label (PDF-text labels wrapped over lines arrive joined by the reader:
//      readers/wrappedLabels.ts); 表3's header;
//   9. repairs, each reported later: a label broken over two cells, the rest of a label, a
//      numbered sub-row with a typo, an unknown label (its values swallowed, not given to another).
import type { Layout, Table, TableId } from '../model';
import type { GridCell, GridRow } from '../grid/grid';
import { NUMBERED_LABEL } from '../format/patterns';
import { spec, table1ItemsFor, table2RowsFor } from '../format/data';
import type { FormatVersion } from '../format/schema';
import { closest, norm, onlyWords, segment, stripNumbering, type Range } from '../text';
import {
  HEADER_JOINERS, isApplicantHeader, isCornerNote, isSentence, isTable1HeaderMarker, isTable2Header, isTable3Header, matchArticle20Item, matchTable1Row, matchTable2Row,
  table1LabelTexts, table2LabelTexts, TABLE3_WORDS,
} from '../format/labels';

export interface RawRow {
  rowId: string;
  label: string;
  /** The format's label, when the row was read from a label that differs (by number and place). */
  readAs?: string;
  labelRange: Range;
  /** The grid row its value cells stand in (-1: none, or spread over rows). */
  row: number;
  slots: GridCell[];
  layout: Layout;
  /** Cell after which a missing value would be written. */
  anchor: { end: number; sep: string };
  /** Figures without a label, placed by the order of the format (placeOrphans). */
  placed?: true;
}

export interface RawItem {
  item: number;
  labelRange: Range;
  headerCells: GridCell[];
  rows: RawRow[];
}

export interface RawTable {
  id: TableId;
  start: number;
  end: number;
  headerCells: GridCell[];
  rows: RawRow[];
  items: RawItem[];
  unknownLabels: Table['unknownLabels'];
  /** 表2 rows of figures without a label, with the number of rows read before them. */
  orphans: Array<{ after: number; slots: GridCell[] }>;
  /** Figures in the table that no row took: how many, and the first. */
  stray: { count: number; first?: GridCell };
}

export type RawTables = Partial<Record<TableId, RawTable>>;

/** Reads the tables of a grid. `headingStarts` are the offsets of section headings; `reach`,
 *  where the text of a label cell the reader joined ends when past its range. */
export function interpret(rows: readonly GridRow[], headingStarts: ReadonlySet<number>, reach: ReadonlyMap<GridCell, number> = new Map()): RawTables {
  return new Interpreter(rows, headingStarts, reach).read();
}

type Mode = 'none' | 't1' | 't2head' | 't2body' | 't3head' | 't3data';

const MAX_UNKNOWN_LABEL = 40;
const HAS_DIGIT = /[0-9０-９]/;

class Interpreter {
  private readonly tables: RawTables = {};
  private mode: Mode = 'none';
  /** The row whose value cells follow in its grid row. */
  private current: RawRow | undefined;
  /** The 第二十条 item of 表1 being read. */
  private item: RawItem | undefined;
  /** The grid row of 表1's header being read. */
  private t1HeaderRow = -1;
  private t3Row: RawRow | undefined;
  /** Cells already read as the rest of a label broken over two cells (9a). */
  private readonly consumed = new Set<GridCell>();

  constructor(private readonly rows: readonly GridRow[], private readonly headingStarts: ReadonlySet<number>, private readonly reach: ReadonlyMap<GridCell, number>) {}

  read(): RawTables {
    for (let r = 0; r < this.rows.length; r++) {
      const cells = (this.rows[r] as GridRow).cells;
      for (let c = 0; c < cells.length; c++) if (!this.consumed.has(cells[c] as GridCell)) c = this.readCell(cells, c);
    }
    return this.tables;
  }

  // ---------------------------------------------------------------- the grid around a cell
  // The cell before and after in reading order: across the end of a grid row into the next one
  // (`cells[c + 1]` is the next cell of the same row only).

  private before(cells: readonly GridCell[], c: number): GridCell | undefined {
    if (c > 0) return cells[c - 1];
    const above = this.rows[(cells[0] as GridCell).row - 1]?.cells;
    return above?.[above.length - 1];
  }

  private after(cells: readonly GridCell[], c: number): GridCell | undefined {
    return c + 1 < cells.length ? cells[c + 1] : this.rows[(cells[0] as GridCell).row + 1]?.cells[0];
  }

  // ---------------------------------------------------------------- tables being built

  private open(id: TableId, at: GridCell): RawTable {
    let t = this.tables[id];
    if (!t) {
      t = { id, start: at.start, end: at.end, headerCells: [], rows: [], items: [], unknownLabels: [], orphans: [], stray: { count: 0 } };
      this.tables[id] = t;
    }
    return t;
  }

  private touch(id: TableId, cell: GridCell): void {
    const t = this.tables[id];
    const end = this.reach.size > 0 ? Math.max(cell.end, this.reach.get(cell) ?? 0) : cell.end;
    if (t && end > t.end) t.end = end;
  }

  private tableOfMode(): TableId | undefined {
    const m = this.mode;
    return m === 't1' ? 'table1' : m === 't2head' || m === 't2body' ? 'table2' : m === 't3head' || m === 't3data' ? 'table3' : undefined;
  }

  /** Header words taken for a table (or a 表1 item): the stage's answer for the cell at `c`. */
  private header(id: TableId, into: GridCell[] | undefined, words: readonly GridCell[], at: GridCell, c: number): number {
    into?.push(...words);
    this.touch(id, at);
    return c;
  }

  /** A row read goes to 表2, or to the 第二十条 item being read. */
  private addRow(tid: TableId, row: RawRow): void {
    if (tid === 'table2') this.tables.table2?.rows.push(row);
    else this.item?.rows.push(row);
  }

  // ---------------------------------------------------------------- the stages

  /** Reads the cell at `c` of a grid row; returns the index of the last cell it took. */
  private readCell(cells: readonly GridCell[], c: number): number {
    const t = cells[c] as GridCell;
    // 1. A section heading ends any table.
    if (this.headingStarts.has(t.start)) {
      this.current = undefined;
      this.t1HeaderRow = -1;
      this.mode = 'none';
      return c;
    }
    // 2. A converter's generic header row ("| 类别 | 数据1 | … | 总计 |", "| 项目 | 本年新收件数 | … |"), in
    // a table or between the pieces of one: header cells, never a row or values.
    if (c === 0 && (t.shape === 'delimited' || t.shape === 'drawn') && isGenericHeaderRow(cells)) {
      if (this.mode === 't2head' || this.mode === 't2body') {
        this.tables.table2?.headerCells.push(...cells.filter((x) => x.kind !== 'blank'));
        this.touch('table2', cells[cells.length - 1] as GridCell);
      }
      this.current = undefined;
      return cells.length - 1;
    }
    // 2b. 表2's header again inside its body (a PDF of a Word table whose header row repeats on
    // each page): header words only, no figure; not rows ("其他", "总计" are also row words).
    if (c === 0 && this.mode === 't2body' && isRepeatedHeaderRow(cells)) {
      this.current = undefined;
      return cells.length - 1;
    }
    // 3. A value cell of the row being read.
    if (this.current && t.row === this.current.row && (t.kind !== 'text' || isJunkCell(t, this.mode === 't2body'))) {
      this.current.slots.push(t);
      this.current.anchor = { end: t.end, sep: t.sep };
      const tid = this.tableOfMode();
      if (tid) this.touch(tid, t);
      return c;
    }
    if (t.kind !== 'text') return this.figuresWithoutLabel(cells, c);
    if (this.mode === 't3data') this.mode = 'none';
    this.current = undefined;
    return this.table1Marker(cells, c) ?? this.table2Header(cells, c) ?? this.gluedLabel(cells, c) ?? this.rowLabel(cells, c) ?? this.repairs(cells, c);
  }

  /** 4. Figures with no label before them in their grid row. */
  private figuresWithoutLabel(cells: readonly GridCell[], c: number): number {
    const t = cells[c] as GridCell;
    const tables = this.tables;
    // A line of values alone, under a label that wrapped (PDF text: "（二）部分公开（区分处理的，只计这一情 形，不"
    // / "计其他情形）" / "9 0 0 0 0 0 9"): the values of that label's row.
    const waiting = this.mode === 't2body' ? tables.table2?.rows[tables.table2.rows.length - 1] : this.mode === 't1' ? this.item?.rows[this.item.rows.length - 1] : undefined;
    // In a structured table (pipes, tabs) only right under its label; a figure alone in 表2 is
    // no row ("1", a converter's displaced figure). In 表2 of a structured layout a row of
    // figures without its label is placed by the order of the format instead (placeOrphans): a
    // label standing above it may be another row's.
    const adjacent = t.shape === 'spaced' || t.shape === 'glued' || (this.mode === 't1' && this.before(cells, c)?.end === waiting?.labelRange.end);
    if (t.kind === 'value' && waiting && waiting.slots.length === 0 && !GROUP_ROWS.has(waiting.rowId) && c === 0 && t.shape !== 'drawn' && adjacent && (this.mode === 't1' || t.shape === 'glued' || countFrom(cells, c, (x) => x.kind === 'value', 2) >= 2)) {
      waiting.row = t.row;
      waiting.slots.push(t);
      waiting.anchor = { end: t.end, sep: t.sep };
      this.current = waiting;
      this.touch(this.mode === 't1' ? 'table1' : 'table2', t);
      return c;
    }
    // A row of figures with no label in 表2 (a converter cut it off): placed later by the order
    // of the format, where that order leaves no doubt (placeOrphans).
    if (this.mode === 't2body' && tables.table2 && c === 0 && t.shape !== 'spaced' && t.shape !== 'glued') {
      let j = c;
      while (j < cells.length && (cells[j] as GridCell).kind !== 'text') j++;
      const slots = cells.slice(c, j);
      if (j === cells.length && slots.filter((x) => x.kind === 'value').length >= 2) {
        tables.table2.orphans.push({ after: tables.table2.rows.length, slots });
        this.touch('table2', slots[slots.length - 1] as GridCell);
        return j - 1;
      }
    }
    // 表3's data row, also when not filled in yet (fifteen blank cells under its header).
    const blankRow = this.mode === 't3head' && t.kind === 'blank' && c === 0 && countFrom(cells, c, (x) => x.kind === 'blank', spec.table3.columns.length) >= spec.table3.columns.length;
    const t3Row = this.t3Row;
    if ((this.mode === 't3head' || this.mode === 't3data') && t3Row && (t.kind === 'value' || this.mode === 't3data' || blankRow)) {
      if (this.mode === 't3head') {
        t3Row.row = t.row;
        t3Row.layout = t.layout;
        t3Row.labelRange = { start: t.start, end: t.start };
      }
      this.mode = 't3data';
      t3Row.slots.push(t);
      t3Row.anchor = { end: t.end, sep: t.sep };
      this.touch('table3', t);
      return c;
    }
    // A figure among a table's rows that no row takes (not a placeholder, not in a header):
    // counted, so that a table whose figures all stand apart from their labels is not taken for
    // one not filled in (columns.ts, strayOf).
    const table = this.mode === 't2body' ? tables.table2 : this.mode === 't1' && this.item ? tables.table1 : undefined;
    if (table && t.kind === 'value' && HAS_DIGIT.test(t.text)) {
      table.stray.count++;
      table.stray.first ??= t;
    }
    return c;
  }

  /** 5. A 第二十条 item marker, or a row of 表1's header. */
  private table1Marker(cells: readonly GridCell[], c: number): number | undefined {
    const t = cells[c] as GridCell;
    const text = t.text;
    const itemNo = matchArticle20Item(text);
    if (itemNo !== undefined) {
      const t1 = this.open('table1', t);
      this.mode = 't1';
      this.item = { item: itemNo, labelRange: { start: t.start, end: t.end }, headerCells: [], rows: [] };
      t1.items.push(this.item);
      this.t1HeaderRow = -1;
      this.touch('table1', t);
      return c;
    }
    if (this.mode !== 't1') return undefined;
    const item = this.item;
    if (isTable1HeaderMarker(text)) {
      // A header row that names one item's columns ("本年制发件数…") belongs to that item, when the
      // converter moved it away from its item marker (the marker stands elsewhere with no rows).
      const target = itemOfHeader(cells.slice(c + 1));
      const moved = target !== undefined && item && item.item !== target ? this.tables.table1?.items.find((x) => x.item === target && x.rows.length === 0) : undefined;
      if (moved) this.item = moved;
      this.t1HeaderRow = t.row;
      this.touch('table1', t);
      return c;
    }
    if (!item) return undefined;
    if (t.shape !== 'drawn' && /\s/.test(text) && isTable1HeaderMarker(text.split(/\s+/)[0] as string)) {
      // PDF text: the whole header row on one line, its words apart ("信息内容   本年制发件数   本年废止件数").
      this.t1HeaderRow = t.row;
      return this.header('table1', item.headerCells, splitWords(t).slice(1), t, c);
    }
    if (t.shape !== 'drawn' && text.length > 4 && text.length <= 80 && text.startsWith('信息内容') && !/\s/.test(text)) {
      // Crawler text: the header row glued ("信息内容本年制发件数本年废止件数现行有效件数"); its
      // words are found by the header reader.
      this.t1HeaderRow = t.row;
      return this.header('table1', item.headerCells, [{ ...t, text: text.slice(4), start: t.start + 4 }], t, c);
    }
    if (t.row === this.t1HeaderRow) return this.header('table1', item.headerCells, [t], t, c);
    return undefined;
  }

  /** 6. 表2's corner note, and its header words. */
  private table2Header(cells: readonly GridCell[], c: number): number | undefined {
    const t = cells[c] as GridCell;
    const text = t.text;
    if (isCornerNote(text) || isApplicantHeader(text)) {
      const t2 = this.open('table2', t);
      this.mode = 't2head';
      // PDF text: the note's lines share their lines with header words, apart by wide gaps
      // ("（本列数据的勾稽关系为：      申请人情况      总计" / "第一项加第二项之和，等于   自然人   法人或其他组织").
      if (t.shape === 'spaced' && isCornerNote(text) && /\S\s{2,}\S/.test(text)) {
        const re = /\S+(?: \S+)*/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text))) {
          const piece = { ...t, text: m[0], start: t.start + m.index, end: t.start + m.index + m[0].length };
          if (isCornerNote(m[0])) t2.headerCells.push(piece);
          else t2.headerCells.push(...splitWords(piece));
        }
        this.touch('table2', t);
        return c;
      }
      t2.headerCells.push(t);
      // Header words after the corner note on the same line (PDF text): "…之和） 申请人情况 总计".
      const close = Math.max(text.lastIndexOf('）'), text.lastIndexOf(')'));
      if (isCornerNote(text) && close >= 0 && text.slice(close + 1).trim() !== '') {
        const restStart = t.start + close + 1;
        const rest = text.slice(close + 1);
        const lead = rest.length - rest.trimStart().length;
        const words = { ...t, text: rest.trim(), start: restStart + lead, end: t.end };
        t2.headerCells.push(...(t.shape === 'spaced' ? splitWords(words) : [words]));
      }
      this.touch('table2', t);
      return c;
    }
    if (this.mode === 't2head' && isTable2Header(text)) return this.header('table2', this.tables.table2?.headerCells, [t], t, c);
    if (this.mode === 't2head' && norm(text).length <= 40 && !matchTable2Row(text, { inBody: false })) {
      // Header words broken over lines in PDF text ("社会 法律" / "公益 服务 其他" / "组织 机构"): header
      // cells all the same, recognised or not; the rows are read by their labels.
      return this.header('table2', this.tables.table2?.headerCells, t.shape === 'drawn' ? [t] : splitWords(t), t, c);
    }
    return undefined;
  }

  /** 7. A label with its digits run into it (a web copy: "一、本年新收政府信息公开申请数量713000074"),
   *  which the reader wrote as the label and one glued value cell (readers/gluedLabels.ts). */
  private gluedLabel(cells: readonly GridCell[], c: number): number | undefined {
    const t = cells[c] as GridCell;
    const digits = cells[c + 1];
    if (t.shape !== 'glued' || digits?.shape !== 'glued' || digits.kind !== 'value') return undefined;
    const r1 = this.mode === 't1' && this.item ? matchTable1Row(t.text) : undefined;
    const r2 = r1 ? undefined : matchTable2Row(t.text, { inBody: true });
    const tid: TableId = r1 ? 'table1' : 'table2';
    if (r2) {
      this.open('table2', t);
      this.mode = 't2body';
    }
    const rid = r2?.id ?? r1?.id;
    if (!rid) return undefined;
    const row = newRow(rid, t.text, { start: t.start, end: t.end }, t);
    row.slots.push(digits);
    row.anchor = { end: digits.end, sep: digits.sep };
    this.addRow(tid, row);
    this.touch(tid, digits);
    return c + 1;
  }

  /** 8. A label of 表2 or 表1 as written, or 表3's header. */
  private rowLabel(cells: readonly GridCell[], c: number): number | undefined {
    const t = cells[c] as GridCell;
    const text = t.text;
    const mode = this.mode;
    const followedByValues = cells[c + 1]?.kind === 'value';
    let row2 = mode === 't3head' ? undefined : matchTable2Row(text, { inBody: mode === 't2body' });
    // Outside a table, a phrase that contains a row's words is narrative ("运用第三方检测平台…"): a
    // row opens table 2 only when it is numbered or has values beside it.
    if (row2 && mode !== 't2head' && mode !== 't2body' && stripNumbering(norm(text)).numbering.length === 0 && !followedByValues) row2 = undefined;
    // A sentence ending in a figure ("…部分公开答复 0 件，不予公开答复 2") is narrative, not a row.
    if (row2 && mode !== 't2head' && mode !== 't2body' && isSentence(text)) row2 = undefined;
    if (row2) {
      const t2 = this.open('table2', t);
      // A row turned into a heading by a converter ("### 一、本年新收…") and then written again
      // with its values in the table below: one row.
      const previous = t2.rows[t2.rows.length - 1];
      if (previous && previous.rowId === row2.id && previous.slots.length === 0) t2.rows.pop();
      this.mode = 't2body';
      // A group label written again where Word broke the table across a page (a second rowspan
      // cell "三、本年度办理结果"): the same group, not a second row.
      // So is a row's label written again before a sub-row's label in the same grid row
      // ("（六）其他处理 | 2.申请人逾期…" on every row of the group): a group label there.
      const groupAgain = t2.rows.some((r) => r.rowId === row2.id) && cells[c + 1]?.kind === 'text' && !!matchTable2Row(cells[c + 1]!.text, { inBody: true });
      if ((GROUP_ROWS.has(row2.id) && t2.rows.some((r) => r.rowId === row2.id) && !followedByValues) || groupAgain) {
        this.touch('table2', t);
        return c;
      }
      this.current = newRow(row2.id, text, { start: t.start, end: t.end }, t);
      t2.rows.push(this.current);
      this.touch('table2', t);
      return c;
    }
    if (mode === 't1' && this.item) {
      const row1 = matchTable1Row(text);
      if (row1) {
        this.current = newRow(row1.id, text, { start: t.start, end: t.end }, t);
        this.item.rows.push(this.current);
        this.touch('table1', t);
        return c;
      }
    }
    if (isTable3Header(text) && mode !== 't2head') {
      const t3 = this.open('table3', t);
      this.mode = 't3head';
      t3.headerCells.push(t);
      if (!this.t3Row) {
        this.t3Row = { rowId: spec.table3.rowId, label: '', labelRange: { start: t.end, end: t.end }, row: -1, slots: [], layout: t.layout, anchor: { end: t.end, sep: t.sep } };
        t3.rows.push(this.t3Row);
      }
      this.touch('table3', t);
      return c;
    }
    if (mode === 't3head' && isTable3HeaderWordOnly(text)) {
      this.tables.table3?.headerCells.push(t);
      return c;
    }
    return undefined;
  }

  /** 9. Not a label as written: the repairs real reports need, each reported later. */
  private repairs(cells: readonly GridCell[], c: number): number {
    const t = cells[c] as GridCell;
    const text = t.text;
    const tid = this.tableOfMode();
    if (!tid || tid === 'table3') return c;
    // 9a. A label broken over two cells or lines (the next cell may open the next grid row): "（六）其他处理1.申请人…其政府" + "信息公开申请";
    // not when the next text is numbered: that is the next label, not the rest of this one.
    const next = this.after(cells, c);
    if (next && next.kind === 'text' && !this.consumed.has(next) && norm(text).length + norm(next.text).length <= 60 && !NUMBERED_LABEL.test(next.text.trim())) {
      const joined = text + next.text;
      const rid = (tid === 'table2' ? matchTable2Row(joined, { inBody: true }) : matchTable1Row(joined))?.id;
      if (rid) {
        this.current = newRow(rid, joined, { start: t.start, end: next.end }, next);
        this.addRow(tid, this.current);
        this.touch(tid, next);
        this.consumed.add(next);
        return c;
      }
    }
    // 9b. The rest of a label whose first part was recognised and that has no values yet.
    const table = this.tables[tid];
    const lastRow = tid === 'table2' ? table?.rows[table.rows.length - 1] : this.item?.rows[this.item.rows.length - 1];
    const followedByValues = cells[c + 1]?.kind === 'value';
    if (lastRow && lastRow.slots.length === 0 && !GROUP_ROWS.has(lastRow.rowId) && norm(text).length <= 24 && this.before(cells, c)?.end === lastRow.labelRange.end) {
      lastRow.label += text;
      lastRow.labelRange = { start: lastRow.labelRange.start, end: t.end };
      lastRow.row = t.row;
      lastRow.anchor = { end: t.end, sep: t.sep };
      this.current = lastRow;
      return c;
    }
    // 9c. A numbered sub-row whose words differ from the format's (a typo, "2.其他法律行政止公开"):
    // its number and its place under a group determine the row when the words are close.
    const byNumber = tid === 'table2' && followedByValues && table ? rowByNumber(text, table.rows) : undefined;
    if (byNumber && table && !table.rows.some((r) => r.rowId === byNumber.id)) {
      this.current = newRow(byNumber.id, text, { start: t.start, end: t.end }, t);
      this.current.readAs = byNumber.label;
      table.rows.push(this.current);
      this.touch(tid, t);
      return c;
    }
    // 9d. An unknown label with values: reported with the likely intended label, its values
    // swallowed so that they are not read as another row's.
    if (followedByValues && table && norm(text).length <= MAX_UNKNOWN_LABEL) {
      const candidates = tid === 'table2' ? table2LabelTexts : table1LabelTexts;
      const guess = closest(stripNumbering(norm(text)).rest, candidates.map((x) => x.text));
      const suggestion = candidates.find((x) => x.text === guess)?.label;
      table.unknownLabels.push({ text, range: { start: t.start, end: t.end }, ...(suggestion ? { suggestion } : {}) });
      let j = c + 1;
      while (j < cells.length && (cells[j] as GridCell).kind !== 'text') j++;
      return j - 1;
    }
    return c;
  }
}

function newRow(rowId: string, label: string, range: Range, at: GridCell): RawRow {
  return { rowId, label, labelRange: range, row: at.row, slots: [], layout: at.layout, anchor: { end: range.end, sep: at.sep } };
}

/** The 第二十条 item whose columns (and no other item's) a header row's words name, if one does. */
function itemOfHeader(cells: readonly GridCell[]): number | undefined {
  const words = new Set<string>();
  for (const x of cells) if (x.kind === 'text') words.add(norm(x.text));
  if (words.size === 0) return undefined;
  const items = new Set<number>();
  for (const { item, labels } of itemColumnWords()) if ([...words].every((w) => labels.has(w))) items.add(item);
  return items.size === 1 ? [...items][0] : undefined;
}

let columnWords: Array<{ item: number; labels: Set<string> }> | undefined;
/** Each 第二十条 item's column words, in both formats (built once). */
function itemColumnWords(): Array<{ item: number; labels: Set<string> }> {
  columnWords ??= (['2021', '2019'] as const).flatMap((format) => table1ItemsFor(format).map((it) => ({ item: it.item, labels: new Set(it.columns.flatMap((c) => [c.label, ...c.aliases].map(norm))) })));
  return columnWords;
}

/** Cells of a row from `c` on that pass `test`, counted up to `enough`. */
function countFrom(cells: readonly GridCell[], c: number, test: (t: GridCell) => boolean, enough: number): number {
  let n = 0;
  for (let j = c; j < cells.length && n < enough; j++) if (test(cells[j] as GridCell)) n++;
  return n;
}

/**
 * 表2 rows of figures whose labels a converter cut off: between two rows read by their labels,
 * the rows the format puts there and the document has no figures for are filled, in order, from
 * the label-less rows found between them, only when there are exactly as many of each. Said once
 * (row-placed); anything else is left unread. Runs once the format is known.
 */
export function placeOrphans(t: RawTable, format: FormatVersion): void {
  if (t.orphans.length === 0) return;
  const order = table2RowsFor(format).filter((r) => !r.group).map((r) => r.id);
  const anchors = t.rows.map((r, k) => ({ k, at: order.indexOf(r.rowId), filled: r.slots.some((x) => x.kind !== 'blank') })).filter((a) => a.filled && a.at >= 0);
  const has = new Set(t.rows.filter((r) => r.slots.some((x) => x.kind !== 'blank')).map((r) => r.rowId));
  const inserts = new Map<number, RawRow[]>();
  // The table's start and end bound the first and the last gap.
  anchors.unshift({ k: -1, at: -1, filled: true });
  anchors.push({ k: t.rows.length, at: order.length, filled: true });
  for (let a = 0; a + 1 < anchors.length; a++) {
    const from = anchors[a] as { k: number; at: number };
    const to = anchors[a + 1] as { k: number; at: number };
    if (to.at <= from.at) continue;
    const missing = order.slice(from.at + 1, to.at).filter((id) => !has.has(id));
    const orphans = t.orphans.filter((o) => o.after > from.k && o.after <= to.k);
    // (after counts the rows read before the orphan: one after row k has after = k + 1.)
    if (missing.length === 0 || missing.length !== orphans.length) continue;
    missing.forEach((id, m) => {
      const o = orphans[m] as { slots: GridCell[] };
      const first = o.slots[0] as GridCell;
      const last = o.slots[o.slots.length - 1] as GridCell;
      const existing = t.rows.find((r) => r.rowId === id && r.slots.length === 0);
      const row: RawRow = existing ?? { rowId: id, label: '', labelRange: { start: first.start, end: first.start }, row: first.row, slots: [], layout: first.layout, anchor: { end: last.end, sep: last.sep } };
      row.slots = o.slots;
      row.row = first.row;
      row.anchor = { end: last.end, sep: last.sep };
      row.placed = true;
      if (!existing) inserts.set(to.k, [...(inserts.get(to.k) ?? []), row]);
      has.add(id);
    });
    t.orphans = t.orphans.filter((o) => !orphans.includes(o));
  }
  if (inserts.size > 0) t.rows = t.rows.flatMap((r, k) => [...(inserts.get(k) ?? []), r]);
}

const GENERIC_HEADER = /^(?:类别|项目|序号|名称|数量|[(（]?数据项目[)）]?|数据\d+|列\d+)$/;

/** A header row a converter wrote: it starts with a generic word, or names its columns 数据1…. */
function isGenericHeaderRow(cells: readonly GridCell[]): boolean {
  const texts: string[] = [];
  for (const c of cells) {
    if (c.kind === 'blank') continue;
    const x = norm(c.text);
    // Every cell of such a row is a generic word: most rows are told apart by their first cell.
    if (texts.length === 0 && !GENERIC_HEADER.test(x) && x !== '总计') return false;
    texts.push(x);
  }
  if (texts.length < 2) return false;
  if (/^(?:类别|项目|序号|名称|[(（]?数据项目[)）]?)$/.test(texts[0] as string)) return true;
  return texts.filter((x) => /^数据\d+$/.test(x)).length >= 2 && texts.every((x) => GENERIC_HEADER.test(x) || x === '总计');
}

/** A row of 表2's header words alone (at least two), as Word repeats it at the top of each page. */
function isRepeatedHeaderRow(cells: readonly GridCell[]): boolean {
  let words = 0;
  for (const x of cells) {
    if (x.kind === 'blank') continue;
    if (x.kind !== 'text' || !(isTable2Header(x.text) || isCornerNote(x.text))) return false;
    words++;
  }
  return words >= 2;
}

/** 表2 rows that only group sub-rows: they never carry the values of a line below them. */
const GROUP_ROWS = new Set(spec.table2.rows.filter((r) => r.group && spec.table2.rows.filter((x) => x.id === r.id).every((x) => x.group)).map((r) => r.id));

/** "2.其他法律行政止公开" under 1.属于国家秘密: the sub-row numbered 2 of the same group, if its words are close. */
function rowByNumber(text: string, rows: readonly RawRow[]): { id: string; label: string } | undefined {
  const { numbering, rest } = stripNumbering(norm(text));
  const n = /^(\d+)\.$/.exec(numbering[numbering.length - 1] ?? '')?.[1];
  if (!n || rest.length < 2) return undefined;
  // The group of the nearest row above that belongs to one (the vertical group label, printed
  // mid-height in PDF text, may stand between the sub-rows).
  let group: string | undefined;
  for (let k = rows.length - 1; k >= 0 && !group; k--) {
    const id = (rows[k] as RawRow).rowId;
    if (id.includes('.')) group = id.slice(0, id.indexOf('.'));
    else if (GROUP_ROWS.has(id) && id !== 'results') group = id;
  }
  if (!group) return undefined;
  const candidate = spec.table2.rows.find((r) => r.parent === group && stripNumbering(norm(r.label)).numbering[0] === `${n}.`);
  if (!candidate) return undefined;
  const canonical = stripNumbering(norm(candidate.label)).rest;
  return closest(rest, [canonical]) ? { id: candidate.id, label: candidate.label } : undefined;
}

/** The words of a PDF text cell that stand apart by spaces, each a cell with its own range. */
function splitWords(t: GridCell): GridCell[] {
  const out: GridCell[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t.text))) out.push({ ...t, text: m[0], start: t.start + m.index, end: t.start + m.index + m[0].length });
  return out;
}

function isTable3HeaderWordOnly(text: string): boolean {
  const n = norm(text).replace(HEADER_JOINERS, '');
  return n.length > 0 && n.length <= 60 && onlyWords(n, TABLE3_WORDS);
}

/** A short non-numeric text in a value position ("O", "十二"): an invalid cell, not a label. */
function isJunkCell(t: GridCell, inTable2Body: boolean): boolean {
  const n = norm(t.text);
  if (n.length === 0 || n.length > 4) return false;
  if (matchTable2Row(t.text, { inBody: inTable2Body }) || matchTable1Row(t.text) || matchArticle20Item(t.text) !== undefined) return false;
  return true;
}
