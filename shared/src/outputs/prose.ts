// The Markdown that `gov-report convert --to md` writes for a reader to edit: the rebuilt report
// (whose lines follow the PDF's, so that each finding maps back to its page) with the title and
// the six section headings made Markdown headings, and a paragraph's lines that the PDF broke in
// mid-sentence joined again. Tables are left as they are. What the checker reads is unchanged:
// the same sections, tables and figures (tested by checking both).
import type { ReportModel } from '../model';
import { parse } from '../pipeline';
import { ITEM_START } from '../format/patterns';

/** Ends of a sentence or a clause after which a line break is the writer's, not the page's. */
const SENTENCE_END = /[。！？；：:;!?]$/;
/** A line that starts a new item: （一） 一、 1. 1、 第一 ① … */

export function proseMarkdown(markdown: string): string {
  const model: ReportModel = parse(markdown);
  const lines = markdown.split('\n');
  const lineOf = (offset: number) => model.lines.positionAt(offset).line;
  const headings = new Map<number, string>();
  if (model.title) {
    const first = lineOf(model.title.range.start);
    const last = lineOf(model.title.range.end);
    // A title printed over two lines (agency, then 年度报告) becomes one heading.
    headings.set(first, `# ${lines.slice(first, last + 1).map((l) => l.trim()).filter(Boolean).join('')}`);
    for (let k = first + 1; k <= last; k++) headings.set(k, '');
  }
  for (const s of model.sections) {
    const line = lineOf(s.headingRange.start);
    if (!headings.has(line) && !lines[line]!.trimStart().startsWith('#')) headings.set(line, `## ${lines[line]!.trim()}`);
  }
  const inTable = new Set<number>();
  for (const t of Object.values(model.tables)) {
    if (!t) continue;
    for (let k = lineOf(t.range.start); k <= lineOf(Math.max(t.range.start, t.range.end - 1)); k++) inTable.add(k);
  }
  const out: string[] = [];
  let joinable = false;
  let lastPlain = false;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    const heading = headings.get(k);
    if (heading !== undefined) {
      if (heading) out.push(heading);
      joinable = lastPlain = false;
      continue;
    }
    const text = line.trim();
    const plain = text !== '' && !inTable.has(k) && !text.startsWith('|') && !text.startsWith('#');
    if (plain && joinable && !ITEM_START.test(text)) out[out.length - 1] += text;
    else {
      // Two paragraphs on consecutive lines would render as one: a blank line between them.
      if (plain && lastPlain) out.push('');
      out.push(line);
    }
    joinable = plain && !SENTENCE_END.test(text);
    lastPlain = plain;
  }
  // Headings and paragraphs apart, as Markdown wants them.
  return out.join('\n').replace(/\n(#{1,2} [^\n]*)\n(?!\n)/g, '\n$1\n\n').replace(/([^\n])\n(#{1,2} )/g, '$1\n\n$2');
}
