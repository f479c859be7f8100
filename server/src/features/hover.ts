// Hovers: 第二十条 items with the article's text; 表2 rows with meaning and legal basis; column
// headers; totals written out as a sum; section headings with their content and basis.
import type { Hover } from 'vscode-languageserver';
import {
  articleById, cellName, chineseNumeral, locate, message, norm, parseNumeral, pick, query, quotedFigures, relationsOfCell, spec, table1ItemsFor, type MessageId, type Params,
  type Basis, type Cell, type Lang, type Localized, type ReportModel, type TableId, type TableRow,
} from '../../../shared/src/index';
import type { Analysis } from '../analysis';
import { contains, toLspRange } from '../lsp';

const tr = (lang: Lang, id: MessageId, params: Params = {}) => pick(message(id, params), lang);

export function hover(a: Analysis, offset: number, lang: Lang): Hover | null {
  if (!a.active) return null;
  const m = a.model;
  return figureHover(m, offset, lang) ?? itemHover(m, offset, lang) ?? cellHover(m, offset, lang) ?? rowHover(m, offset, lang) ?? headerHover(m, offset, lang) ?? sectionHover(m, offset, lang);
}

function md(value: string, lines: ReportModel['lines'], range: { start: number; end: number }): Hover {
  return { contents: { kind: 'markdown', value }, range: toLspRange(lines, range) };
}

function basisText(basis: Basis, lang: Lang): string {
  const parts: string[] = [];
  for (const ref of basis.articles) {
    const art = articleById(ref.id);
    if (!art) continue;
    if (ref.item !== undefined && art.items) {
      const item = art.items.find((i) => i.n === ref.item);
      parts.push(`**${art.title}第（${chineseNumeral(ref.item)}）项**　${item?.text ?? ''}`);
    } else {
      parts.push(`**${art.title}**　${art.text}`);
    }
  }
  if (basis.note) parts.push(`_${pick(basis.note, lang)}_`);
  if (parts.length === 0) parts.push(tr(lang, 'hover.noArticle'));
  return parts.join('\n\n');
}

// ---------------------------------------------------------------- 第二十条第（N）项
const ITEM_RE = /第二十条第[（(]\s*([一二三四五六七八九十]+)\s*[)）]项/g;

function itemHover(m: ReportModel, offset: number, lang: Lang): Hover | null {
  const pos = m.lines.positionAt(offset);
  const lineStart = m.lines.offsetAt({ line: pos.line, character: 0 });
  const lineEnd = m.lines.offsetAt({ line: pos.line + 1, character: 0 });
  const line = m.text.slice(lineStart, Math.min(lineEnd, lineStart + 4000));
  ITEM_RE.lastIndex = 0;
  let x: RegExpExecArray | null;
  while ((x = ITEM_RE.exec(line))) {
    const range = { start: lineStart + x.index, end: lineStart + x.index + x[0].length };
    if (offset < range.start || offset > range.end) continue;
    const n = parseNumeral(x[1] as string);
    if (n === undefined) return null;
    return md(itemText(m, n, lang), m.lines, range);
  }
  return null;
}

export function itemText(m: ReportModel, n: number, lang: Lang): string {
  const art = articleById('art20');
  const item = art?.items?.find((i) => i.n === n);
  const format = query.formatOf(m);
  const specItem = table1ItemsFor(format).find((i) => i.item === n);
  const out = [`**第二十条第（${chineseNumeral(n)}）项**　${item?.text ?? tr(lang, 'hover.noSuchItem')}`];
  out.push(tr(lang, 'hover.article20'));
  if (specItem) {
    out.push(tr(lang, 'hover.itemCounts', { format }));
    out.push(specItem.rows.map((r) => `- **${r.label}**：${pick(r.meaning, lang)}`).join('\n'));
    out.push(tr(lang, 'hover.columns'));
    out.push(specItem.columns.map((c) => `- **${c.label}**：${pick(c.meaning, lang)}`).join('\n'));
  } else {
    out.push(tr(lang, 'hover.itemNotCounted', { format }));
  }
  return out.join('\n\n');
}

// ---------------------------------------------------------------- cells
function findCell(m: ReportModel, offset: number): { tableId: string; row: TableRow; cell: Cell } | undefined {
  for (const t of Object.values(m.tables)) {
    if (!t || offset < t.range.start - 1 || offset > t.range.end + 1) continue;
    for (const row of t.rows) for (const cell of row.cells) if (contains(cell.range, offset)) return { tableId: t.id, row, cell };
  }
  return undefined;
}

