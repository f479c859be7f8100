// The table reader: walks the token stream, recognises labels, and collects the value cells
// that follow each label in the same row, whatever the layout. Mapping cells to columns waits
// until the format version is known (buildTables), because the columns depend on it.
import type { Cell, CellValue, FlattenedInfo, HeaderCell, Layout, NumberNote, Table, Table1Item, TableId, TableRow } from '../model';
import { spec, table1ItemsFor, table2RowsFor } from '../spec/data';
import type { ColumnKind, ColumnSpec, FormatVersion } from '../spec/schema';
import { closest, norm, normWithMap, segment, stripNumbering, type Range } from '../text';
import { splitFlattened } from './flattened';
import type { Token } from './lexer';
import {
  HEADER_JOINERS, isCornerNote, isTable1HeaderMarker, isTable2Header, isTable3Header, matchArticle20Item, matchTable1Row, matchTable2Row,
  table1HeaderVocabulary, table1LabelTexts, table2HeaderVocabulary, table2LabelTexts, table3HeaderVocabulary, TABLE3_WORDS,
} from './labels';

export interface RawRow {
  rowId: string;
  label: string;
  /** The format's label, when the row was read from a label that differs (by number and place). */
  readAs?: string;
  labelRange: Range;
  rowKey: number;
  slots: Token[];
  layout: Layout;
  /** Token after which a missing value would be written. */
  anchor: { end: number; sep: string };
  /** Figures without a label, placed by the order of the format (placeOrphans). */
  placed?: true;
}

export interface RawItem {
  item: number;
  labelRange: Range;
  headerTokens: Token[];
  rows: RawRow[];
}

export interface RawTable {
  id: TableId;
  start: number;
  end: number;
  headerTokens: Token[];
  rows: RawRow[];
  items: RawItem[];
  unknownLabels: Table['unknownLabels'];
  /** 表2 rows of figures without a label, with the number of rows read before them. */
  orphans: Array<{ after: number; slots: Token[] }>;
}

type Mode = 'none' | 't1' | 't2head' | 't2body' | 't3head' | 't3data';

const MAX_UNKNOWN_LABEL = 40;

