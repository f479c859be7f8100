// Section headings (一 … 六), sub-headings （一）…, and the title block before section 一.
import type { Section, SubHeading } from '../model';
import { spec } from '../format/data';
import type { SectionSpec } from '../format/schema';
import { norm, parseNumeral, type Range } from '../text';
import type { LogicalLine } from '../grid/grid';
import { canonicalTitles, HEADING, PART_HEADING, sectionOfTitle, SUB_HEADING } from '../format/headings';


export interface HeadingCandidate {
  line: LogicalLine;
  spec: SectionSpec;
  numeral: string;
  numeralRange: Range;
  title: string;
  /** Numbered "第一部分 …" rather than "一、…". */
  partStyle?: boolean;
}

/** Emphasis around a heading ("**一、总体情况**"): a bold line in Markdown or a converter's output. */
const EMPHASIS_OPEN = /^(\*\*|__)(?=\S)/;

export function findHeadings(lines: LogicalLine[]): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  for (const line of lines) {
    if (line.tabular) continue;
    let content = line.text.slice(line.contentStart - line.start);
    let contentStart = line.contentStart;
    const emphasis = EMPHASIS_OPEN.exec(content);
    if (emphasis) {
      content = content.slice(emphasis[0].length);
      contentStart += emphasis[0].length;
    }
    const part = PART_HEADING.exec(content);
    const m = part ?? HEADING.exec(content);
    if (!m) continue;
    const numeral = m[1] as string;
    // Zero-width spaces stand for the inline tags of an HTML heading (see readers/html.ts).
    let title = (m[3] as string).replace(/\u200b/g, '').trim();
    if (emphasis) title = title.split(emphasis[1] as string).join('').trim();
    let s = sectionOfTitle(title);
    if (!s) {
      // A heading with its first sentence on the same line ("一、总体情况。2023 年，…").
      const stop = title.search(/[。：:]/);
      const head = stop >= 2 ? title.slice(0, stop) : '';
      s = head ? sectionOfTitle(head) : undefined;
      if (s) title = head;
    }
    if (!s) continue;
    // Arabic numbering is accepted only for an (almost) canonical title: "2、主动公开政府信息情况",
    // not a numbered list item of the narrative.
    if (/^\d/.test(numeral)) {
      const n = norm(title).replace(/[。.]+$/, '');
      if (!canonicalTitles.some((c) => n.includes(c))) continue;
    }
    if (part) {
      // The numeral inside 第…部分 is what a renumbering changes.
      out.push({ line, spec: s, numeral, numeralRange: { start: contentStart + 1, end: contentStart + 1 + numeral.length }, title, partStyle: true });
      continue;
    }
    const numeralEnd = contentStart + content.indexOf(m[2] as string, numeral.length) + (m[2] as string).length;
    out.push({ line, spec: s, numeral, numeralRange: { start: contentStart, end: /\s/.test(m[2] as string) ? contentStart + numeral.length : numeralEnd }, title });
  }
  return preferExactTitles(out);
}

/**
 * Two headings that name the same section ("三、主动公开工作情况", a point of the overview, and
 * "一、主动公开政府信息情况" before 表1): when exactly one of them has the format's own title, it is
 * the section and the others are points of the text, not a duplicated section.
 */
function preferExactTitles(candidates: HeadingCandidate[]): HeadingCandidate[] {
  const exact = (h: HeadingCandidate) => {
    const n = norm(h.title).replace(/[。.]+$/, '');
    return [h.spec.title, ...(h.spec.variants ?? [])].some((t) => norm(t) === n);
  };
  const drop = new Set<HeadingCandidate>();
  for (const number of new Set(candidates.map((h) => h.spec.number))) {
    const same = candidates.filter((h) => h.spec.number === number);
    const exacts = same.filter(exact);
    if (same.length > 1 && exacts.length === 1) for (const h of same) if (h !== exacts[0]) drop.add(h);
  }
  return drop.size ? candidates.filter((h) => !drop.has(h)) : candidates;
}


