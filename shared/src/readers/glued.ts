// Text saved by a crawler: the whole body on one line with nothing between the cells
// ("…申请数量640020470二、上年结转…0000000三、本年度办理结果（一）予以公开270020130"). The words
// give no help here, so this reader cuts the line by what the format knows: section headings
// (numeral and title), table markers, row labels by their numbering, and runs of digits. A run
// of digits becomes a line of its own, marked as glued: the table reader splits it into cells
// only where the identities allow exactly one split (flattened.ts), else it reads nothing.
//
// Every step is a forward scan over the line: linear whatever the line holds.
import { sectionOfTitle } from '../format/headings';
import { table1LabelTexts } from '../format/labels';

export interface Glued {
  /** Offsets where a new line starts. */
  breaks: number[];
  /** Starts of the lines that are runs of glued digits. */
  valueLines: number[];
  /** Runs of digits read as a row's values. */
  rows: number;
}

const NUMERALS = '一二三四五六七八九十';
const SECTION_NUMERALS = '一二三四五六';
/** Where a section title ends: it names 情况, 事项, 问题 or 措施. */
const TITLE_ENDS = ['情况', '事项', '问题', '措施'];
const MAX_TITLE = 40;
/** Only a line this long with this many glued rows is read this way (cost and certainty). */
const MAX_LINE = 400_000;
const MIN_GLUED_ROWS = 3;

const isDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const isBlank = (c: number) => c === 32 || c === 0xa0 || c === 0x3000 || c === 9;

/** A section heading "三、收到和处理…情况" at `i` (the numeral); the offset its title ends at. */
export function sectionHeadingEnd(line: string, i: number): number | undefined {
  const numeral = line.charAt(i);
  const number = SECTION_NUMERALS.indexOf(numeral) + 1;
  if (number === 0 || line.charAt(i + 1) !== '、') return undefined;
  const from = i + 2;
  let stop = from;
  // The title runs to the first stop, bracket, space or digit ("、" belongs to titles).
  while (stop < line.length && stop - from < MAX_TITLE) {
    const c = line.charCodeAt(stop);
    if (isDigit(c) || isBlank(c) || '。，,；;：:（(“"'.includes(line.charAt(stop))) break;
    stop++;
  }
  // The longest title that ends in one of the title words and names this section.
  for (let e = stop; e > from + 1; e--) {
    if (!TITLE_ENDS.includes(line.slice(e - 2, e))) continue;
    const s = sectionOfTitle(line.slice(from, e));
    if (s && s.number === number) return e;
  }
  return undefined;
}

/** 表1 row labels, longest first, for the label that ends a run of text before its figures. */
const TABLE1_LABELS = [...new Set(table1LabelTexts.map((l) => l.text))].sort((a, b) => b.length - a.length);

/**
 * The cuts of a glued line, or undefined when the line is not glued text (then the web-copy
 * reader of spaced words applies).
 */
export function gluedBreaks(text: string, start: number, end: number): Glued | undefined {
  if (end - start > MAX_LINE) return undefined;
  const line = text.slice(start, end);
  if (!isGlued(line)) return undefined;
  const breaks: number[] = [];
  const valueLines: number[] = [];
  const cut = (at: number) => {
    if (at > 0 && at < line.length) breaks.push(start + at);
  };
  // The tables: from a table marker to the next sentence, or to the heading of section 五.
  const markers = markerOffsets(line);
  let nextMarker = 0;
  let rows = 0;
  let inTable = false;
  let textStart = 0;
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (SECTION_NUMERALS.includes(line.charAt(i)) && line.charAt(i + 1) === '、') {
      const e = sectionHeadingEnd(line, i);
      if (e !== undefined) {
        cut(i);
        cut(e);
        // Section 五 and after: narrative again.
        if (line.charAt(i) === '五' || line.charAt(i) === '六') inTable = false;
        i = textStart = e;
        continue;
      }
    }
    while (nextMarker < markers.length && (markers[nextMarker] as number) <= i) {
      nextMarker++;
      inTable = true;
    }
    if (!inTable) {
      i++;
      continue;
    }
    if (line.charAt(i) === '。') {
      // A sentence: narrative inside the tables' part; its figures are not cells.
      inTable = false;
      i++;
      continue;
    }
    if (isDigit(c)) {
      const run = digitRun(line, i);
      // "…00000002.其他法律…": the last digit numbers the next label.
      if (run.numbering) {
        if (run.end - 1 > i) {
          cutValues(i);
          rows++;
        }
        cut(run.end - 1);
        textStart = run.end - 1;
        i = run.end + 1;
        continue;
      }
      labelBefore(textStart, i);
      cutValues(i);
      rows++;
      cut(run.end);
      i = textStart = run.end;
      continue;
    }
    // A label numbered "一、" or "（一）" starts a line; "第二十条第（一）项" and "这一情形" do not.
    if (line.startsWith('第二十条第', i)) {
      // The item marker is a line of its own; the header words after it are another.
      const item = line.indexOf('项', i + 5);
      cut(i);
      if (item > 0 && item - i <= 10) {
        cut(item + 1);
        i = textStart = item + 1;
      } else i += 5;
      continue;
    }
    if (NUMERALS.includes(line.charAt(i)) && line.charAt(i + 1) === '、' && i > textStart) {
      cut(i);
      textStart = i;
    } else if ((line.charAt(i) === '（' || line.charAt(i) === '(') && NUMERALS.includes(line.charAt(i + 1)) && line.charAt(i - 1) !== '第') {
      const close = line.charAt(i + 2) === '）' || line.charAt(i + 2) === ')' ? i + 2 : NUMERALS.includes(line.charAt(i + 2)) && (line.charAt(i + 3) === '）' || line.charAt(i + 3) === ')') ? i + 3 : -1;
      if (close > 0 && isCjk(line.charCodeAt(close + 1))) {
        cut(i);
        textStart = i;
      }
    }
    i++;
  }
  if (rows < MIN_GLUED_ROWS) return undefined;
  const sorted = [...new Set(breaks)].sort((a, b) => a - b);
  return { breaks: sorted, valueLines: valueLines.sort((a, b) => a - b), rows };

  function cutValues(at: number) {
    cut(at);
    valueLines.push(start + at);
  }
  /** A 表1 row label ending the text before a run of figures ("…现行有效件数规章000"). */
  function labelBefore(from: number, at: number) {
    let stop = at;
    while (stop > from && isBlank(line.charCodeAt(stop - 1))) stop--;
    const before = line.slice(Math.max(from, stop - 24), stop);
    at = stop;
    for (const label of TABLE1_LABELS) {
      if (before.endsWith(label) && before.length > label.length) {
        cut(at - label.length);
        return;
      }
    }
  }
}

