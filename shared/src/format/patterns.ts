// The written forms the format's text shares, each written once: numerals and numbering, page
// numbers, figures and the placeholders that stand for them. Readers, the heading reader and the
// interpreter all take them from here. Every pattern is anchored and has no nested repetition,
// so none can backtrack on what a hostile document holds.

/** A Chinese numeral's characters, as the format numbers sections, items and rows. */
export const CN_DIGIT = '[一二三四五六七八九十]';

/** A label's own numbering: "三、", "（一）" or "(一)", "1." "1．" "1、". */
const LABEL_NUMBERING = `(?:${CN_DIGIT}+、|[（(]${CN_DIGIT}+[）)]|\\d+[.．、])`;
/** Text that starts with a label's numbering. */
export const NUMBERED_LABEL = new RegExp(`^${LABEL_NUMBERING}`);
/** A label's numbering standing alone ("1." apart from "属于国家秘密"). */
export const LABEL_NUMBERING_ONLY = new RegExp(`^${LABEL_NUMBERING}$`);
/** List numbering as `stripNumbering` removes it from normalised text ("三、", "(一)", "1.", "2)"). */
export const LIST_NUMBERING = new RegExp(`^(?:${CN_DIGIT}+[、.,:：]|\\([一二三四五六七八九十\\d]+\\)|\\d+\\.(?!\\d)|\\d+[)、])`);
/** The start of a list item in a paragraph ("（一）", "一、", "1.", "第一", "①"): a line break before it is the writer's. */
export const ITEM_START = new RegExp(`^(?:[（(][一二三四五六七八九十\\d]{1,3}[）)]|${CN_DIGIT}{1,3}、|\\d{1,2}[.、．]|第${CN_DIGIT}{1,3}|[①-⑳])`);
/** A section's numeral alone, as Word's list numbering is copied before a tab ("一、", "第一部分："). */
export const SECTION_NUMERAL_ONLY = new RegExp(`^(?:${CN_DIGIT}{1,2}[、.．]|第${CN_DIGIT}{1,2}部分[、.．:：]?)$`);
/** A numbered line ("一、", "3." ...): no continuation of a wrapped cell. */
export const NUMBERED_LINE = new RegExp(`^[一二三四五六七八九十\\d]+[、.．]`);

/** A page's number printed as a line of its own ("- 3 -", "第 3 页 共 9 页", "3/9"). */
export const PAGE_MARKER = /^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;
/** A page's number in a PDF page's margin, trimmed: "- 3 -", "3", "第 3 页", "3/12". */
export const PAGE_NUMBER = /^(?:[-—–－]?\s*\d{1,3}\s*[-—–－]?|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

/** The units a figure may be written with ("2笔", "984361元"): read as the number, the unit kept apart. */
export const VALUE_UNITS = '万元|元|件|个|项|次|笔';
/** A figure as written: ASCII or full-width digits, thousands separators, decimals, a trailing unit. */
const NUMBER_TEXT = new RegExp(`^[+\\-－]?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?\\s*(?:${VALUE_UNITS})?$`);
/** A figure once normalised (NFKC, no spaces, ASCII separators), its parts captured: sign, whole, fraction, unit. */
export const NUMBER_PARTS = new RegExp(`^([+-]?)(\\d+(?:,\\d{3})*)(?:\\.(\\d+))?(${VALUE_UNITS})?$`);
/** A placeholder standing for a figure: a dash, a slash, 无, 空. */
export const PLACEHOLDER = /^(?:[—–\-－―─]{1,3}|[/／\\]|无|空)$/;

/** What a figure or a placeholder starts with: told before a line is cut into words. */
export function mayStartFigure(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || FIGURE_START.includes(text.charAt(0));
}
/** The signs of NUMBER_TEXT and the first characters of PLACEHOLDER. */
const FIGURE_START = '+-－—–―─/／\\无空';

/** A cell that holds a figure or a placeholder for one. */
export function isValueText(s: string): boolean {
  return NUMBER_TEXT.test(s) || PLACEHOLDER.test(s);
}
