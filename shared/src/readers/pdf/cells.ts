// Label boxes → label cells: the boxes of one ruled cell (or, without rules, of one column of
// touching text) joined and read top to bottom; a row's group labels first, then its own.
import { NUMBERED_LABEL } from '../../format/patterns';
import { cellKey } from './rulings';
import { PDF_SETTINGS } from './settings';
import type { FigureRow, LabelCell, PdfCellBox, PlacedBox } from './types';

/** Boxes grouped into cells (their ruled cell, else columns of touching text), read top to bottom. */
export function placedToCells(placed: PlacedBox[]): Array<{ cell?: PdfCellBox; left: number; text: string }> {
  const groups: PlacedBox[][] = [];
  const byKey = new Map<string, PlacedBox[]>();
  for (const p of [...placed].sort((a, b) => a.box.left - b.box.left)) {
    if (p.cell) {
      const key = cellKey(p.cell);
      const g = byKey.get(key);
      if (g) g.push(p);
      else {
        const fresh = [p];
        byKey.set(key, fresh);
        groups.push(fresh);
      }
      continue;
    }
    // No rules: a box joins a column it overlaps or continues on its line.
    const { columnRight, columnLeft } = PDF_SETTINGS.flow;
    const col = groups.find((g) => !g[0]!.cell && g.some((o) => p.box.left < o.box.right + columnRight * o.box.size && p.box.right > o.box.left - columnLeft * o.box.size));
    if (col) col.push(p);
    else groups.push([p]);
  }
  return groups
    .map((g) => ({ cell: g[0]!.cell, left: Math.min(...g.map((p) => p.box.left)), text: g.map((p) => p.box).sort((a, b) => a.base - b.base || a.left - b.left).map((b) => b.str).join('') }))
    .sort((a, b) => a.left - b.left);
}

/** A row's label cells (group labels first, then the row's own), and its figure cells. */
export function rowToCells(row: FigureRow): { cells: LabelCell[]; figures: string[] } {
  const cells = [...placedToCells(row.groups), ...placedToCells(row.labels)].map((c) => ({ left: c.cell?.left ?? c.left, text: c.text }));
  return { cells, figures: row.cells ?? row.figures.map((f) => f.str) };
}

/**
 * Stream mode: a group label (三、本年度办理结果, （三）不予公开) wraps down the rows it spans, a piece
 * in each. Left of a row's own label, a piece that is not numbered goes on the group begun above it
 * in its column; the group's text stands in its first row (as a merged cell reads).
 */
export function joinGroupLabels(rows: Array<{ cells: LabelCell[] }>): void {
  const align = PDF_SETTINGS.table.columnAlign;
  const open = new Map<number, LabelCell>();
  for (const r of rows) {
    if (r.cells.length === 0) continue;
    const ownLeft = Math.max(...r.cells.map((c) => c.left));
    for (const left of [...open.keys()]) if (left >= ownLeft - align) open.delete(left);
    r.cells = r.cells.filter((c) => {
      if (c.left >= ownLeft - align) return true;
      const key = [...open.keys()].find((x) => Math.abs(x - c.left) <= align);
      if (key === undefined || NUMBERED_LABEL.test(c.text)) {
        if (key !== undefined) open.delete(key);
        open.set(c.left, c);
        return true;
      }
      open.get(key)!.text += c.text;
      return false;
    });
  }
}
