// The error locator. The tables are over-determined (every 表2 cell is in a row relation and a
// column relation), so a wrong cell leaves a signature: the relations that fail, and by how much,
// cross at it. From the failing relations we look for the smallest sets of cells (one, then two)
// whose change makes every relation hold, with valid values (non-negative integers). A fix is
// determined only when that smallest set is unique.
import type { Cell, ReportModel, TableId } from '../model';
import { numberOf } from '../query';
import { totalsFollowing, type FollowedTotal } from './follow';
import { failingRelations, relationsOf, residual, type Relation } from './relations';

export interface CellChange {
  cell: Cell;
  table: TableId;
  rowId: string;
  from: number;
  to: number;
}

export interface Explanation {
  changes: CellChange[];
}

export interface Diagnosis {
  table: TableId;
  /** The failing relations of one connected part of a table, with Σ coef·value ≠ 0. */
  failing: Array<{ relation: Relation; residual: number }>;
  /** The smallest explanations, most likely first; empty when no one- or two-cell change explains all. */
  explanations: Explanation[];
  /** More explanations of that size exist than are listed. */
  truncated: boolean;
  /** The unique explanation read the other way: a figure written before its totals (see totalsBehind). */
  behind?: TotalsBehind;
}

/**
 * A part whose figure was written while the totals it feeds still say 0: the totals are behind,
 * not the figure. Told from a mistyped part by the tie-break of `totalsBehind`.
 */
export interface TotalsBehind {
  /** The unique explanation's change (the figure as written, and what the totals still count). */
  change: CellChange;
  /** The totals recomputed from their parts (更新合计), in document order. */
  totals: FollowedTotal[];
  /** Recomputing them makes every relation they and the figure take part in hold (none fails that
   *  did not): fix-all may write them. Otherwise they stay a quick fix (a 四 that cannot follow). */
  settles: boolean;
}

const MAX_EXPLANATIONS = 12;
/** Beyond this many failing relations in one part, two cells cannot explain them all anyway. */
const MAX_FAILING_FOR_PAIRS = 8;

interface Checked {
  relation: Relation;
  residual: number;
}

const cache = new WeakMap<ReportModel, Diagnosis[]>();

export function locate(model: ReportModel): Diagnosis[] {
  const cached = cache.get(model);
  if (cached) return cached;
  if (failingRelations(model).size === 0) {
    cache.set(model, []);
    return [];
  }
  const checked: Checked[] = [];
  for (const relation of relationsOf(model)) {
    const r = residual(relation);
    if (r !== undefined) checked.push({ relation, residual: r });
  }
  const out: Diagnosis[] = [];
  if (checked.some((c) => c.residual !== 0)) {
    for (const part of connectedParts(checked)) {
      if (!part.some((c) => c.residual !== 0)) continue;
      const d = diagnose(part);
      const behind = totalsBehind(model, d);
      out.push(behind ? { ...d, behind } : d);
    }
  }
  cache.set(model, out);
  return out;
}

