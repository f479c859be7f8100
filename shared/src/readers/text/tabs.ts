// Tab rows (a table copied from Word or a spreadsheet), and the one-cell-per-line form Word gives
// a table saved as text (each cell on a line of its own, after a tab).
import { lineOf, headingLike } from './lines';
import { endBlock, type TextLine, type TextRead } from './read';

export function isTabLine(l: TextLine): boolean {
  // (A Markdown row with a tab in it, or after it, is still a Markdown row.)
  return l.line.includes('\t') && !(l.trimmed.startsWith('|') && l.trimmed.indexOf('|', 1) > 0);
}

/** A line of tabs alone is a row of blank cells (a table not filled in yet), not an empty line. */
export function isEmptyLine(l: TextLine): boolean {
  return l.trimmed === '' && !/^\t[ \u3000]*$/.test(l.line) && !/^\t{2,}[\t \u3000]*$/.test(l.line);
}

export function readTabLine(r: TextRead, l: TextLine): void {
  const cellPerLine = isOneCellLine(l.line);
  if (cellPerLine) {
    if (r.blockKey < 0) r.blockKey = r.grid.newRow();
    r.grid.cell(r.text, l.start + 1, l.end, r.blockKey, 'cellPerLine', '\n\t');
    r.layouts.add('cellPerLine');
  } else {
    const key = r.grid.newRow();
    for (let cellStart = l.start; cellStart <= l.end; ) {
      let tab = r.text.indexOf('\t', cellStart);
      if (tab < 0 || tab > l.end) tab = l.end;
      r.grid.cell(r.text, cellStart, tab, key, 'tab', '\t');
      cellStart = tab + 1;
    }
    r.layouts.add('tab');
    endBlock(r);
  }
  r.prevCellPerLine = cellPerLine;
  r.lines.push(lineOf(l.line, l.start, l.end, !headingLike(l.line)));
}

/** A tab, then one cell (one trailing tab after it, as some exports write, leaves it one cell). */
function isOneCellLine(line: string): boolean {
  if (line.charCodeAt(0) !== 9) return false;
  const rest = line.slice(1);
  const firstTab = rest.indexOf('\t');
  return firstTab < 0 || (firstTab === rest.lastIndexOf('\t') && rest.slice(0, firstTab).trim() !== '' && rest.slice(firstTab + 1).trim() === '');
}