/**
 * Cells glued to their labels: runs of seven or more digits (a 表2 row) written right after a
 * Chinese character or a closing bracket, three times at least. A web copy whose cells stand
 * apart by spaces has none, and is read by its words (webCopy.ts).
 */
function isGlued(line: string): boolean {
  let found = 0;
  let i = 0;
  while (i < line.length && found < MIN_GLUED_ROWS) {
    const c = line.charCodeAt(i);
    if (!isDigit(c)) {
      i++;
      continue;
    }
    // One space may stand between a label and its figures ("申请数量 690000069二、…") when the
    // figures themselves ran together (a piece of six digits at least): spaced cells are no glue.
    const spaced = isBlank(line.charCodeAt(i - 1)) && !isBlank(line.charCodeAt(i - 2));
    const prev = spaced ? line.charCodeAt(i - 2) : line.charCodeAt(i - 1);
    let j = i;
    let digits = 0;
    let piece = 0;
    let longest = 0;
    while (j < line.length && (isDigit(line.charCodeAt(j)) || (isBlank(line.charCodeAt(j)) && isDigit(line.charCodeAt(j + 1))))) {
      if (isDigit(line.charCodeAt(j))) {
        digits++;
        longest = Math.max(longest, ++piece);
      } else piece = 0;
      j++;
    }
    if (digits >= 7 && (!spaced || longest >= 6) && (isCjk(prev) || prev === 0xff09 || prev === 41 || prev === 0x201d)) found++;
    i = j;
  }
  return found >= MIN_GLUED_ROWS;
}

/** Words that only a table has: 表1's item markers, 表2's corner note and header, 表3's header. */
const TABLE_MARKERS = ['第二十条第', '本列数据', '勾稽关系', '申请人情况', '结果维持'];
const MAX_MARKERS = 10_000;

function markerOffsets(line: string): number[] {
  const out: number[] = [];
  for (const m of TABLE_MARKERS) {
    for (let k = line.indexOf(m); k >= 0 && out.length < MAX_MARKERS; k = line.indexOf(m, k + m.length)) out.push(k);
  }
  return out.sort((a, b) => a - b);
}

/**
 * A run of figures from `i`: digits, single spaces between digits, one decimal part and a unit.
 * `numbering` when it ends in the number of the next label ("2.其他…", "3、…").
 */
function digitRun(line: string, i: number): { end: number; numbering: boolean } {
  let j = i;
  let decimal = false;
  while (j < line.length) {
    const c = line.charCodeAt(j);
    if (isDigit(c)) {
      j++;
      continue;
    }
    if (isBlank(c) && isDigit(line.charCodeAt(j + 1))) {
      j++;
      continue;
    }
    if (!decimal && (c === 46 || c === 0xff0e) && isDigit(line.charCodeAt(j + 1)) && isDigit(line.charCodeAt(j - 1))) {
      decimal = true;
      j++;
      continue;
    }
    break;
  }
  const after = line.charAt(j);
  if ((after === '.' || after === '．' || after === '、') && isCjk(line.charCodeAt(j + 1)) && !decimal) return { end: j, numbering: true };
  // The table's last figure run into the next sentence's year ("行政事业性收费02025年，…"): the
  // year is the sentence's.
  if (after === '年' && j - i > 4 && isDigit(line.charCodeAt(j - 5)) && /^(?:19|20)\d\d$/.test(line.slice(j - 4, j))) return { end: j - 4, numbering: false };
  if (line.startsWith('万元', j)) j += 2;
  else if (after === '元' || after === '笔') j++;
  return { end: j, numbering: false };
}