/** Reads every table of the token stream. `headingStarts` are offsets of section headings. */
export function scanTables(tokens: Token[], headingStarts: Set<number>): Partial<Record<TableId, RawTable>> {
  const tables: Partial<Record<TableId, RawTable>> = {};
  let mode: Mode = 'none';
  let current: RawRow | undefined;
  let item: RawItem | undefined;
  let t1HeaderRowKey = -1;
  let t3Row: RawRow | undefined;

  const open = (id: TableId, at: Token): RawTable => {
    let t = tables[id];
    if (!t) {
      t = { id, start: at.start, end: at.end, headerTokens: [], rows: [], items: [], unknownLabels: [], orphans: [] };
      tables[id] = t;
    }
    return t;
  };
  const touch = (id: TableId, tok: Token) => {
    const t = tables[id];
    if (t && tok.end > t.end) t.end = tok.end;
  };
  const newRow = (rowId: string, label: string, range: Range, tok: Token): RawRow => ({
    rowId, label, labelRange: range, rowKey: tok.rowKey, slots: [], layout: tok.layout, anchor: { end: range.end, sep: tok.sep },
  });
  const tableOfMode = (): TableId | undefined =>
    mode === 't1' ? 'table1' : mode === 't2head' || mode === 't2body' ? 'table2' : mode === 't3head' || mode === 't3data' ? 'table3' : undefined;

  // Tokens already read as part of a wrapped label (see wrappedLabel).
  const consumed = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (consumed.has(i)) continue;
    const t = tokens[i] as Token;
    if (headingStarts.has(t.start)) {
      current = undefined;
      t1HeaderRowKey = -1;
      mode = 'none';
      continue;
    }
    // A converter's generic header row ("| 类别 | 数据1 | … | 总计 |", "| 项目 | 本年新收件数 | … |"), in
    // a table or between the pieces of one: header cells, never a row or values.
    if ((t.layout === 'markdown' || t.layout === 'html') && tokens[i - 1]?.rowKey !== t.rowKey) {
      let j = i;
      while (j < tokens.length && (tokens[j] as Token).rowKey === t.rowKey) j++;
      if (isGenericHeaderRow(tokens.slice(i, j))) {
        if (mode === 't2head' || mode === 't2body') {
          tables.table2?.headerTokens.push(...tokens.slice(i, j).filter((x) => x.kind !== 'blank'));
          touch('table2', tokens[j - 1] as Token);
        }
        current = undefined;
        i = j - 1;
        continue;
      }
    }
    // Cells of the row being read.
    if (current && t.rowKey === current.rowKey) {
      if (t.kind !== 'text' || isJunkCell(t, mode === 't2body')) {
        current.slots.push(t);
        current.anchor = { end: t.end, sep: t.sep };
        const tid = tableOfMode();
        if (tid) touch(tid, t);
        continue;
      }
    }
    if (t.kind !== 'text') {
      // A line of values alone, under a label that wrapped (PDF text: "（二）部分公开（区分处理的，只计这一情 形，不"
      // / "计其他情形）" / "9 0 0 0 0 0 9"): the values of that label's row.
      const waiting = mode === 't2body' ? tables.table2?.rows[tables.table2.rows.length - 1] : mode === 't1' ? item?.rows[item.rows.length - 1] : undefined;
      // In a structured table (pipes, tabs) only right under its label; a figure alone in 表2 is
      // no row ("1", a converter's displaced figure).
      // In 表2 of a structured layout a row of figures without its label is placed by the order
      // of the format instead (placeOrphans): a label standing above it may be another row's.
      const adjacent = t.layout === 'pdf' || t.layout === 'flattened' || (mode === 't1' && tokens[i - 1]?.end === waiting?.labelRange.end);
      if (t.kind === 'value' && waiting && waiting.slots.length === 0 && !GROUP_ROWS.has(waiting.rowId) && tokens[i - 1]?.rowKey !== t.rowKey && t.layout !== 'html' && adjacent && (mode === 't1' || t.layout === 'flattened' || countRow(tokens, i, (x) => x.kind === 'value', 2) >= 2)) {
        waiting.rowKey = t.rowKey;
        waiting.slots.push(t);
        waiting.anchor = { end: t.end, sep: t.sep };
        current = waiting;
        touch(mode === 't1' ? 'table1' : 'table2', t);
        continue;
      }
      // A row of figures with no label in 表2 (a converter cut it off): placed later by the order
      // of the format, where that order leaves no doubt (placeOrphans).
      if (mode === 't2body' && tables.table2 && tokens[i - 1]?.rowKey !== t.rowKey && t.layout !== 'pdf' && t.layout !== 'flattened') {
        let j = i;
        while (j < tokens.length && (tokens[j] as Token).rowKey === t.rowKey && (tokens[j] as Token).kind !== 'text') j++;
        const slots = tokens.slice(i, j);
        if ((j === tokens.length || (tokens[j] as Token).rowKey !== t.rowKey) && slots.filter((x) => x.kind === 'value').length >= 2) {
          tables.table2.orphans.push({ after: tables.table2.rows.length, slots });
          touch('table2', slots[slots.length - 1] as Token);
          i = j - 1;
          continue;
        }
      }
      // 表3's data row not filled in yet (fifteen blank cells under its header) is its row too.
      const blankRow = mode === 't3head' && t.kind === 'blank' && tokens[i - 1]?.rowKey !== t.rowKey && countRow(tokens, i, (x) => x.kind === 'blank', spec.table3.columns.length) >= spec.table3.columns.length;
      if ((mode === 't3head' || mode === 't3data') && t3Row && (t.kind === 'value' || mode === 't3data' || blankRow)) {
        if (mode === 't3head') {
          t3Row.rowKey = t.rowKey;
          t3Row.layout = t.layout;
          t3Row.labelRange = { start: t.start, end: t.start };
        }
        mode = 't3data';
        t3Row.slots.push(t);
        t3Row.anchor = { end: t.end, sep: t.sep };
        touch('table3', t);
      }
      continue;
    }
    if (mode === 't3data') mode = 'none';
    current = undefined;
    const text = t.text;

    const itemNo = matchArticle20Item(text);
    if (itemNo !== undefined) {
      const t1 = open('table1', t);
      mode = 't1';
      item = { item: itemNo, labelRange: { start: t.start, end: t.end }, headerTokens: [], rows: [] };
      t1.items.push(item);
      t1HeaderRowKey = -1;
      touch('table1', t);
      continue;
    }
    if (mode === 't1' && isTable1HeaderMarker(text)) {
      // A header row that names one item's columns ("本年制发件数…") belongs to that item, when the
      // converter moved it away from its item marker (the marker stands elsewhere with no rows).
      const target = itemOfHeader(tokens, i);
      const moved = target !== undefined && item && item.item !== target ? tables.table1?.items.find((x) => x.item === target && x.rows.length === 0) : undefined;
      if (moved) item = moved;
      t1HeaderRowKey = t.rowKey;
      touch('table1', t);
      continue;
    }
    if (mode === 't1' && item && t.layout !== 'html' && /\s/.test(text) && isTable1HeaderMarker(text.split(/\s+/)[0] as string)) {
      // PDF text: the whole header row on one line, its words apart ("信息内容   本年制发件数   本年废止件数").
      item.headerTokens.push(...splitWords(t).slice(1));
      t1HeaderRowKey = t.rowKey;
      touch('table1', t);
      continue;
    }
    if (mode === 't1' && item && t.layout !== 'html' && text.length > 4 && text.length <= 80 && text.startsWith('信息内容') && !/\s/.test(text)) {
      // Crawler text: the header row glued ("信息内容本年制发件数本年废止件数现行有效件数"); its
      // words are found by the header reader.
      item.headerTokens.push({ ...t, text: text.slice(4), start: t.start + 4 });
      t1HeaderRowKey = t.rowKey;
      touch('table1', t);
      continue;
    }
    if (mode === 't1' && t.rowKey === t1HeaderRowKey && item) {
      item.headerTokens.push(t);
      touch('table1', t);
      continue;
    }
    if (isCornerNote(text) || norm(text) === '申请人情况') {
      const t2 = open('table2', t);
      mode = 't2head';
      // PDF text: the note's lines share their lines with header words, apart by wide gaps
      // ("（本列数据的勾稽关系为：      申请人情况      总计" / "第一项加第二项之和，等于   自然人   法人或其他组织").
      if (t.layout === 'pdf' && isCornerNote(text) && /\S\s{2,}\S/.test(text)) {
        const re = /\S+(?: \S+)*/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text))) {
          const piece = { ...t, text: m[0], start: t.start + m.index, end: t.start + m.index + m[0].length };
          if (isCornerNote(m[0])) t2.headerTokens.push(piece);
          else t2.headerTokens.push(...splitWords(piece));
        }
        touch('table2', t);
        continue;
      }
      t2.headerTokens.push(t);
      // Header words after the corner note on the same line (PDF text): "…之和） 申请人情况 总计".
      const close = Math.max(text.lastIndexOf('）'), text.lastIndexOf(')'));
      if (isCornerNote(text) && close >= 0 && text.slice(close + 1).trim() !== '') {
        const restStart = t.start + close + 1;
        const rest = text.slice(close + 1);
        const lead = rest.length - rest.trimStart().length;
        const words = { ...t, text: rest.trim(), start: restStart + lead, end: t.end };
        t2.headerTokens.push(...(t.layout === 'pdf' ? splitWords(words) : [words]));
      }
      touch('table2', t);
      continue;
    }
    if (mode === 't2head' && isTable2Header(text)) {
      tables.table2?.headerTokens.push(t);
      touch('table2', t);
      continue;
    }
    if (mode === 't2head' && norm(text).length <= 40 && !matchTable2Row(text, { inBody: false })) {
      // Header words broken over lines in PDF text ("社会 法律" / "公益 服务 其他" / "组织 机构"): header
      // cells all the same, recognised or not; the rows are read by their labels.
      tables.table2?.headerTokens.push(...(t.layout === 'html' ? [t] : splitWords(t)));
      touch('table2', t);
      continue;
    }
    // Values run into the label (a web copy): "一、本年新收政府信息公开申请数量713000074".
    const last = text.charCodeAt(text.length - 1);
    const glued = text.length <= 200 && last >= 48 && last <= 57 ? /^(.*?[^\d\s])\s*(\d{2,})$/.exec(text) : null;
    if (glued) {
      const label = glued[1] as string;
      const r1 = mode === 't1' && item ? matchTable1Row(label) : undefined;
      const r2 = r1 ? undefined : matchTable2Row(label, { inBody: true });
      const tid: TableId = r1 ? 'table1' : 'table2';
      if (r2) {
        open('table2', t);
        mode = 't2body';
      }
      const rid = r2?.id ?? r1?.id;
      if (rid) {
        const digitsStart = t.start + text.lastIndexOf(glued[2] as string);
        const row = newRow(rid, label, { start: t.start, end: t.start + label.length }, t);
        row.layout = 'flattened';
        row.slots.push({ text: glued[2] as string, start: digitsStart, end: t.end, rowKey: t.rowKey, layout: 'flattened', kind: 'value', sep: ' ' });
        row.anchor = { end: t.end, sep: ' ' };
        if (tid === 'table2') tables.table2?.rows.push(row);
        else item?.rows.push(row);
        touch(tid, t);
        continue;
      }
    }
    // (b2) PDF text: a label wrapped over up to four lines, its figures on one of them, perhaps
    // with a piece of a vertical group label between ("1、申请人无正当理由逾期不补" / "正、…其政府信
    // 67 3 …" / "息公开申请"; "（六）其" / "2、…通知要" / "他处理" / "求缴纳…不再处理 6 …").
    if (mode === 't2body' && t.layout === 'pdf' && tokens[i + 1]?.rowKey !== t.rowKey) {
      const wrapped = wrappedLabel(tokens, i, headingStarts);
      if (wrapped) {
        current = newRow(wrapped.rowId, wrapped.label, { start: t.start, end: wrapped.end }, t);
        current.rowKey = -1;
        for (const k of wrapped.values) current.slots.push(tokens[k] as Token);
        const lastValue = tokens[wrapped.values[wrapped.values.length - 1] as number] as Token;
        current.anchor = { end: lastValue.end, sep: lastValue.sep };
        tables.table2?.rows.push(current);
        for (const k of wrapped.consumed) consumed.add(k);
        touch('table2', tokens[Math.max(...wrapped.consumed)] as Token);
        current = undefined;
        continue;
      }
    }
    // (b3) PDF text of narrow label cells: the label's first line with the figures, the rest of it
    // on the lines below, beside the pieces of a group label (pdftotext -layout: "（三）  1.属于  3 …"
    // / "不予公  国家秘" / "开    密"). Read whole, the label names its row.
    if ((mode === 't2body' || (mode === 't1' && item)) && t.layout === 'pdf' && tokens[i + 1]?.rowKey === t.rowKey && tokens[i + 1]?.kind === 'value') {
      const rest = labelBelow(tokens, i, headingStarts);
      if (rest) {
        const own = lastPiece(text);
        const whole = own + rest.label;
        const r = mode === 't2body' ? matchTable2Row(whole, { inBody: true }) : matchTable1Row(whole);
        const alone = mode === 't2body' ? matchTable2Row(text, { inBody: true }) : matchTable1Row(text);
        if (r && (!alone || alone.id !== r.id || norm(whole).length > norm(own).length)) {
          current = newRow(r.id, whole, { start: t.start, end: t.end }, t);
          if (mode === 't2body') tables.table2?.rows.push(current);
          else item?.rows.push(current);
          for (const k of rest.consumed) consumed.add(k);
          touch(mode === 't2body' ? 'table2' : 'table1', tokens[rest.consumed[rest.consumed.length - 1] as number] as Token);
          continue;
        }
      }
    }
    const inBody = mode === 't2body';
    let row2 = mode === 't3head' ? undefined : matchTable2Row(text, { inBody });
    // Outside a table, a phrase that contains a row's words is narrative ("运用第三方检测平台…"): a
    // row opens table 2 only when it is numbered or has values beside it.
    if (row2 && mode !== 't2head' && mode !== 't2body' && stripNumbering(norm(text)).numbering.length === 0 && !(tokens[i + 1]?.rowKey === t.rowKey && tokens[i + 1]?.kind === 'value')) row2 = undefined;
    // A sentence ending in a figure ("…部分公开答复 0 件，不予公开答复 2") is narrative, not a row.
    if (row2 && mode !== 't2head' && mode !== 't2body' && isSentence(text)) row2 = undefined;
    if (row2) {
      const t2 = open('table2', t);
      // A row turned into a heading by a converter ("### 一、本年新收…") and then written again
      // with its values in the table below: one row.
      const previous = t2.rows[t2.rows.length - 1];
      if (previous && previous.rowId === row2.id && previous.slots.length === 0) t2.rows.pop();
      mode = 't2body';
      // A group label written again where Word broke the table across a page (a second rowspan
      // cell "三、本年度办理结果"): the same group, not a second row.
      if (GROUP_ROWS.has(row2.id) && t2.rows.some((r) => r.rowId === row2.id) && !(tokens[i + 1]?.rowKey === t.rowKey && tokens[i + 1]?.kind === 'value')) {
        touch('table2', t);
        continue;
      }
      current = newRow(row2.id, text, { start: t.start, end: t.end }, t);
      t2.rows.push(current);
      touch('table2', t);
      continue;
    }
    if (mode === 't1' && item) {
      const row1 = matchTable1Row(text);
      if (row1) {
        current = newRow(row1.id, text, { start: t.start, end: t.end }, t);
        item.rows.push(current);
        touch('table1', t);
        continue;
      }
    }
    if (isTable3Header(text) && mode !== 't2head') {
      const t3 = open('table3', t);
      mode = 't3head';
      t3.headerTokens.push(t);
      if (!t3Row) {
        t3Row = { rowId: spec.table3.rowId, label: '', labelRange: { start: t.end, end: t.end }, rowKey: -1, slots: [], layout: t.layout, anchor: { end: t.end, sep: t.sep } };
        t3.rows.push(t3Row);
      }
      touch('table3', t);
      continue;
    }
    if (mode === 't3head' && isTable3HeaderWordOnly(text)) {
      tables.table3?.headerTokens.push(t);
      continue;
    }

    // Not a label as written. Try the repairs real reports need, each reported later.
    const tid = tableOfMode();
    if (!tid || tid === 'table3') continue;
    // (b) a label broken over two cells or lines: "（六）其他处理1.申请人…其政府" + "信息公开申请"
    const next = tokens[i + 1];
    // Not when the next text is numbered: that is the next label, not the rest of this one.
    if (next && next.kind === 'text' && norm(text).length + norm(next.text).length <= 60 && !NUMBERED_LABEL.test(next.text.trim())) {
      const joined = text + next.text;
      const r2 = tid === 'table2' ? matchTable2Row(joined, { inBody: true }) : undefined;
      const r1 = tid === 'table1' ? matchTable1Row(joined) : undefined;
      const rid = r2?.id ?? r1?.id;
      if (rid) {
        current = newRow(rid, joined, { start: t.start, end: next.end }, next);
        if (tid === 'table2') tables.table2?.rows.push(current);
        else item?.rows.push(current);
        touch(tid, next);
        i++;
        continue;
      }
    }
    // (c) the rest of a label whose first part was recognised and that has no values yet.
    const table = tables[tid];
    const lastRow = tid === 'table2' ? table?.rows[table.rows.length - 1] : item?.rows[item.rows.length - 1];
    const followedByValues = tokens[i + 1]?.rowKey === t.rowKey && tokens[i + 1]?.kind === 'value';
    if (lastRow && lastRow.slots.length === 0 && !GROUP_ROWS.has(lastRow.rowId) && norm(text).length <= 24 && i > 0 && tokens[i - 1]?.end === lastRow.labelRange.end) {
      lastRow.label += text;
      lastRow.labelRange = { start: lastRow.labelRange.start, end: t.end };
      lastRow.rowKey = t.rowKey;
      lastRow.anchor = { end: t.end, sep: t.sep };
      current = lastRow;
      continue;
    }
    // (d) a numbered sub-item whose words differ from the format's (a typo, "2.其他法律行政止公开"):
    // its number and its place under a group determine the row when the words are close.
    const byNumber = tid === 'table2' && followedByValues && table ? rowByNumber(text, table.rows) : undefined;
    if (byNumber && table && !table.rows.some((r) => r.rowId === byNumber.id)) {
      current = newRow(byNumber.id, text, { start: t.start, end: t.end }, t);
      current.readAs = byNumber.label;
      table.rows.push(current);
      touch(tid, t);
      continue;
    }
    // (e) an unknown label with values: report it with the likely intended label.
    if (followedByValues && table && norm(text).length <= MAX_UNKNOWN_LABEL) {
      const candidates = tid === 'table2' ? table2LabelTexts : table1LabelTexts;
      const rest = stripNumbering(norm(text)).rest;
      const guess = closest(rest, candidates.map((c) => c.text));
      const suggestion = candidates.find((c) => c.text === guess)?.label;
      table.unknownLabels.push({ text, range: { start: t.start, end: t.end }, ...(suggestion ? { suggestion } : {}) });
      // Swallow its values so they are not read as another row's.
      let j = i + 1;
      while (j < tokens.length && (tokens[j] as Token).rowKey === t.rowKey && (tokens[j] as Token).kind !== 'text') j++;
      i = j - 1;
    }
  }
  return tables;
}

