// Applying fixes: one edit per fix, non-overlapping, applied from the end so offsets hold.
import { check, type CheckOptions } from './check';
import { parse, type ParseOptions } from '../pipeline';
import { failingRelations } from '../diagnose/relations';
import type { Edit, Finding, Fix } from '../rules/types';
import type { Range } from '../text';

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  let limit = Infinity;
  const seen = new Set<string>();
  for (const e of sorted) {
    const key = `${e.range.start}:${e.range.end}:${e.newText}`;
    if (seen.has(key)) continue; // the same edit proposed by two rules
    if (e.range.end > limit) continue; // overlaps one already applied
    seen.add(key);
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
    limit = e.range.start;
  }
  return out;
}

/** The edits of the safe fixes among the findings (a fix for several cells brings all of them). */
export function safeEdits(findings: readonly Finding[]): Edit[] {
  return findings.flatMap((f) => (f.fix?.safe ? [f.fix.edit, ...(f.fix.extraEdits ?? [])] : []));
}

export interface FixAllResult {
  text: string;
  /** Findings whose fix was applied, in document order. */
  applied: Finding[];
  /** The edits made, in the coordinates of the original text. */
  changes: Change[];
}

/**
 * One pass of fix-all at a time: the safe fixes of the current text, kept only while the document
 * has no failing relation (I1–I4) that the original did not have. A pass whose edits together
 * would make things worse keeps those edits that, one by one, do not.
 */
interface Pass {
  text: string;
  /** Accepted edits in the coordinates of the text before the pass: sorted, non-overlapping. */
  edits: Edit[];
  findings: Finding[];
}

/** Fix-all's own options: text it must not touch (what the writer typed since the file was opened). */
export interface FixAllOptions {
  protect?: readonly Range[];
}

const touches = (e: Edit, p: Range) => e.range.start <= p.end && e.range.end >= p.start;

/** Ranges carried through a pass's edits (sorted, non-overlapping, in the text before the pass). */
function carry(ranges: readonly Range[], edits: readonly Edit[]): Range[] {
  const at = (o: number) => {
    let shift = 0;
    for (const e of edits) if (e.range.end <= o) shift += e.newText.length - (e.range.end - e.range.start);
    return o + shift;
  };
  return ranges.map((r) => ({ start: at(r.start), end: at(r.end) }));
}

function* fixPasses(text: string, options: CheckOptions & ParseOptions & FixAllOptions, maxPasses: number, firstPass?: readonly Finding[]): Generator<Pass> {
  let current = text;
  let protect = options.protect ?? [];
  let original: Set<string> | undefined;
  const notWorse = (candidate: string) => {
    for (const key of failingRelations(parse(candidate, options))) if (!original?.has(key)) return false;
    return true;
  };
  for (let pass = 0; pass < maxPasses; pass++) {
    // The editor already has this version's findings: only later passes need a check.
    const model = pass === 0 && firstPass ? undefined : parse(current, options);
    if (original === undefined) original = failingRelations(model ?? parse(current, options));
    const findings = model ? check(model, options) : (firstPass as readonly Finding[]);
    // A fix that would change text the writer just typed is theirs to choose, never fix-all's.
    const fixable = dedupeFindings(findings.flatMap(oneEditEach).filter((f) => !protect.some((r) => touches((f.fix as Fix).edit, r))));
    if (fixable.length === 0) return;
    let edits = fixable.map((f) => (f.fix as Fix).edit);
    let kept = fixable;
    let next = applyEdits(current, edits);
    if (next !== current && !notWorse(next)) {
      // From the end, so that each kept edit leaves the offsets of the earlier ones intact.
      next = current;
      kept = [];
      for (const f of [...fixable].reverse()) {
        const candidate = applyEdits(next, [(f.fix as Fix).edit]);
        if (candidate !== next && notWorse(candidate)) {
          next = candidate;
          kept.unshift(f);
        }
      }
      edits = kept.map((f) => (f.fix as Fix).edit);
    }
    if (next === current) return;
    yield { text: next, edits, findings: kept };
    protect = carry(protect, [...edits].sort((a, b) => a.range.start - b.range.start));
    current = next;
  }
}

