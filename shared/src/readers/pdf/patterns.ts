// The words the PDF reader tells apart by their text (the format's own patterns, page numbers and
// numbered labels among them, are in format/patterns.ts; these are the PDF reader's).

/** A figure as a table cell holds it. */
export const FIGURE = /^[0-9０-９]+(?:[.．][0-9０-９]+)?$/;

/** A numbered heading or a sentence: no table header. */
export const HEADING_OR_SENTENCE = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)|。/;

/** A piece that starts with one character and then punctuation a line may not start with ("用、行政"). */
export const CARRIED_PUNCTUATION = /^.[、，。；：）」”]/u;