/** The 第二十条 item whose columns (and no other item's) a header row names, if one does. */
function itemOfHeader(tokens: Token[], i: number): number | undefined {
  const key = (tokens[i] as Token).rowKey;
  const words = new Set<string>();
  for (let j = i + 1; j < tokens.length && (tokens[j] as Token).rowKey === key; j++) if ((tokens[j] as Token).kind === 'text') words.add(norm((tokens[j] as Token).text));
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

/** Tokens of the row that starts at `i` that pass `test`, counted up to `enough` (a long row is
 *  not walked again for each of its cells). */
function countRow(tokens: Token[], i: number, test: (t: Token) => boolean, enough: number): number {
  let n = 0;
  const key = (tokens[i] as Token).rowKey;
  for (let j = i; j < tokens.length && (tokens[j] as Token).rowKey === key && n < enough; j++) if (test(tokens[j] as Token)) n++;
  return n;
}

/** Sentence punctuation outside brackets (a row label has its commas inside them). */
function isSentence(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === '，' || ch === '。' || ch === '；')) return true;
  }
  return false;
}

/**
 * 表2 rows of figures whose labels a converter cut off: between two rows read by their labels,
 * the rows the format puts there and the document has no figures for are filled, in order, from
 * the label-less rows found between them, only when there are exactly as many of each. Said once
 * (row-placed); anything else is left unread.
 */
