// The Outline: title → sections 一…六 (as written, in document order) → sub-headings and tables
// → 表1 items / 表2 rows 一 二 三 四 / 表3.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { chineseNumeral, spec, type Lang, type Range, type Table } from '../../../shared/src/index';
import type { Analysis } from '../analysis';
import { toLspRange } from '../lsp';

const TOP_ROWS = new Set(['new', 'carried', 'results', 'carryOver']);

export function documentSymbols(a: Analysis, lang: Lang): DocumentSymbol[] {
  if (!a.active) return [];
  const { model } = a;
  const lines = model.lines;
  const sym = (name: string, kind: SymbolKind, range: Range, selection: Range, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol => ({
    name: name.trim() || '—', kind, range: toLspRange(lines, range), selectionRange: toLspRange(lines, { start: Math.max(range.start, Math.min(selection.start, range.end)), end: Math.max(range.start, Math.min(selection.end, range.end)) }), children, ...(detail ? { detail } : {}),
  });

  const tableSymbol = (t: Table): DocumentSymbol => {
    const tspec = spec.tables.find((x) => x.id === t.id);
    const name = lang === 'en' ? `Table ${tspec?.number} ${tspec?.titleEn}` : `表${tspec?.number} ${tspec?.title}`;
    const children: DocumentSymbol[] = [];
    if (t.id === 'table1') {
      for (const item of t.items) {
        const end = item.rows.length ? Math.max(...item.rows.map((r) => Math.max(r.labelRange.end, ...r.cells.map((c) => c.range.end)))) : item.labelRange.end;
        children.push(sym(`第二十条第（${chineseNumeral(item.item)}）项`, SymbolKind.Field, { start: item.labelRange.start, end: Math.max(end, item.labelRange.end) }, item.labelRange,
          item.rows.map((r) => sym(r.label, SymbolKind.Property, rowRange(r), r.labelRange))));
      }
    } else if (t.id === 'table2') {
      // 一 二 三 四 at the top; the outcome rows under 三.
      let results: DocumentSymbol | undefined;
      for (const r of t.rows) {
        const s = sym(r.label, SymbolKind.Field, rowRange(r), r.labelRange);
        if (TOP_ROWS.has(r.rowId)) {
          children.push(s);
          if (r.rowId === 'results') results = s;
        } else if (results && r.rowId !== 'carryOver') {
          if (!r.rowId.includes('.')) {
            results.children?.push(s);
            results.range = { start: results.range.start, end: s.range.end };
          }
        }
      }
    }
    return sym(name, SymbolKind.Struct, t.range, { start: t.range.start, end: Math.min(t.range.end, t.range.start + 1) }, children);
  };

  const tables = Object.values(model.tables).filter((t): t is Table => !!t);
  const placed = new Set<Table>();
  const sections = model.sections.map((s) => {
    const children: DocumentSymbol[] = s.subheadings.map((h) => sym(`（${h.numeral}）${h.title}`, SymbolKind.Key, h.range, h.range));
    for (const t of tables) {
      if (t.range.start >= s.range.start && t.range.start < Math.max(s.range.end, s.headingRange.end + 1)) {
        children.push(tableSymbol(t));
        placed.add(t);
      }
    }
    children.sort((x, y) => x.range.start.line - y.range.start.line);
    const written = model.text.slice(s.numeralRange.start, s.numeralRange.end);
    const name = s.partStyle ? `第${written}部分 ${s.title}` : `${written}${s.title}`;
    return sym(name, SymbolKind.Module, { start: s.headingRange.start, end: Math.max(s.range.end, s.headingRange.end) }, s.headingRange, children);
  });
  const loose = tables.filter((t) => !placed.has(t)).map(tableSymbol);
  if (a.languageId === 'markdown') return markdownSymbols(a, sections, loose);
  const body = [...sections, ...loose].sort((x, y) => x.range.start.line - y.range.start.line);
  if (model.title) {
    const end = Math.max(model.title.range.end, ...model.sections.map((s) => s.range.end), ...tables.map((t) => t.range.end));
    return [sym(model.title.text, SymbolKind.File, { start: model.title.range.start, end }, model.title.range, body)];
  }
  return body;
}

function rowRange(r: { labelRange: Range; cells: Array<{ range: Range }> }): Range {
  let end = r.labelRange.end;
  let start = r.labelRange.start;
  for (const c of r.cells) {
    if (c.range.end > end) end = c.range.end;
    if (c.range.start < start) start = c.range.start;
  }
  return { start, end };
}

/**
 * Markdown lists its own headings in the Outline: a section written as a Markdown heading would
 * appear twice. Only what Markdown does not show is contributed there: the tables with their
 * items and rows, the sub-headings, and sections written as plain lines.
 */
function markdownSymbols(a: Analysis, sections: DocumentSymbol[], loose: DocumentSymbol[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [...loose];
  a.model.sections.forEach((s, i) => {
    const symbol = sections[i] as DocumentSymbol;
    if (s.markdownLevel > 0) out.push(...(symbol.children ?? []));
    else out.push(symbol);
  });
  return out.sort((x, y) => x.range.start.line - y.range.start.line);
}
