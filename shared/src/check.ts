// check(model) runs every rule and settles the fixes: a total's fix is offered only when the
// cells it is computed from are not themselves about to change, and never when two rules want
// different text in one cell. Fix-all therefore converges (see fix.ts).
import type { ReportModel } from './model';
import { rules } from './rules/index';
import type { Finding, Severity } from './rules/types';

export type SeveritySetting = Severity | 'off';

export interface CheckOptions {
  /** Per-rule severity overrides ('off' disables the rule). */
  severity?: Readonly<Record<string, SeveritySetting>>;
}

export function check(model: ReportModel, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = options.severity?.[rule.id];
    if (setting === 'off') continue;
    let produced;
    try {
      produced = rule.check(model);
    } catch {
      // A rule bug must not take the other rules (or the editor) down with it.
      continue;
    }
    for (const f of produced) findings.push({ ...f, ruleId: rule.id, severity: setting ?? rule.severity });
  }
  settleFixes(findings);
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return findings;
}

function settleFixes(findings: Finding[]): void {
  const targets = new Map<number, Set<string>>();
  for (const f of findings) {
    if (!f.fix) continue;
    const key = f.fix.edit.range.start;
    const set = targets.get(key) ?? new Set<string>();
    set.add(f.fix.edit.newText);
    targets.set(key, set);
  }
  for (const f of findings) {
    if (!f.fix) continue;
    const own = f.fix.edit.range.start;
    const conflicting = (targets.get(own)?.size ?? 0) > 1;
    const inputs = f.inputs ?? f.related.map((r) => r.range);
    const unsettledInput = inputs.some((r) => r.start !== own && targets.has(r.start));
    if (conflicting || unsettledInput) delete f.fix;
  }
}