function placeOrphans(t: RawTable, format: FormatVersion): void {
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
      const o = orphans[m] as { slots: Token[] };
      const first = o.slots[0] as Token;
      const last = o.slots[o.slots.length - 1] as Token;
      const existing = t.rows.find((r) => r.rowId === id && r.slots.length === 0);
      const row: RawRow = existing ?? { rowId: id, label: '', labelRange: { start: first.start, end: first.start }, rowKey: first.rowKey, slots: [], layout: first.layout, anchor: { end: last.end, sep: last.sep } };
      row.slots = o.slots;
      row.rowKey = first.rowKey;
      row.anchor = { end: last.end, sep: last.sep };
      row.placed = true;
      if (!existing) inserts.set(to.k, [...(inserts.get(to.k) ?? []), row]);
      has.add(id);
    });
    t.orphans = t.orphans.filter((o) => !orphans.includes(o));
  }
  if (inserts.size > 0) t.rows = t.rows.flatMap((r, k) => [...(inserts.get(k) ?? []), r]);
}

interface Piece {
  /** The text token (absent for a line of figures alone). */
  text?: number;
  values: number[];
}

/**
 * A 表2 label of PDF text wrapped over several lines, starting at token `i`: the pieces of text
 * that follow (each a line, perhaps ending in figures) are tried in order, any short one skipped
 * (a piece of a vertical group label between them), and the reading is kept only when the joined
 * words name one row and exactly one line of figures belongs to it.
 */
