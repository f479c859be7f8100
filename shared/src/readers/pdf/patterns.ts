// The words the PDF reader tells apart by their text: figures, page numbers, numbered labels (the
// format's own patterns are in format/patterns.ts; these are the PDF reader's).
import { NUMBERED_LABEL, PAGE_NUMBER } from '../../format/patterns';

export { PAGE_NUMBER };

/** A figure as a table cell holds it. */
export const FIGURE = /^[0-9０-９]+(?:[.．][0-9０-９]+)?$/;

/** A numbered label ("一、", "（一）", "1.", "1、") starts a cell of its own; other text goes on. */
export const NUMBERED = NUMBERED_LABEL;

/** A numbered heading or a sentence: no table header. */
export const HEADING_OR_SENTENCE = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)|。/;

/** A piece that starts with one character and then punctuation a line may not start with ("用、行政"). */
export const CARRIED_PUNCTUATION = /^.[、，。；：）」”]/u;
