// Conversions between the core's offsets and LSP positions.
import type { Range as LspRange } from 'vscode-languageserver';
import type { LineIndex, Range } from '../../shared/src/index';

export function toLspRange(lines: LineIndex, r: Range): LspRange {
  return { start: lines.positionAt(r.start), end: lines.positionAt(r.end) };
}

export function contains(r: Range, offset: number): boolean {
  return offset >= r.start && (offset < r.end || (r.start === r.end && offset === r.start) || offset === r.end);
}