function wrappedLabel(tokens: Token[], i: number, headingStarts: Set<number>): { rowId: string; label: string; end: number; values: number[]; consumed: number[] } | undefined {
  const first = tokens[i] as Token;
  // A wrapped label starts with its number; the next numbered text starts the next label.
  if (norm(first.text).length > 40 || !NUMBERED_LABEL.test(first.text.trim())) return undefined;
  const pieces: Piece[] = [];
  let j = i + 1;
  while (j < tokens.length && pieces.length < 4) {
    const u = tokens[j] as Token;
    if (headingStarts.has(u.start) || u.layout !== 'pdf') break;
    if (u.kind === 'text' && (norm(u.text).length > 40 || NUMBERED_LABEL.test(u.text.trim()))) break;
    const values: number[] = [];
    let k = u.kind === 'text' ? j + 1 : j;
    while (k < tokens.length && (tokens[k] as Token).rowKey === u.rowKey && (tokens[k] as Token).kind !== 'text') values.push(k++);
    if (u.kind === 'text' && k < tokens.length && (tokens[k] as Token).rowKey === u.rowKey) break;
    // A figure alone is no 表2 row (a converter's displaced figure).
    if (values.filter((v) => (tokens[v] as Token).kind === 'value').length === 1) break;
    pieces.push(u.kind === 'text' ? { text: j, values } : { values });
    j = Math.max(k, j + 1);
  }
  let best: { mask: number; rowId: string; label: string; score: number } | undefined;
  let ties = 0;
  for (let mask = 1; mask < 1 << pieces.length; mask++) {
    let label = first.text;
    let valueLines = 0;
    let last = -1;
    let ok = true;
    pieces.forEach((p, k) => {
      if (!(mask & (1 << k))) return;
      last = k;
      if (p.text !== undefined) label += (tokens[p.text] as Token).text;
      if (p.values.length > 0) valueLines++;
    });
    // A skipped piece is a short fragment without figures; the last piece taken ends the label.
    pieces.forEach((p, k) => {
      if (mask & (1 << k) || k > last) return;
      if (p.values.length > 0 || p.text === undefined || norm((tokens[p.text] as Token).text).length > 6) ok = false;
    });
    if (!ok || valueLines !== 1 || norm(label).length > 80) continue;
    const row = matchTable2Row(label, { inBody: true });
    if (!row) continue;
    const score = last * 8 + popcount(mask);
    if (best && best.rowId !== row.id) ties++;
    if (!best || score > best.score) best = { mask, rowId: row.id, label, score };
  }
  if (!best || ties > 0) return undefined;
  const taken = pieces.filter((_, k) => best!.mask & (1 << k));
  const valuesPiece = taken.find((p) => p.values.length > 0) as Piece;
  const consumed = taken.flatMap((p) => [...(p.text !== undefined ? [p.text] : []), ...p.values]);
  const lastPiece = taken[taken.length - 1] as Piece;
  const endToken = tokens[lastPiece.text ?? (lastPiece.values[lastPiece.values.length - 1] as number)] as Token;
  return { rowId: best.rowId, label: best.label, end: endToken.end, values: valuesPiece.values, consumed };
}