/** Relations that share no cell cannot explain each other's failures: diagnose them apart. */
function connectedParts(checked: Checked[]): Checked[][] {
  const parent = checked.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const owner = new Map<Cell, number>();
  checked.forEach((c, i) => {
    for (const t of c.relation.terms) {
      const j = owner.get(t.cell);
      if (j === undefined) owner.set(t.cell, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Checked[]>();
  checked.forEach((c, i) => {
    const root = find(i);
    const g = groups.get(root) ?? [];
    g.push(c);
    groups.set(root, g);
  });
  return [...groups.values()];
}

interface Membership {
  index: number;
  coef: 1 | -1;
}

function diagnose(part: Checked[]): Diagnosis {
  const failing = part.filter((c) => c.residual !== 0);
  const table = (failing[0] as Checked).relation.table;
  const memberships = new Map<Cell, Membership[]>();
  const rowOf = new Map<Cell, string>();
  part.forEach((c, index) => {
    for (const t of c.relation.terms) {
      const list = memberships.get(t.cell) ?? [];
      list.push({ index, coef: t.coef });
      memberships.set(t.cell, list);
      rowOf.set(t.cell, t.rowId);
    }
  });
  const change = (cell: Cell, delta: number): CellChange | undefined => {
    const from = numberOf(cell) as number;
    const to = from + delta;
    if (delta === 0 || !Number.isSafeInteger(to) || to < 0) return undefined;
    return { cell, table, rowId: rowOf.get(cell) as string, from, to };
  };

  // One cell: it must lie in every failing relation and in no relation that holds, and every
  // failing relation must ask for the same change.
  const singles: Explanation[] = [];
  for (const cell of cellsInAll(failing)) {
    const ms = memberships.get(cell) as Membership[];
    let delta: number | undefined;
    let ok = true;
    for (const m of ms) {
      const c = part[m.index] as Checked;
      if (c.residual === 0) { ok = false; break; }
      const d = -c.residual * m.coef;
      if (delta === undefined) delta = d;
      else if (d !== delta) { ok = false; break; }
    }
    const ch = ok && delta !== undefined ? change(cell, delta) : undefined;
    if (ch) singles.push({ changes: [ch] });
  }
  if (singles.length > 0) return finish(table, failing, singles, memberships, part);

  // Two cells.
  const pairs: Explanation[] = [];
  let truncated = false;
  if (failing.length <= MAX_FAILING_FOR_PAIRS) {
    const seen = new Set<string>();
    const ids = new Map<Cell, number>();
    let next = 0;
    const id = (c: Cell) => ids.get(c) ?? (ids.set(c, next++), next - 1);
    search: for (const x of cellsOf(failing[0] as Checked)) {
      const rest = failing.filter((f) => !f.relation.terms.some((t) => t.cell === x));
      const ys = rest.length > 0 ? cellsInAll(rest) : neighbours(x, memberships, part);
      for (const y of ys) {
        if (y === x) continue;
        const key = [id(x), id(y)].sort((a, b) => a - b).join(':');
        if (seen.has(key)) continue;
        seen.add(key);
        const solved = solvePair(x, y, memberships, part);
        if (!solved) continue;
        const cx = change(x, solved[0]);
        const cy = change(y, solved[1]);
        if (!cx || !cy) continue;
        pairs.push({ changes: [cx, cy] });
        if (pairs.length > MAX_EXPLANATIONS * 4) { truncated = true; break search; }
      }
    }
  }
  const d = finish(table, failing, pairs, memberships, part);
  return truncated ? { ...d, truncated: true } : d;
}

function cellsOf(c: Checked): Cell[] {
  return c.relation.terms.map((t) => t.cell);
}

function cellsInAll(relations: Checked[]): Cell[] {
  let common = new Set(cellsOf(relations[0] as Checked));
  for (const r of relations.slice(1)) {
    const here = new Set(cellsOf(r));
    common = new Set([...common].filter((c) => here.has(c)));
    if (common.size === 0) break;
  }
  return [...common];
}

function neighbours(x: Cell, memberships: Map<Cell, Membership[]>, part: Checked[]): Cell[] {
  const out = new Set<Cell>();
  for (const m of memberships.get(x) ?? []) for (const c of cellsOf(part[m.index] as Checked)) out.add(c);
  return [...out];
}

/** The changes (dx, dy) of two cells that make every relation touching them hold, if unique. */
function solvePair(x: Cell, y: Cell, memberships: Map<Cell, Membership[]>, part: Checked[]): [number, number] | undefined {
  const equations = new Map<number, { ax: number; ay: number; r: number }>();
  for (const m of memberships.get(x) ?? []) equations.set(m.index, { ax: m.coef, ay: 0, r: (part[m.index] as Checked).residual });
  for (const m of memberships.get(y) ?? []) {
    const e = equations.get(m.index);
    if (e) e.ay = m.coef;
    else equations.set(m.index, { ax: 0, ay: m.coef, r: (part[m.index] as Checked).residual });
  }
  const eqs = [...equations.values()];
  let dx: number | undefined;
  let dy: number | undefined;
  for (let progress = true; progress && (dx === undefined || dy === undefined);) {
    progress = false;
    for (const e of eqs) {
      if (dx === undefined && e.ax !== 0 && (e.ay === 0 || dy !== undefined)) { dx = -(e.r + e.ay * (dy ?? 0)) / e.ax; progress = true; }
      if (dy === undefined && e.ay !== 0 && (e.ax === 0 || dx !== undefined)) { dy = -(e.r + e.ax * (dx ?? 0)) / e.ay; progress = true; }
    }
  }
  if (dx === undefined || dy === undefined) {
    // Only equations in both cells: two independent ones determine them.
    const mixed = eqs.filter((e) => e.ax !== 0 && e.ay !== 0);
    outer: for (let i = 0; i < mixed.length; i++) {
      for (let j = i + 1; j < mixed.length; j++) {
        const a = mixed[i] as { ax: number; ay: number; r: number };
        const b = mixed[j] as { ax: number; ay: number; r: number };
        const det = a.ax * b.ay - a.ay * b.ax;
        if (det === 0) continue;
        dx = (-a.r * b.ay + b.r * a.ay) / det;
        dy = (-b.r * a.ax + a.r * b.ax) / det;
        break outer;
      }
    }
  }
  if (dx === undefined || dy === undefined || !Number.isInteger(dx) || !Number.isInteger(dy)) return undefined;
  for (const e of eqs) if (e.r + e.ax * dx + e.ay * dy !== 0) return undefined;
  return [dx, dy];
}

/**
 * Orders the explanations, most likely first: a change that looks like a typing slip (one digit
 * changed, or two swapped) before one that does not; a total (miscalculated) before a component
 * when nothing else tells them apart; then the smaller change.
 */
function finish(table: TableId, failing: Checked[], explanations: Explanation[], memberships: Map<Cell, Membership[]>, part: Checked[]): Diagnosis {
  const isAnchor = (c: Cell) => (memberships.get(c) ?? []).some((m) => (part[m.index] as Checked).relation.anchor === c);
  const score = (e: Explanation) => e.changes.reduce((s, ch) => s + (typingSlip(ch.from, ch.to) ? 2 : 0) + (isAnchor(ch.cell) ? 1 : 0), 0);
  const size = (e: Explanation) => e.changes.reduce((s, ch) => s + Math.abs(ch.to - ch.from), 0);
  const sorted = [...explanations].sort((a, b) => score(b) - score(a) || size(a) - size(b) || (a.changes[0] as CellChange).cell.range.start - (b.changes[0] as CellChange).cell.range.start);
  return { table, failing: failing.map((f) => ({ relation: f.relation, residual: f.residual })), explanations: sorted.slice(0, MAX_EXPLANATIONS), truncated: sorted.length > MAX_EXPLANATIONS };
}

/**
 * The tie-break between "one part was mistyped" and "the totals were not updated". The locator's
 * unique explanation of one cell reads the same failures both ways: the part is wrong, or the
 * totals have not followed it yet. They are read as behind when the change would not undo a
 * typing slip (12 for 0 is a figure typed), every total that would follow the figure (its row's
 * 总计, （七）, 四, their 总计: `totalsFollowing`) says 0 or is blank, as it did before the figure
 * was written (0 = 0 + 0 + …), and recomputing them makes every failing relation hold. Nothing of
 * the editor's record of typed ranges is needed: a report reopened reads the same.
 */
function totalsBehind(model: ReportModel, d: Diagnosis): TotalsBehind | undefined {
  if (d.truncated || d.explanations.length !== 1) return undefined;
  const changes = (d.explanations[0] as Explanation).changes;
  if (changes.length !== 1) return undefined;
  const change = changes[0] as CellChange;
  if (typingSlip(change.from, change.to)) return undefined;
  const totals = totalsFollowing(model, [change.cell.range]);
  if (totals.length === 0 || !totals.every((t) => t.cell.value.kind === 'blank' || numberOf(t.cell) === 0)) return undefined;
  const value = new Map<Cell, number>(totals.map((t) => [t.cell, t.value]));
  const after = (r: Relation): number | undefined => {
    let sum = 0;
    for (const t of r.terms) {
      const v = value.get(t.cell) ?? numberOf(t.cell);
      if (v === undefined) return undefined;
      sum += t.coef * v;
    }
    return sum;
  };
  if (!d.failing.every((f) => after(f.relation) === 0)) return undefined;
  const touched = relationsOf(model).filter((r) => r.terms.some((t) => t.cell === change.cell || value.has(t.cell)));
  const settles = touched.every((r) => { const a = after(r); return a === undefined || a === 0; });
  return { change, totals, settles };
}

/**
 * A typing slip of the written figure `from` for `to`: one digit changed (1298 for 1288), two
 * adjacent ones swapped (1828), one dropped (128) or one doubled (12888). Never a figure written
 * in place of 0, nor one of another length otherwise: that is a figure typed, not mistyped.
 */
export function typingSlip(from: number, to: number): boolean {
  const a = String(from);
  const b = String(to);
  if (to === 0 && from !== 0) return false;
  if (a.length === b.length - 1) return dropOne(b).has(a);
  if (a.length === b.length + 1) return [...Array(a.length).keys()].some((i) => (a[i] === a[i - 1] || a[i] === a[i + 1]) && a.slice(0, i) + a.slice(i + 1) === b);
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === (diff[0] as number) + 1 && a[diff[0] as number] === b[diff[1] as number] && a[diff[1] as number] === b[diff[0] as number];
}

function dropOne(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  return out;
}
