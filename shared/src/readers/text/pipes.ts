// Markdown pipe rows: one cell between two pipes, empty cells kept in their place.
import { lineOf } from './lines';
import { markedCell } from './markup';
import type { TextLine, TextRead } from './read';

export function isPipeRow(trimmed: string): boolean {
  return trimmed.startsWith('|') && trimmed.indexOf('|', 1) > 0;
}

/** A Markdown table's delimiter row ("|---|:---:|"), checked cell by cell: linear in the line. */
function isMdSeparator(trimmed: string): boolean {
  const inner = trimmed.slice(trimmed.startsWith('|') ? 1 : 0, trimmed.endsWith('|') && trimmed.length > 1 ? -1 : undefined);
  if (inner.length > 10_000) return false;
  return inner.split('|').every((cell) => /^:?-{2,}:?$/.test(cell.trim()));
}

export function readPipeRow(r: TextRead, l: TextLine): void {
  if (!isMdSeparator(l.trimmed)) {
    const { text } = r;
    const key = r.grid.newRow();
    const first = l.start + l.line.indexOf('|');
    let lastPipe = l.start + l.line.lastIndexOf('|');
    if (lastPipe === first) lastPipe = l.end;
    let cellStart = first + 1;
    for (let i = first + 1; i <= lastPipe; i++) {
      // (An escaped pipe "\|" is part of the cell.)
      if (i === lastPipe || (text.charCodeAt(i) === 124 && text.charCodeAt(i - 1) !== 92)) {
        markedCell(r.grid, text, cellStart, i, key, 'markdown', ' | ');
        cellStart = i + 1;
      }
    }
    r.layouts.add('markdown');
  }
  r.lines.push(lineOf(l.line, l.start, l.end, true));
}