export function buildSections(headings: HeadingCandidate[], lines: LogicalLine[], textLength: number, tableRanges: Range[]): Section[] {
  const sections: Section[] = headings.map((h, i) => {
    const next = headings[i + 1];
    const end = next ? next.line.start : textLength;
    return {
      number: h.spec.number,
      writtenNumeral: h.numeral,
      writtenNumber: parseNumeral(h.numeral),
      numeralRange: h.numeralRange,
      ...(h.partStyle ? { partStyle: true } : {}),
      title: h.title,
      headingRange: { start: h.line.contentStart, end: h.line.end },
      range: { start: h.line.start, end: trimEnd(lines, h.line.start, end) },
      markdownLevel: h.line.markdownLevel,
      ...(h.line.markdownLevel > 0 ? { markdownPrefixRange: { start: h.line.start, end: h.line.contentStart } } : {}),
      subheadings: [],
      read: 'sure' as const,
    };
  });
  // Sub-headings: "（一）主动公开…" lines inside a section, outside its tables.
  let si = 0;
  for (const line of lines) {
    while (si < sections.length && line.start >= (sections[si] as Section).range.end) si++;
    const section = sections[si];
    if (!section || line.start <= section.headingRange.start || line.tabular) continue;
    if (tableRanges.some((r) => line.start >= r.start && line.start < r.end)) continue;
    const content = line.text.slice(line.contentStart - line.start);
    const m = SUB_HEADING.exec(content);
    if (!m) continue;
    const rest = (m[2] as string).trim();
    const cut = rest.search(/[：:。；;，,]/);
    const title = (cut >= 0 ? rest.slice(0, cut) : rest).slice(0, 30);
    const sub: SubHeading = { numeral: m[1] as string, title: title || rest.slice(0, 30), range: { start: line.contentStart, end: line.end } };
    section.subheadings.push(sub);
  }
  return sections;
}

function trimEnd(lines: LogicalLine[], start: number, end: number): number {
  // The section ends where its last non-empty line ends, so folding does not swallow blank lines.
  // Binary search for the last line before `end`, then step back over blank lines: linear overall.
  let lo = 0;
  let hi = lines.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((lines[mid] as LogicalLine).start < end) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last; i >= 0; i--) {
    const l = lines[i] as LogicalLine;
    if (l.start < start) break;
    if (l.text.trim() !== '') return Math.max(l.end, start);
  }
  return start;
}

export interface TitleInfo {
  text: string;
  range: Range;
  year?: number;
  agency?: string;
}

/** The report title: the line(s) before section 一 naming 年度报告. */
/** A site's breadcrumb ("当前位置：首页 > 政务公开 > …") and a crawler's metadata lines ("标题: …"). */
const BREADCRUMB = /^(?:当前位置|您的位置|您现在的位置|当前的位置|所在位置)\s*[:：]/;
const METADATA = /^(?:标\s*题|发布时间|发文日期|成文日期|来\s*源|文\s*号|栏\s*目|原文链接|发布机构|本地目录|索\s*引\s*号|主题分类|页面链接[^:：]*|信息来源|浏览次数)\s*[:：]|^={3,}/;

/** The title inside a breadcrumb or a metadata line: what follows its last separator or label. */
function titleText(text: string): string {
  if (BREADCRUMB.test(text)) return text.slice(Math.max(...['>', '＞', '»', '›', '/'].map((c) => text.lastIndexOf(c))) + 1).trim();
  const meta = /^标\s*题\s*[:：]\s*/.exec(text);
  return meta ? text.slice(meta[0].length).trim() : text;
}

export function findTitle(lines: LogicalLine[], firstSectionStart: number): TitleInfo | undefined {
  const before = lines.filter((l) => l.start < firstSectionStart && l.text.trim() !== '' && !l.tabular);
  for (let i = 0; i < Math.min(before.length, 12); i++) {
    const l = before[i] as LogicalLine;
    const raw = l.text.slice(l.contentStart - l.start).replace(/\u200b/g, '').trim();
    const inner = titleText(raw);
    // A page title ends with its site's name ("…年度报告_政府信息公开年报_某某管委会"): not the report's.
    const site = /年度报告\s*[-_|｜—–－]/.exec(inner);
    const own = site ? inner.slice(0, site.index + 4) : inner;
    const n = norm(own);
    if (n.length > 80 || !(n.includes('年度报告') || n.includes('工作报告'))) continue;
    let start = l.contentStart + (raw.length - inner.length);
    let text = own;
    // A title broken over two lines ("2024年度广水市科技经信局" / "政府信息公开工作年度报告").
    const prev = before[i - 1];
    if (prev && own === raw && !BREADCRUMB.test(prev.text.trim()) && !METADATA.test(prev.text.trim()) && !/[。；]/.test(prev.text) && norm(prev.text).length <= 40 && isAdjacent(lines, prev, l)) {
      start = prev.contentStart;
      text = prev.text.slice(prev.contentStart - prev.start).replace(/\u200b/g, '').trim() + text;
    }
    const year = /((?:19|20)\d{2})\s*年/.exec(text);
    const agency = text
      .replace(/((?:19|20)\d{2})\s*年度?/, '')
      .replace(/政府信息公开\s*工作\s*年度报告|政府信息公开年度报告|年度报告/, '')
      .replace(/\s+/g, '')
      .trim();
    return { text, range: { start, end: l.end }, ...(year ? { year: Number(year[1]) } : {}), ...(agency ? { agency } : {}) };
  }
  return undefined;
}

function isAdjacent(lines: LogicalLine[], a: LogicalLine, b: LogicalLine): boolean {
  const ia = lines.indexOf(a);
  return ia >= 0 && lines[ia + 1] === b;
}