const NUMBERED_LABEL = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;

/** The last of the pieces a PDF text line has apart by spaces (a row's own label after its group's). */
function lastPiece(text: string): string {
  const k = text.search(/\S+$/);
  return k < 0 ? text : text.slice(k);
}

/**
 * The rest of a PDF text label written under its first line (`i`, a label with its figures): the
 * text-only lines that follow, up to the next line with figures or the next numbered piece, each
 * giving its last piece (an earlier one is the group label's, in the column before). Undefined when
 * nothing follows.
 */
function labelBelow(tokens: Token[], i: number, headingStarts: Set<number>): { label: string; consumed: number[] } | undefined {
  const key = (tokens[i] as Token).rowKey;
  let j = i + 1;
  while (j < tokens.length && (tokens[j] as Token).rowKey === key) j++;
  let label = '';
  const consumed: number[] = [];
  while (j < tokens.length && consumed.length < 8) {
    const u = tokens[j] as Token;
    if (u.layout !== 'pdf' || u.kind !== 'text' || headingStarts.has(u.start) || tokens[j + 1]?.rowKey === u.rowKey) break;
    const pieces = u.text.split(/\s+/);
    if (pieces.length > 3 || pieces.some((p) => p.length > 8 || NUMBERED_LABEL.test(p))) break;
    label += pieces[pieces.length - 1] as string;
    consumed.push(j);
    j++;
  }
  return consumed.length ? { label, consumed } : undefined;
}

function popcount(n: number): number {
  let c = 0;
  for (let m = n; m; m &= m - 1) c++;
  return c;
}

const GENERIC_HEADER = /^(?:类别|项目|序号|名称|数量|[(（]?数据项目[)）]?|数据\d+|列\d+)$/;

/** A header row a converter wrote: it starts with a generic word, or names its columns 数据1…. */
function isGenericHeaderRow(cells: Token[]): boolean {
  const texts = cells.filter((c) => c.kind !== 'blank').map((c) => norm(c.text));
  if (texts.length < 2) return false;
  if (/^(?:类别|项目|序号|名称|[(（]?数据项目[)）]?)$/.test(texts[0] as string)) return true;
  return texts.filter((x) => /^数据\d+$/.test(x)).length >= 2 && texts.every((x) => GENERIC_HEADER.test(x) || x === '总计');
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

/** The words of a PDF text cell that stand apart by spaces, each as a token with its own range. */
function splitWords(t: Token): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t.text))) out.push({ ...t, text: m[0], start: t.start + m.index, end: t.start + m.index + m[0].length });
  return out;
}

function isTable3HeaderWordOnly(text: string): boolean {
  const n = norm(text).replace(HEADER_JOINERS, '');
  return n.length > 0 && n.length <= 60 && segment(n, TABLE3_WORDS).every((s) => s.word !== undefined);
}

/** A short non-numeric text in a value position ("O", "十二"): an invalid cell, not a label. */
function isJunkCell(t: Token, inTable2Body: boolean): boolean {
  const n = norm(t.text);
  if (n.length === 0 || n.length > 4) return false;
  if (matchTable2Row(t.text, { inBody: inTable2Body }) || matchTable1Row(t.text) || matchArticle20Item(t.text) !== undefined) return false;
  return true;
}

