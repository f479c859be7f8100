// A unified diff of a text and the edits fix-all would make (`gov-report check --fix --dry-run`).
// Built from the edits themselves: each hunk is the edited lines with three lines of context,
// and only the lines of a hunk are compared, so the cost follows the edits, not the document.
import type { Edit } from '../../shared/src/index';

const CONTEXT = 3;

export function unifiedDiff(path: string, text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return '';
  const starts = lineStarts(text);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  // Group the edits whose context would overlap.
  const groups: Array<{ first: number; last: number; edits: Edit[] }> = [];
  for (const e of sorted) {
    const first = lineAt(e.range.start);
    const last = lineAt(e.range.end);
    const g = groups[groups.length - 1];
    if (g && first - g.last <= 2 * CONTEXT) {
      g.last = Math.max(g.last, last);
      g.edits.push(e);
    } else groups.push({ first, last, edits: [e] });
  }
  const lineCount = starts.length;
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let shift = 0; // new line number minus old line number before the current hunk
  for (const g of groups) {
    const from = Math.max(0, g.first - CONTEXT);
    const to = Math.min(lineCount - 1, g.last + CONTEXT);
    const segStart = starts[from] as number;
    const segEnd = to + 1 < lineCount ? (starts[to + 1] as number) - 1 : text.length;
    const segment = text.slice(segStart, segEnd);
    const edited = applyInOrder(segment, g.edits.map((e) => ({ range: { start: e.range.start - segStart, end: e.range.end - segStart }, newText: e.newText })));
    const oldLines = segment.split('\n');
    const newLines = edited.split('\n');
    out.push(`@@ -${from + 1},${oldLines.length} +${from + 1 + shift},${newLines.length} @@`);
    out.push(...lineDiff(oldLines, newLines));
    shift += newLines.length - oldLines.length;
  }
  return out.join('\n') + '\n';
}

/** Fix-all's changes as they are (two passes may insert at one offset): no de-duplication. */
function applyInOrder(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i] as Edit;
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  }
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Lines of a hunk: a longest common subsequence over its few lines. */
function lineDiff(a: string[], b: string[]): string[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      (lcs[i] as number[])[j] = a[i] === b[j] ? ((lcs[i + 1] as number[])[j + 1] as number) + 1 : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  const strip = (s: string) => s.replace(/\r$/, '');
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(` ${strip(a[i] as string)}`);
      i++;
      j++;
    } else if (i < n && (j >= m || ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))) {
      out.push(`-${strip(a[i] as string)}`);
      i++;
    } else {
      out.push(`+${strip(b[j] as string)}`);
      j++;
    }
  }
  return out;
}
