// Applying fixes: one edit per fix, non-overlapping, applied from the end so offsets hold.
import { check, type CheckOptions } from './check';
import { parse, type ParseOptions } from './parse/index';
import type { Edit, Finding } from './rules/types';

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

/** The edits of the safe fixes among the findings. */
export function safeEdits(findings: readonly Finding[]): Edit[] {
  return findings.flatMap((f) => (f.fix?.safe ? [f.fix.edit] : []));
}

export interface FixAllResult {
  text: string;
  /** Findings whose fix was applied, pass by pass. */
  applied: Finding[];
  passes: number;
}

/** Applies safe fixes until none is left (totals that depend on other totals need two passes). */
export function fixAll(text: string, options: CheckOptions & ParseOptions = {}, maxPasses = 10): FixAllResult {
  let current = text;
  const applied: Finding[] = [];
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    const findings = check(parse(current, options), options);
    const fixable = findings.filter((f) => f.fix?.safe);
    if (fixable.length === 0) break;
    const next = applyEdits(current, safeEdits(fixable));
    if (next === current) break;
    applied.push(...fixable);
    current = next;
  }
  return { text: current, applied, passes };
}

/**
 * Fix-all as edits on the original text (for an editor): the safe fixes of every pass, mapped
 * back through the earlier passes. Edits of later passes never overlap earlier ones (a fixed
 * total is settled), and if one did, the composition stops there rather than guess.
 */
export function fixAllEdits(text: string, options: CheckOptions & ParseOptions = {}, maxPasses = 10, firstPass?: readonly Finding[]): Edit[] {
  const applied: Edit[] = []; // original coordinates, sorted, non-overlapping
  let current = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    // The editor already has this version's findings: only later passes need a parse.
    const findings = pass === 0 && firstPass ? firstPass : check(parse(current, options), options);
    const edits = safeEdits(findings);
    if (edits.length === 0) break;
    const unique = dedupe(edits);
    const mapped: Edit[] = [];
    for (const e of unique) {
      const start = toOriginal(applied, e.range.start);
      const end = toOriginal(applied, e.range.end);
      if (start === undefined || end === undefined) return applied;
      mapped.push({ range: { start, end }, newText: e.newText });
    }
    const next = applyEdits(current, unique);
    if (next === current) break;
    current = next;
    applied.push(...mapped);
    applied.sort((a, b) => a.range.start - b.range.start);
  }
  return applied;
}

function dedupe(edits: Edit[]): Edit[] {
  const seen = new Set<string>();
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  const out: Edit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    const key = `${e.range.start}:${e.range.end}:${e.newText}`;
    if (seen.has(key) || e.range.start < lastEnd) continue;
    seen.add(key);
    out.push(e);
    lastEnd = e.range.end;
  }
  return out;
}

/** Maps an offset of the edited text back to the original; undefined inside an edited span. */
function toOriginal(applied: readonly Edit[], offset: number): number | undefined {
  let delta = 0;
  for (const e of applied) {
    const curStart = e.range.start + delta;
    const curEnd = curStart + e.newText.length;
    if (offset <= curStart) return offset - delta;
    if (offset < curEnd) return undefined;
    delta += e.newText.length - (e.range.end - e.range.start);
  }
  return offset - delta;
}