// ------------------------------------------------------------------------ cells and columns

const NUMBER = /^([+-]?)(\d+(?:,\d{3})*)(?:\.(\d+))?(万元|元|件|个|项|次)?$/;

export function parseCellValue(raw: string, kind: ColumnKind): CellValue {
  // The common case, plain digits, without normalisation.
  if (raw.length > 0 && raw.length < 16 && /^\d+$/.test(raw)) return { kind: 'number', value: Number(raw), notes: [] };
  // Beyond 15 digits a count cannot be exact in a double: say so rather than round it.
  if (/\d{16,}/.test(raw.replace(/[,，]/g, ''))) return { kind: 'invalid', reason: 'tooLarge' };
  const n = raw.normalize('NFKC').replace(/[\s]/g, '').replace(/，/g, ',').replace(/．/g, '.');
  if (n === '') return { kind: 'blank' };
  if (/^(?:[—–\-―─]{1,3}|[/\\]|无|空)$/.test(n)) return { kind: 'placeholder' };
  const m = NUMBER.exec(n);
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

/** Maps a row's value slots to columns in order; see FORMAT.md §7 for why order is enough. */
export function assignCells(written: Token[], columns: readonly ColumnSpec[], anchor: { end: number; sep: string }): Assigned {
  let slots = written;
  const make = (tok: Token, col: ColumnSpec): Cell => ({
    columnId: col.id, raw: tok.text, value: parseCellValue(tok.text, col.kind), range: { start: tok.start, end: tok.end },
  });
  // A row of a structured table (pipes, tabs, HTML cells) with exactly one cell per column: the
  // cells stay where the writer put them, blank or not. Only a row of another width is a guess.
  // With more cells than columns, the extra ones blank at one end (label columns left empty
  // before the values, or an empty cell after them), the values keep their places all the same.
  const structured = columns.length > 0 && slots.every((s) => s.layout !== 'pdf' && s.layout !== 'flattened');
  const extraCount = slots.length - columns.length;
  if (structured && extraCount > 0) {
    // (A row with no figure yet: its value cells are the last ones, after the label columns.)
    if (slots.slice(0, extraCount).every((x) => x.kind === 'blank')) slots = slots.slice(extraCount);
    else if (slots.slice(columns.length).every((x) => x.kind === 'blank')) slots = slots.slice(0, columns.length);
  }
  if (slots.length === columns.length && structured) {
    const cells = slots.map((tok, k) => (tok.kind === 'blank'
      ? { columnId: (columns[k] as ColumnSpec).id, raw: '', value: { kind: 'blank' } as CellValue, range: { start: tok.start, end: tok.end } }
      : make(tok, columns[k] as ColumnSpec)));
    return { cells, extra: [], valueCount: slots.filter((s) => s.kind !== 'blank').length, padded: 0 };
  }
  let first = 0;
  let last = slots.length - 1;
  while (first <= last && (slots[first] as Token).kind === 'blank') first++;
  while (last >= first && (slots[last] as Token).kind === 'blank') last--;
  let inner = slots.slice(first, last + 1);
  const trailingBlanks = slots.slice(last + 1);
  const nonBlank = inner.filter((s) => s.kind !== 'blank');
  // Blank cells inside a row are kept as blanks when they make up the row; otherwise they are
  // merged-cell leftovers of a Word table and dropped.
  if (inner.length > columns.length) inner = nonBlank;
  const cells: Cell[] = [];
  const extra: Cell[] = [];
  inner.forEach((tok, k) => {
    const col = columns[k];
    if (col) cells.push(make(tok, col));
    else extra.push(make(tok, columns[columns.length - 1] as ColumnSpec));
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
  const row: TableRow = { rowId: raw.rowId, label: raw.label, labelRange: raw.labelRange, layout: raw.layout, cells, extraCells: extra, valueCount, padded, ...(raw.readAs ? { readAs: raw.readAs } : {}), ...(raw.placed ? { placed: true as const } : {}) };
  // One run of digits where several values belong: flattened text (FORMAT.md §7); or the runs
  // of figures crawler text left glued, whose spaces (if any) are cell boundaries.
  const only = raw.slots.filter((s) => s.kind !== 'blank');
  const glued = only.length > 0 && only.every((s) => s.layout === 'flattened');
  if (columns.length > 1 && (only.length === 1 || glued)) {
    let digits = '';
    const offsets: number[] = [];
    const boundaries = new Set<number>();
    for (const tok of only) {
      if (digits.length > 0) boundaries.add(digits.length);
      const d = tok.text.normalize('NFKC');
      for (let k = 0; k < d.length; k++) offsets.push(tok.start + k);
      digits += d;
    }
    const first = only[0] as Token;
    const range = { start: first.start, end: (only[only.length - 1] as Token).end };
    const plain = /^\d+$/.test(digits);
    if ((plain && digits.length >= columns.length) || (glued && only.length < columns.length)) {
      const check = flattenedCheck(tableId);
      // Without an identity (表1) only a split the digits force is read ("000" in three columns).
      const candidates = plain ? splitFlattened(digits, columns.length, check, 32, boundaries) : [];
      const undetermined = !check && candidates.length !== 1;
      const info: FlattenedInfo = { digits, range, candidates, offsets, ...(undetermined ? { undetermined: true as const } : {}), ...(glued ? { glued: true as const } : {}) };
      row.flattened = info;
      row.layout = 'flattened';
      if (candidates.length === 1) {
        // The one split that fits: read it (the finding says so), each value with its exact range.
        row.cells = splitCells(offsets, digits, candidates[0] as number[], columns);
      } else {
        row.cells = columns.map((col) => ({ columnId: col.id, raw: '', value: { kind: 'invalid', reason: 'text' }, range }));
      }
      row.extraCells = [];
    }
  }
  // Fewer figures than columns, put in the first columns by order: which columns they stand in is
  // not known, so none of them takes part in a relation (FORMAT.md §7; short-row says so once).
  if (row.padded > 0 && row.valueCount > 0 && !row.flattened) for (const c of row.cells) if (c.value.kind === 'number') c.guessed = true;
  return row;
}

/**
 * Header words a narrow column wrapped onto the lines below in PDF text ("商业企" over "业", "社会"
 * over "公益" over "组织", at one column of `pdftotext -layout`'s lines), joined when no piece is a
 * header word alone and together they are one.
 */
function joinStacked(tokens: Token[], vocabulary: Map<string, unknown>, at: (offset: number) => { line: number; character: number }): Token[] {
  if (!tokens.some((t) => t.layout === 'pdf')) return tokens;
  const words = vocabularyWords(vocabulary);
  const loose = (t: Token | undefined): t is Token => t !== undefined && t.layout === 'pdf' && !vocabulary.has(norm(t.text));
  const out = [...tokens];
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

export function buildTables(raw: Partial<Record<TableId, RawTable>>, format: FormatVersion, positionOf: (offset: number) => { line: number; character: number }): Partial<Record<TableId, Table>> {
  const lineOf = (offset: number) => positionOf(offset).line;
  const out: Partial<Record<TableId, Table>> = {};
  const t1 = raw.table1;
  if (t1) {
    const items: Table1Item[] = t1.items.map((it) => {
      const specItem = table1ItemsFor(format).find((x) => x.item === it.item) ?? table1ItemsFor(format === '2021' ? '2019' : '2021').find((x) => x.item === it.item);
      const columns = specItem?.columns ?? [];
      const headers = headerCells(it.headerTokens, table1HeaderVocabulary as Map<string, unknown>, (k) => (table1HeaderVocabulary.get(k)?.columnId), columns.map((c) => c.label));
      const rows = it.rows.map((r) => buildRow(r, columns, 'table1'));
      return { item: it.item, labelRange: it.labelRange, headers, rows };
    });
    out.table1 = {
      id: 'table1', range: { start: t1.start, end: t1.end }, start: lineOf(t1.start), rows: items.flatMap((i) => i.rows),
      headers: items.flatMap((i) => i.headers), items, unknownLabels: t1.unknownLabels,
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
    const words = t2.headerTokens.filter((h) => !isCornerNote(h.text));
    const headers = headerCells(joinStacked(words, table2HeaderVocabulary as Map<string, unknown>, positionOf), table2HeaderVocabulary as Map<string, unknown>, (k) => table2HeaderVocabulary.get(k), spec.table2.columns.map((c) => c.label));
    out.table2 = {
      id: 'table2', range: { start: t2.start, end: t2.end }, start: lineOf(t2.start), rows: table2Rows,
      headers, items: [], unknownLabels: t2.unknownLabels,
    };
  }
  const t3 = raw.table3;
  if (t3) {
    const headers = headerCells(t3.headerTokens, table3HeaderVocabulary as Map<string, unknown>, (k) => table3HeaderVocabulary.get(k), [...table3HeaderVocabulary.keys()]);
    out.table3 = {
      id: 'table3', range: { start: t3.start, end: t3.end }, start: lineOf(t3.start),
      rows: t3.rows.filter((r) => r.slots.length > 0).map((r) => buildRow(r, spec.table3.columns, 'table3')),
      headers, items: [], unknownLabels: [],
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

/** Header cells: each token split into known words; unknown stretches get a suggestion. */
function headerCells(tokens: Token[], vocabulary: Map<string, unknown>, columnOf: (word: string) => string | undefined, suggestions: string[]): HeaderCell[] {
  const out: HeaderCell[] = [];
  const words = vocabularyWords(vocabulary);
  const normalizedSuggestions = suggestions.map((s) => norm(s));
  for (const tok of tokens) {
    if (tok.text.length > 200) continue;
    const { text: n, map } = normWithMap(tok.text);
    const whole = vocabulary.has(n);
    const segs = whole ? [{ start: 0, end: n.length, word: n }] : segment(n, words);
    for (const s of segs) {
      const startOffset = tok.start + (map[s.start] ?? 0);
      const endOffset = tok.start + (map[s.end - 1] ?? tok.text.length - 1) + 1;
      const range = { start: startOffset, end: endOffset };
      const original = tok.text.slice(range.start - tok.start, range.end - tok.start);
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
