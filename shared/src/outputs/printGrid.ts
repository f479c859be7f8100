// `gov-report convert --to grid`: the tables as the checker read them, cell by cell in their
// columns, with what was guessed marked, so that a misread can be seen rather than inferred from
// the findings. Blocks of rows with the same columns are aligned (表1's items differ in columns).
// Under each table, the grid its reader found there, before any interpretation: every row with
// its cells in order, blanks kept, spans and guessed cells marked.
import type { Cell, ReportModel, Table, TableRow } from '../model';
import { columnLabel, formatOf, rowLabel } from '../query';
import type { GridRow } from '../grid/grid';
import { readText } from '../readers/text/index';
import { spec } from '../format/data';

type Lang = 'zh-CN' | 'en';

const WORDS = {
  'zh-CN': {
    row: '行', from: '起于第 {line} 行', none: '（没有读到表格）',
    legend: '说明：· 空白；— 缺失（未写）；? 按顺序对应列的推断（该行的数值少于列数）；≈ 由勾稽关系从连写数字中选定的拆分；~ 从失去换行或单元格边界的文本中按格式用语切分读出（推断，不作为错误的依据）；! 无法读取的连写数字（不参与校验）；[按位置] 行标签由位置推定；其余为确定读取',
    placed: '[按位置]', unread: '! 无法可靠读取',
    read: '读取器给出的网格（未经解释；| 分隔单元格，· 空白，~ 由空格推断的格，⟨c×r⟩ 跨 c 列 r 行）：', line: '第 {line} 行', startsAt: '（自第 {col} 列）', more: '……另有 {n} 行',
  },
  en: {
    row: 'row', from: 'from line {line}', none: '(no table read)',
    legend: 'Legend: · blank; — missing (not written); ? placed in order (the row has fewer values than columns); ≈ split of glued digits chosen by the identities; ~ read from text that lost its line breaks or cell boundaries, cut by the format\'s words (inferred: no error rests on it); ! glued digits that cannot be read (not checked); [by place] the label was placed by its position; everything else was read for sure',
    placed: '[by place]', unread: '! not read reliably',
    read: 'The grid the reader found (before interpretation; | between cells, · blank, ~ a cell guessed from spaces, ⟨c×r⟩ spans c columns and r rows):', line: 'line {line}', startsAt: '(from column {col}) ', more: '… {n} more rows',
  },
} as const;

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}
const pad = (s: string, n: number, right = false) => (right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s))));

function cellText(cell: Cell, row: TableRow): string {
  const v = cell.value;
  const shown = v.kind === 'number' ? String(v.value) : v.kind === 'blank' ? '·' : v.kind === 'missing' ? '—' : cell.raw.trim() || '·';
  if (row.flattened?.undetermined || (row.flattened && row.flattened.candidates.length !== 1 && v.kind !== 'number')) return `!${shown}`;
  if (row.flattened && row.flattened.candidates.length === 1 && !row.flattened.forced) return `≈${shown}`;
  // Fewer values than columns, placed in the first columns by order (short-row says so): every
  // cell of the row is where the reader put it, not where the file had it.
  if (!row.flattened && row.padded > 0 && row.valueCount > 0) return `?${shown}`;
  // Read from text whose lines or cells the reader cut itself (model.ts Certainty).
  return cell.read === 'inferred' || row.read === 'inferred' ? `~${shown}` : shown;
}

/** At most this many grid rows are printed under a table. */
const MAX_GRID_ROWS = 400;

/** The reader's rows that stand in the table's range, as they are. */
function printReadRows(model: ReportModel, table: Table, rows: readonly GridRow[], lang: Lang): string[] {
  const w = WORDS[lang];
  const inside = rows.filter((r) => {
    const first = r.cells[0];
    return first !== undefined && first.start >= table.range.start && first.start <= table.range.end;
  });
  if (inside.length === 0) return [];
  const out = ['', w.read];
  for (const row of inside.slice(0, MAX_GRID_ROWS)) {
    const line = w.line.replace('{line}', String(model.lines.positionAt((row.cells[0] as { start: number }).start).line + 1));
    const cells = row.cells.map((c) => {
      const shown = c.kind === 'blank' ? '·' : c.text.length > 60 ? `${c.text.slice(0, 59)}…` : c.text;
      const span = c.colSpan > 1 || c.rowSpan > 1 ? `⟨${c.colSpan}×${c.rowSpan}⟩` : '';
      return `${c.inferred ? '~' : ''}${shown}${span}`;
    });
    // A row whose first columns a cell above still covers (rowspan) starts further right.
    const first = row.cells[0] as { col: number };
    out.push(`  ${line}  ${first.col > 0 ? w.startsAt.replace('{col}', String(first.col + 1)) : ''}${cells.join(' | ')}`);
  }
  if (inside.length > MAX_GRID_ROWS) out.push(`  ${w.more.replace('{n}', String(inside.length - MAX_GRID_ROWS))}`);
  return out;
}

