// The report's headings as the format names them: the six sections by their titles and the
// keywords a variant title keeps, and how a heading is numbered (一、, 第一部分, （一）).
import { spec } from './data';
import type { SectionSpec } from './schema';
import { norm } from '../text';

/** "一、总体情况", "2、主动公开政府信息情况", "三 收到和处理…": numeral, separator, title. */
export const HEADING = /^([一二三四五六七八九十]{1,2}|\d{1,2})\s*([、.．，,:：]|\s)\s*(\S.*)$/;
/** "第一部分 总体情况", "第三部分：…": the numbering some agencies use. */
export const PART_HEADING = /^第([一二三四五六七八九十]{1,2})部分\s*([、.．，,:：]?)\s*(\S.*)$/;
/** A sub-heading "（一）…" inside a section. */
export const SUB_HEADING = /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*(.*)$/;

/** The six sections' own titles, normalised. */
export const canonicalTitles = spec.sections.map((s) => norm(s.title));

/** The spec section a heading title names, if any. */
export function sectionOfTitle(title: string): SectionSpec | undefined {
  const n = norm(title).replace(/[。.]+$/, '');
  if (n.length === 0 || n.length > 40 || n.includes('。')) return undefined;
  return spec.sections.find((s) => s.keywords.some((group) => group.every((w) => n.includes(w))));
}
