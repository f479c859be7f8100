// Completion of what a report is made of: the six section headings, the 第二十条 items of 表1 and
// the rows of 表2, each inserting the full official label (replacing what was typed of it).
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { chineseNumeral, pick, spec, table1ItemsFor, table2RowsFor, type Lang } from '../../../shared/src/index';
import type { Analysis } from '../analysis';

/** Typed text longer than this is a sentence, not the start of a label. */
const MAX_PREFIX = 24;

export function completions(a: Analysis, offset: number, lang: Lang): CompletionItem[] {
  if (!a.active) return [];
  const text = a.model.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  // A label starts at the line's start (after Markdown's # and spaces) or after a cell separator.
  const m = /(?:^[#\s]*|[\t|]\s*)([^\t|]*)$/.exec(before);
  const typed = m ? (m[1] as string) : '';
  if (typed.length > MAX_PREFIX) return [];
  const start = offset - typed.length;
  const lines = a.model.lines;
  const range = { start: lines.positionAt(start), end: lines.positionAt(offset) };
  const inCell = /[\t|]/.test(before);
  const format = a.model.formatVersion ?? '2021';
  const items: CompletionItem[] = [];
  const push = (label: string, kind: CompletionItemKind, detail: string, documentation: string) => {
    items.push({
      label, kind, detail,
      documentation: { kind: 'markdown', value: documentation },
      textEdit: { range, newText: label },
      insertTextFormat: InsertTextFormat.PlainText,
      filterText: label,
      sortText: String(items.length).padStart(3, '0'),
    });
  };
  if (!inCell) {
    for (const s of spec.sections) push(`${s.numeral}、${s.title}`, CompletionItemKind.Module, lang === 'en' ? `Section ${s.number}: ${s.titleEn}` : `第${s.numeral}部分`, pick(s.content, lang));
  }
  for (const item of table1ItemsFor(format)) {
    push(`第二十条第（${chineseNumeral(item.item)}）项`, CompletionItemKind.Enum, lang === 'en' ? `Table 1, article 20 item (${item.item})` : '表1 第二十条', item.rows.map((r) => r.label).join('、'));
  }
  for (const r of table2RowsFor(format)) push(r.label, CompletionItemKind.Field, lang === 'en' ? `Table 2 row: ${r.en}` : '表2 行', pick(r.meaning, lang));
  return items;
}