function cellHover(m: ReportModel, offset: number, lang: Lang): Hover | null {
  const hit = findCell(m, offset);
  if (!hit) return null;
  const { tableId, row, cell } = hit;
  const format = query.formatOf(m);
  const rowL = query.rowLabel(row.rowId, format);
  const col = query.columnSpec(tableId, cell.columnId, format);
  const lines: string[] = [`**${pick(rowL, lang)}** · **${col ? (lang === 'en' ? col.en : col.label) : cell.columnId}**`];
  const sum = totalExplanation(m, tableId, row, cell, lang);
  if (sum) lines.push(sum);
  const relations = relationLines(m, cell, lang);
  if (relations) lines.push(relations);
  if (col) lines.push(pick(col.meaning, lang));
  const v = cell.value;
  if (v.kind === 'blank' || v.kind === 'missing') lines.push(tr(lang, 'hover.blank'));
  return md(lines.join('\n\n'), m.lines, cell.range);
}

/** The relations the cell takes part in, each with its difference, and what the locator says of it. */
function relationLines(m: ReportModel, cell: Cell, lang: Lang): string | undefined {
  const rels = relationsOfCell(m, cell);
  if (rels.length === 0) return undefined;
  const out = [tr(lang, 'hover.relations')];
  for (const { relation, sides } of rels) {
    const name = pick(relation.name, lang);
    if (!sides) out.push(`- ${tr(lang, 'hover.relation.unknown', { name })}`);
    else if (sides.lhs === sides.rhs) out.push(`- ${tr(lang, 'hover.relation.ok', { name, ...sides })}`);
    else out.push(`- ${tr(lang, 'hover.relation.wrong', { name, ...sides, diff: sides.lhs - sides.rhs })}`);
  }
  for (const d of locate(m)) {
    // A figure written before its totals: the totals are behind, not the figure wrong.
    if (d.behind?.change.cell === cell) {
      out.push(tr(lang, 'hover.locator.behind', { actual: d.behind.change.from, expected: d.behind.change.to }));
      continue;
    }
    for (const e of d.explanations) {
      const ch = e.changes.find((c) => c.cell === cell);
      if (!ch) continue;
      const what = pick(message('msg.fix.setCell', { value: ch.to, ...cellNameParams(m, ch.table, ch.rowId, cell) }), lang);
      out.push(d.explanations.length === 1 ? tr(lang, 'hover.locator', { text: what }) : tr(lang, 'hover.locator.candidate', { text: what, count: d.explanations.length }));
      break;
    }
  }
  return out.join('\n');
}

function cellNameParams(m: ReportModel, table: TableId, rowId: string, cell: Cell): Params {
  const n = cellName(m, table, rowId, cell);
  return { cell: n.zh, cellEn: n.en };
}

function show(v: number | undefined): string {
  return v === undefined ? '?' : String(v);
}

/** "3 + 0 + 0 + 1 + 0 + 0 = 4 ✓" for a total cell; undefined for other cells. */
export function totalExplanation(m: ReportModel, tableId: string, row: TableRow, cell: Cell, lang: Lang): string | undefined {
  const format = query.formatOf(m);
  const actual = query.numberOf(cell);
  const verdict = (parts: Array<number | undefined>) => {
    if (parts.some((p) => p === undefined)) return `${parts.map(show).join(' + ')}${tr(lang, 'hover.cannotVerify')}`;
    const expected = (parts as number[]).reduce((x, y) => x + y, 0);
    const ok = actual === expected;
    return `${(parts as number[]).join(' + ')} = ${expected} ${ok ? '✓' : (actual === undefined ? tr(lang, 'hover.mismatchBlank') : tr(lang, 'hover.mismatch', { actual }))}`;
  };
  if (tableId === 'table2') {
    const explanations: string[] = [];
    if (cell.columnId === 'total') {
      explanations.push(tr(lang, 'hover.rowTotal') + verdict(query.table2Applicants.map((c) => query.numberOf(query.cellOf(row, c.id)))));
    }
    if (row.rowId === 'total') {
      const rows = query.rowsById(m.tables.table2);
      const leaves = query.outcomeLeafRows(format).map((r) => query.numberOf(query.cellOf(rows.get(r.id), cell.columnId)));
      explanations.push(tr(lang, 'hover.outcomeTotal') + verdict(leaves));
    }
    return explanations.length ? explanations.join('\n\n') : undefined;
  }
  if (tableId === 'table3' && cell.columnId.endsWith('.total')) {
    const g = cell.columnId.slice(0, -'.total'.length);
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((s) => query.numberOf(query.cellOf(row, `${g}.${s}`)));
    return tr(lang, 'hover.reviewTotal') + verdict(parts);
  }
  return undefined;
}

