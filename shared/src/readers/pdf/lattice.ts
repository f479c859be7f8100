// Ruled tables of a PDF page read as a lattice, the way pdfplumber's TableFinder and Camelot's
// lattice mode do: the ruling lines are the table. Small named stages, each a plain function:
//   segmentsToRules   page segments → horizontal and vertical rules, collinear pieces merged
//   rulesToTables     rules that touch, grouped (one group a table)
//   rulePositions     the distinct x and y of a group's lines: columns and rows
//   tableToCells      grid cells joined where no rule separates them (colspan, rowspan)
//   placedToCellText  each text item placed in the cell that holds its centre; a cell's lines joined
// A cell keeps its place in the grid whether it holds text or not: a blank cell stays blank in
// its column. Pure: the items and segments come from server/src/pdf.ts.
import { PDF_SETTINGS } from './settings';
import type { HRule, Lattice, LatticeCell, PdfItem, PdfPage, VRule } from './types';

const { snap: SNAP, thickness: THICKNESS, collinear: COLLINEAR, maxRules: MAX_RULES, maxGrid: MAX_GRID } = PDF_SETTINGS.lattice;

// ------------------------------------------------------------------ stage 1: rules

export function segmentsToRules(page: PdfPage): { h: HRule[]; v: VRule[] } {
  const h: HRule[] = [];
  const v: VRule[] = [];
  if (page.rules.length > MAX_RULES) return { h, v };
  for (const s of page.rules) {
    const w = Math.abs(s.x1 - s.x0);
    const t = Math.abs(s.y1 - s.y0);
    if (t <= THICKNESS && w > SNAP) h.push({ y: page.height - (s.y0 + s.y1) / 2, x0: Math.min(s.x0, s.x1), x1: Math.max(s.x0, s.x1) });
    else if (w <= THICKNESS && t > SNAP) v.push({ x: (s.x0 + s.x1) / 2, y0: page.height - Math.max(s.y0, s.y1), y1: page.height - Math.min(s.y0, s.y1) });
  }
  return { h: mergeH(h), v: mergeV(v) };
}

/**
 * Pieces of one line merged: the same position across (within 1) and overlapping or touching
 * along. Sorted by position, a piece is compared with the few kept lines at its position.
 */
function mergeRules<R>(rules: R[], at: (r: R) => number, from: (r: R) => number, to: (r: R) => number, extend: (kept: R, r: R) => void): R[] {
  const sorted = [...rules].sort((a, b) => at(a) - at(b) || from(a) - from(b));
  const out: R[] = [];
  for (const r of sorted) {
    let merged = false;
    for (let k = out.length - 1; k >= 0 && at(out[k] as R) >= at(r) - COLLINEAR; k--) {
      const o = out[k] as R;
      if (from(r) <= to(o) + SNAP && to(r) >= from(o) - SNAP) {
        extend(o, r);
        merged = true;
        break;
      }
    }
    if (!merged) out.push(r);
  }
  return out;
}

const mergeH = (rules: HRule[]) => mergeRules(rules.map((r) => ({ ...r })), (r) => r.y, (r) => r.x0, (r) => r.x1, (o, r) => {
  o.x0 = Math.min(o.x0, r.x0);
  o.x1 = Math.max(o.x1, r.x1);
});
const mergeV = (rules: VRule[]) => mergeRules(rules.map((r) => ({ ...r })), (r) => r.x, (r) => r.y0, (r) => r.y1, (o, r) => {
  o.y0 = Math.min(o.y0, r.y0);
  o.y1 = Math.max(o.y1, r.y1);
});

// ------------------------------------------------------------------ stage 2: tables

const touches = (h: HRule, v: VRule) => v.x >= h.x0 - SNAP && v.x <= h.x1 + SNAP && h.y >= v.y0 - SNAP && h.y <= v.y1 + SNAP;

