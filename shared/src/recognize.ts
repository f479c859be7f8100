// Cheap recognition of a report by its content, for an editor that must decide whether to claim
// an untitled or plain-text document before any parse: a title line naming the report (the whole
// line, not a sentence or a notice's title), section headings of the format, or 表2's labels.
// It runs in the VS Code client on every few keystrokes of an untitled file: regexes only.

const TITLE_LINE = /^[#\s*_]*\S.{0,60}?政府信息公开\s*工作\s*年度报告[\s*_]*$/;
const SECTION_LINE = /^[#\s*_]*(?:[一二三四五六]\s*[、.．]|第[一二三四五六]部分)\s*(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议|存在的主要问题|其他需要报告的事项)/;
const TABLE2_LABEL = /本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|结转下年度继续办理/;

export type Recognition = 'title' | 'sections' | 'table' | undefined;

/** Why the text looks like a report (the first clue found), or undefined. */
export function recognizeReport(text: string, maxLines = 300): Recognition {
  let sections = 0;
  let start = 0;
  for (let n = 0; n < maxLines && start <= text.length; n++) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl).replace(/\r$/, '');
    start = nl < 0 ? text.length + 1 : nl + 1;
    if (line.length > 200) {
      if (TABLE2_LABEL.test(line)) return 'table';
      continue;
    }
    if (TITLE_LINE.test(line)) return 'title';
    if (SECTION_LINE.test(line) && ++sections >= 2) return 'sections';
    if (TABLE2_LABEL.test(line)) return 'table';
  }
  return undefined;
}