// ---------------------------------------------------------------- row labels
function rowHover(m: ReportModel, offset: number, lang: Lang): Hover | null {
  const format = query.formatOf(m);
  for (const t of Object.values(m.tables)) {
    if (!t || offset < t.range.start || offset > t.range.end) continue;
    for (const row of t.rows) {
      if (!row.label || !contains(row.labelRange, offset)) continue;
      const spec2 = t.id === 'table2' ? query.table2Row(row.rowId, format) : undefined;
      const spec1 = t.id === 'table1' ? [...table1ItemsFor(format), ...table1ItemsFor(format === '2021' ? '2019' : '2021')].flatMap((i) => i.rows).find((r) => r.id === row.rowId) : undefined;
      const rs = spec2 ?? spec1;
      if (!rs) continue;
      const out = [`**${rs.label}**`, pick(rs.meaning, lang), tr(lang, 'hover.basis'), basisText(rs.basis, lang)];
      if (t.id === 'table2' && row.rowId === 'new') out.push(tr(lang, 'hover.balance'));
      return md(out.join('\n\n'), m.lines, row.labelRange);
    }
  }
  return null;
}

// ---------------------------------------------------------------- headers
function headerHover(m: ReportModel, offset: number, lang: Lang): Hover | null {
  const format = query.formatOf(m);
  for (const t of Object.values(m.tables)) {
    if (!t) continue;
    for (const h of t.headers) {
      if (!contains(h.range, offset)) continue;
      const col = findColumn(t.id, h.text, format);
      if (col) return md(`**${col.label}**\n\n${pick(col.meaning, lang)}`, m.lines, h.range);
      const n = norm(h.text);
      const generic: Record<string, Localized> = {
        申请人情况: { zh: '申请人情况：按申请人类型分列（自然人；法人或其他组织分五类）。', en: 'Applicants, by kind (natural persons; five kinds of organisation).' },
        法人或其他组织: { zh: '法人或其他组织：分商业企业、科研机构、社会公益组织、法律服务机构、其他五列，没有小计列。', en: 'Legal persons or other organisations: five columns, no subtotal.' },
        行政复议: { zh: '行政复议：因政府信息公开工作被申请行政复议的件数（第五十一条）。', en: 'Administrative reconsideration about disclosure (art. 51).' },
        行政诉讼: { zh: '行政诉讼：分“未经复议直接起诉”和“复议后起诉”两组（第五十一条）。', en: 'Litigation: direct, and after reconsideration (art. 51).' },
        未经复议直接起诉: { zh: '未经复议直接起诉的行政诉讼。', en: 'Litigation without prior reconsideration.' },
        复议后起诉: { zh: '经行政复议后提起的行政诉讼。', en: 'Litigation after reconsideration.' },
      };
      const g = generic[n];
      if (g) return md(pick(g, lang), m.lines, h.range);
      if (!h.known) return md((h.suggestion ? tr(lang, 'msg.unknownHeader', { text: h.text, suggestion: h.suggestion }) : tr(lang, 'msg.unknownHeader.noSuggestion', { text: h.text })), m.lines, h.range);
    }
  }
  return null;
}

function findColumn(tableId: string, text: string, format: '2019' | '2021') {
  const n = norm(text);
  if (tableId === 'table3') return spec.table3.columns.find((c) => norm(c.label) === n);
  if (tableId === 'table2') return spec.table2.columns.find((c) => norm(c.label) === n);
  for (const item of [...table1ItemsFor(format), ...table1ItemsFor(format === '2021' ? '2019' : '2021')]) {
    const c = item.columns.find((x) => [x.label, ...x.aliases].some((l) => norm(l) === n));
    if (c) return c;
  }
  return undefined;
}

// ---------------------------------------------------------------- sections
function sectionHover(m: ReportModel, offset: number, lang: Lang): Hover | null {
  const s = m.sections.find((x) => contains(x.headingRange, offset));
  if (!s) return null;
  const ss = spec.sections.find((x) => x.number === s.number);
  if (!ss) return null;
  return md([`**${ss.numeral}、${ss.title}**`, pick(ss.content, lang), tr(lang, 'hover.basis'), basisText(ss.basis, lang)].join('\n\n'), m.lines, s.headingRange);
}

/** A figure the narrative quotes: what it is compared with, written out, and whether it agrees. */
function figureHover(m: ReportModel, offset: number, lang: Lang): Hover | null {
  const f = quotedFigures(m).find((x) => offset >= x.range.start && offset <= x.range.end);
  if (!f) return null;
  const readings = f.kind.readings(m);
  if (!readings || readings.length === 0) return null;
  const primary = readings[0]!;
  const accepted = readings.slice(0, f.kind.accepted ?? 1);
  const lines = [`${pick(primary.label, lang)} = ${primary.value}`];
  const same = accepted.find((r) => r.value === f.value) ?? readings.find((r) => r.value === f.value);
  lines.push(pick(message(same ? (accepted.includes(same) ? 'hover.figure.agrees' : 'hover.figure.otherReading') : 'hover.figure.differs', { said: f.value, reading: same ? pick(same.label, 'zh-CN') : '', readingEn: same ? same.label.en : '' }), lang));
  return md(lines.join('\n\n'), m.lines, f.range);
}