/** A safe fix as findings of one edit each (a fix for several cells is applied, and kept or not, cell by cell). */
function oneEditEach(f: Finding): Finding[] {
  const fix = f.fix;
  if (!fix?.safe) return [];
  if (!fix.extraEdits?.length) return [f];
  return [fix.edit, ...fix.extraEdits].map((edit) => ({ ...f, fix: { title: fix.title, edit, safe: true } }));
}

/** The safe fixes, one per edited span, in document order. */
function dedupeFindings(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => (a.fix as Fix).edit.range.start - (b.fix as Fix).edit.range.start);
  const out: Finding[] = [];
  const seen = new Set<string>();
  let lastEnd = -1;
  for (const f of sorted) {
    const e = (f.fix as Fix).edit;
    const key = `${e.range.start}:${e.range.end}:${e.newText}`;
    if (seen.has(key) || e.range.start < lastEnd) continue;
    seen.add(key);
    out.push(f);
    lastEnd = e.range.end;
  }
  return out;
}

/** A change fix-all makes, in the coordinates of the original text, with the finding it fixes. */
export interface Change {
  edit: Edit;
  finding: Finding;
}

/**
 * Fix-all as changes of the original text: the safe fixes of every pass, mapped back through the
 * earlier passes. Edits of later passes never overlap earlier ones (a fixed total is settled), and
 * if one did, the composition stops there rather than guess.
 */
export function fixAllChanges(text: string, options: CheckOptions & ParseOptions & FixAllOptions = {}, maxPasses = 10, firstPass?: readonly Finding[]): Change[] {
  return composePasses(text, options, maxPasses, firstPass).changes;
}

function composePasses(text: string, options: CheckOptions & ParseOptions & FixAllOptions, maxPasses: number, firstPass?: readonly Finding[]): { text: string; changes: Change[] } {
  const applied: Change[] = []; // original coordinates, sorted, non-overlapping
  let current = text;
  for (const pass of fixPasses(text, options, maxPasses, firstPass)) {
    const mapped: Change[] = [];
    for (const [k, e] of pass.edits.entries()) {
      const start = toOriginal(applied, e.range.start);
      const end = toOriginal(applied, e.range.end);
      if (start === undefined || end === undefined) return { text: current, changes: applied };
      mapped.push({ edit: { range: { start, end }, newText: e.newText }, finding: pass.findings[k] as Finding });
    }
    // Stable: two insertions at one offset keep the order of their passes.
    applied.push(...mapped);
    applied.sort((a, b) => a.edit.range.start - b.edit.range.start);
    current = pass.text;
  }
  return { text: current, changes: applied };
}

/** Applies safe fixes until none is left (totals that depend on other totals need two passes). */
export function fixAll(text: string, options: CheckOptions & ParseOptions & FixAllOptions = {}, maxPasses = 10): FixAllResult {
  const { text: fixed, changes } = composePasses(text, options, maxPasses);
  return { text: fixed, applied: changes.map((c) => c.finding), changes };
}

/** The edits of fix-all on the original text (for an editor). */
export function fixAllEdits(text: string, options: CheckOptions & ParseOptions & FixAllOptions = {}, maxPasses = 10, firstPass?: readonly Finding[]): Edit[] {
  return fixAllChanges(text, options, maxPasses, firstPass).map((c) => c.edit);
}

/** Maps an offset of the edited text back to the original; undefined inside an edited span. */
function toOriginal(applied: readonly Change[], offset: number): number | undefined {
  let delta = 0;
  for (const { edit: e } of applied) {
    const curStart = e.range.start + delta;
    const curEnd = curStart + e.newText.length;
    if (offset <= curStart) return offset - delta;
    if (offset < curEnd) return undefined;
    delta += e.newText.length - (e.range.end - e.range.start);
  }
  return offset - delta;
}