/** Groups of segments that touch each other: each group with two rules each way is a table. */
export function rulesToTables(h: HRule[], v: VRule[]): Array<{ h: HRule[]; v: VRule[] }> {
  const parent = [...Array(h.length + v.length).keys()];
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k] as number] as number;
    return k;
  };
  for (let i = 0; i < h.length; i++) for (let j = 0; j < v.length; j++) if (touches(h[i] as HRule, v[j] as VRule)) parent[find(i)] = find(h.length + j);
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  const group = (k: number) => {
    const root = find(k);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((r, i) => group(i).h.push(r));
  v.forEach((r, j) => group(h.length + j).v.push(r));
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

// ------------------------------------------------------------------ stage 3: rows and columns

function rulePositions(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (out.length === 0 || x - (out[out.length - 1] as number) > SNAP) out.push(x);
  return out;
}

// ------------------------------------------------------------------ stage 4: cells

/** Grid cells joined where no rule separates them; each cell once, with its spans. */
export function tableToCells(t: { h: HRule[]; v: VRule[] }, xs: number[], ys: number[]): { cells: Array<Omit<LatticeCell, 'text'>>; at: number[][] } {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const id = (r: number, c: number) => r * cols + c;
  const parent = [...Array(rows * cols).keys()];
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k] as number] as number;
    return k;
  };
  const vAt = (x: number, y: number) => t.v.some((r) => Math.abs(r.x - x) <= SNAP && r.y0 <= y && r.y1 >= y);
  const hAt = (y: number, x: number) => t.h.some((r) => Math.abs(r.y - y) <= SNAP && r.x0 <= x && r.x1 >= x);
  for (let r = 0; r < rows; r++) {
    const midY = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
    for (let c = 0; c < cols; c++) {
      const midX = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
      if (c + 1 < cols && !vAt(xs[c + 1] as number, midY)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !hAt(ys[r + 1] as number, midX)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const boxes = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    const k = find(id(r, c));
    const b = boxes.get(k);
    if (!b) boxes.set(k, { r0: r, c0: c, r1: r, c1: c });
    else {
      b.r0 = Math.min(b.r0, r); b.c0 = Math.min(b.c0, c); b.r1 = Math.max(b.r1, r); b.c1 = Math.max(b.c1, c);
    }
  }
  const cells: Array<Omit<LatticeCell, 'text'>> = [];
  const index = new Map<number, number>();
  for (const [k, b] of [...boxes.entries()].sort((x, y) => x[1].r0 - y[1].r0 || x[1].c0 - y[1].c0)) {
    index.set(k, cells.length);
    cells.push({ row: b.r0, col: b.c0, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1 });
  }
  const at = [...Array(rows).keys()].map((r) => [...Array(cols).keys()].map((c) => index.get(find(id(r, c))) as number));
  return { cells, at };
}

// ------------------------------------------------------------------ stage 5: text

interface PlacedItem { item: PdfItem; top: number; base: number; left: number; right: number; size: number }

/** A cell's text: its items in lines (by baseline), left to right; wrapped lines joined. */
export function placedToCellText(placed: PlacedItem[]): string {
  const sorted = [...placed].sort((a, b) => a.base - b.base || a.left - b.left);
  const lines: PlacedItem[][] = [];
  for (const p of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs((line[0] as PlacedItem).base - p.base) <= PDF_SETTINGS.lattice.sameBaseline * Math.min((line[0] as PlacedItem).size, p.size)) line.push(p);
    else lines.push([p]);
  }
  return lines.map((line) => {
    line.sort((a, b) => a.left - b.left);
    let s = '';
    let prev: PlacedItem | undefined;
    for (const p of line) {
      const str = p.item.str.trim();
      if (prev && p.left - prev.right > PDF_SETTINGS.text.wordSpace * Math.min(prev.size, p.size) && /[0-9A-Za-z]$/.test(s) && /^[0-9A-Za-z]/.test(str)) s += ' ';
      s += str;
      prev = p;
    }
    return s;
  }).join('');
}

/** Every ruled table of the page, with its cells' text. */
export function pageToLattices(page: PdfPage): Lattice[] {
  const { h, v } = segmentsToRules(page);
  const out: Lattice[] = [];
  const placed: PlacedItem[] = page.items.filter((it) => it.str.trim() !== '').map((it) => {
    const size = Math.max(PDF_SETTINGS.text.minSize, Math.min(it.height, PDF_SETTINGS.lattice.maxSize));
    const base = page.height - it.y;
    return { item: it, top: base - size, base, left: it.x, right: it.x + Math.max(it.width, PDF_SETTINGS.text.minWidth), size };
  });
  for (const t of rulesToTables(h, v)) {
    const xs = rulePositions(t.v.map((r) => r.x));
    const ys = rulePositions(t.h.map((r) => r.y));
    if (xs.length < 2 || ys.length < 3 || xs.length > MAX_GRID || ys.length > MAX_GRID) continue;
    const { cells, at } = tableToCells(t, xs, ys);
    const left = xs[0] as number;
    const right = xs[xs.length - 1] as number;
    const top = ys[0] as number;
    const bottom = ys[ys.length - 1] as number;
    const inside = new Map<number, PlacedItem[]>();
    const items = new Set<PdfItem>();
    for (const p of placed) {
      // An item's centre: the middle of its run, a little above its baseline.
      const cx = (p.left + p.right) / 2;
      const cy = p.base - p.size * PDF_SETTINGS.text.middle;
      if (cx < left || cx > right || cy < top || cy > bottom) continue;
      const c = lastBelow(xs, cx);
      const r = lastBelow(ys, cy);
      const k = at[r]?.[c];
      if (k === undefined) continue;
      items.add(p.item);
      inside.set(k, [...(inside.get(k) ?? []), p]);
    }
    out.push({ top, bottom, left, right, xs, ys, at, items, cells: cells.map((cell, k) => ({ ...cell, text: placedToCellText(inside.get(k) ?? []) })) });
  }
  return out.sort((a, b) => a.top - b.top);
}

/** Index of the interval of `bounds` that holds `x` (bounds sorted, x inside their range). */
function lastBelow(bounds: number[], x: number): number {
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((bounds[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A lattice's rows as text cells for the rebuilt report: a cell's text stands in the last column
 * it spans, so that a label spanning columns leaves blanks before it (not after it, where values
 * belong); a cell spanning rows is written in its first row and blank below.
 */
export function latticeToRows(l: Lattice): string[][] {
  return l.at.map((cols, r) => cols.map((k, c) => {
    const cell = l.cells[k] as LatticeCell;
    if (cell.row !== r) return '';
    return c === cell.col + cell.colSpan - 1 ? cell.text : '';
  }));
}