function printTable(model: ReportModel, table: Table, lang: Lang): string[] {
  const w = WORDS[lang];
  const format = formatOf(model);
  const title = spec.tables.find((t) => t.id === table.id);
  const out = [`${lang === 'en' ? `Table ${title?.number}` : `表${title?.number}`} ${lang === 'en' ? title?.titleEn : title?.title}（${w.from.replace('{line}', String(model.lines.positionAt(table.range.start).line + 1))}）`];
  if (table.rows.length === 0) return [...out, w.none];
  // Blocks of consecutive rows with the same columns (a group label, which has no cells, stays
  // in the block of the rows under it).
  const blocks: TableRow[][] = [];
  const keyOf = (row: TableRow) => row.cells.map((c) => c.columnId).join('|');
  let pendingGroups: TableRow[] = [];
  for (const row of table.rows) {
    if (row.cells.length === 0) {
      pendingGroups.push(row);
      continue;
    }
    const last = blocks[blocks.length - 1];
    const lastKey = last?.find((r) => r.cells.length > 0);
    if (last && lastKey && keyOf(lastKey) === keyOf(row)) last.push(...pendingGroups, row);
    else blocks.push([...pendingGroups, row]);
    pendingGroups = [];
  }
  if (pendingGroups.length) blocks.push(pendingGroups);
  for (const block of blocks) {
    // 表3's columns repeat under three groups: each named with its group.
    const group = (columnId: string) => spec.table3.groups.find((g) => columnId.startsWith(`${g.id}.`));
    const columns = (block.find((r) => r.cells.length > 0)?.cells ?? []).map((c) => {
      const label = columnLabel(table.id, c.columnId, format);
      const g = table.id === 'table3' ? group(c.columnId) : undefined;
      return g ? { zh: `${g.label}·${label.zh}`, en: label.en } : label;
    });
    const header = [w.row, ...columns.map((c) => (lang === 'en' ? c.en : c.zh))];
    const lines = block.map((row) => {
      const label = rowLabel(row.rowId, format);
      const written = row.label.trim();
      const name = (lang === 'en' ? label.en : label.zh) + (row.placed ? ` ${w.placed}` : '') + (written && written !== label.zh && !row.placed ? `（${written}）` : '');
      return [name, ...row.cells.map((c) => cellText(c, row))];
    });
    const widths = header.map((h, i) => Math.min(i === 0 ? 48 : 14, Math.max(width(h), ...lines.map((l) => width(l[i] ?? '')))));
    out.push('', header.map((h, i) => pad(h, widths[i]!, i > 0)).join('  '));
    for (const l of lines) out.push(l.map((s, i) => pad(s, widths[i]!, i > 0)).join('  '));
  }
  const unread = table.rows.filter((r) => r.flattened && (r.flattened.undetermined || r.flattened.candidates.length !== 1));
  if (unread.length) out.push('', `${w.unread}: ${unread.map((r) => (lang === 'en' ? rowLabel(r.rowId, format).en : rowLabel(r.rowId, format).zh)).join(lang === 'en' ? '; ' : '；')}`);
  return out;
}

/** `hint`: what the model was parsed with (a `.html` file, or not), so the grid is read the same way. */
export function printGrids(model: ReportModel, lang: Lang = 'zh-CN', hint?: { html?: boolean }): string {
  const out: string[] = [];
  const grid = readText(model.text, hint?.html === undefined ? undefined : { html: hint.html }).rows;
  for (const id of ['table1', 'table2', 'table3'] as const) {
    const table = model.tables[id];
    if (!table) continue;
    if (out.length) out.push('', '');
    out.push(...printTable(model, table, lang), ...printReadRows(model, table, grid, lang));
  }
  if (!out.length) out.push(WORDS[lang].none);
  return [...out, '', WORDS[lang].legend, ''].join('\n');
}
