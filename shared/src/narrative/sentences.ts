// Sentences of the narrative (outside the tables), with their ranges: the unit in which outcome
// words and percentages are read.
import type { ReportModel } from '../model';
import { tableRanges } from '../query';
import type { Range } from '../text';

export interface Sentence {
  text: string;
  range: Range;
}

const split = new WeakMap<ReportModel, Sentence[]>();

/** The narrative's sentences (split once per model: several rules read them). */
export function narrativeSentences(model: ReportModel): Sentence[] {
  let sentences = split.get(model);
  if (!sentences) split.set(model, (sentences = splitSentences(model)));
  return sentences;
}

// Where a sentence ends: 。；！？, or a blank line (a heading, a paragraph without a full stop).
const SENTENCE_END = /[。；;！？]|\n(?=\r?\n)/g;

function splitSentences(model: ReportModel): Sentence[] {
  const text = model.text.length > 2_000_000 ? model.text.slice(0, 2_000_000) : model.text;
  // A table ends the sentence before it and is skipped (tables in document order, none inside another).
  const tables = tableRanges(model);
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = text.slice(start, end);
    if (s.trim()) out.push({ text: s, range: { start, end } });
  };
  let next = 0;
  SENTENCE_END.lastIndex = 0;
  for (;;) {
    while (next < tables.length && (tables[next] as Range).start < start) next++;
    const m = SENTENCE_END.exec(text);
    const table = tables[next];
    if (table && (!m || m.index >= table.start)) {
      push(table.start);
      start = Math.max(table.end, table.start + 1);
      SENTENCE_END.lastIndex = start;
      next++;
      continue;
    }
    if (!m) break;
    push(m.index + 1);
    start = m.index + 1;
  }
  push(text.length);
  return out;
}

/** Words that put a clause outside this year's report (last year, a comparison, a period);
 *  "上年结转" is this year's count of carried-over applications, not last year's. */
// A month range ("1至6月") starts where a run of numerals starts and is short: a long run of digits
// is tried once, not from each of its positions.
export const OTHER_SCOPE = /(上年(?!度?结转)|去年|上一年(?!度?结转)|同比|比上年|较上年|较去年|环比|季度|上半年|下半年|(?<![0-9０-９一二三四五六七八九十])[0-9０-９一二三四五六七八九十]{1,4}\s*(?:至|到|-|—|~)\s*[0-9０-９一二三四五六七八九十]{1,4}\s*月|截至|累计|历年|以来)/;
