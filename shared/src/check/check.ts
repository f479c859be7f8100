// check(model) runs every rule, folds the symptoms of a located cause into it (a relation that
// wrong-cell explains is reported once, by wrong-cell), and settles the safe fixes: one is applied
// only when the cells it is computed from are not themselves about to change, and never when two
// rules want different text in one cell. Fix-all therefore converges (see fix.ts).
import { ignored, type IgnoreEntry } from './config';
import type { ReportModel } from '../model';
import { suppressionsOf } from '../suppress';
import { parse } from '../pipeline';
import { ruleById, rules } from '../rules/index';
import { capByCertainty } from './capByCertainty';
import { spec } from '../format/data';
import type { FormatVersion } from '../format/schema';
import { norm } from '../text';
import { message } from '../i18n/catalog';
import type { Finding, Severity } from '../rules/types';

export type SeveritySetting = Severity | 'off';

export interface CheckOptions {
  /** Per-rule severity overrides ('off' disables the rule). */
  severity?: Readonly<Record<string, SeveritySetting>>;
  /** Findings silenced by the configuration file (plain text has no comments to do it). */
  ignore?: readonly IgnoreEntry[];
  /**
   * A time budget (a `performance.now()` instant): past it, checking stops with TimeBudgetExceeded
   * between two rules. Every reader and rule is linear in its bounded input; this is the backstop
   * that turns a slow file into that file's message instead of a stalled batch.
   */
  deadline?: number;
  /** Keep the findings a suppression comment silences, marked dismissed with its reason (SARIF
   *  carries them as suppressed); by default they are left out. */
  keepSuppressed?: boolean;
  /** A suppression comment without a reason (" -- …") is itself a finding (suppression-reason). */
  requireReason?: boolean;
}

/** Thrown by check() past its deadline; the caller says it for that file alone. */
export class TimeBudgetExceeded extends Error {
  constructor() {
    super('time budget exceeded');
    this.name = 'TimeBudgetExceeded';
  }
}

export function check(model: ReportModel, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const format = reportFormat(model);
  for (const rule of rules) {
    const setting = options.severity?.[rule.id];
    if (setting === 'off') continue;
    // A rule of one format says nothing about a report of the other (2019: no 信息处理费 to state).
    if (rule.formats && format && !rule.formats.includes(format)) continue;
    if (options.deadline !== undefined && performance.now() > options.deadline) throw new TimeBudgetExceeded();
    let produced;
    try {
      produced = rule.check(model);
    } catch {
      // A rule bug must not take the other rules (or the editor) down with it.
      continue;
    }
    for (const f of produced) findings.push({ ...f, ruleId: rule.id, severity: setting ?? rule.severity });
  }
  const folded = capByCertainty(model, foldExplained(findings), (id) => ruleById.get(id)?.evidence, options.severity?.['unconfirmed'] ?? 'info');
  settleFixes(folded);
  verifyInsertions(model, folded);
  folded.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return silence(model, folded, options);
}

/**
 * The format a report is in: what its tables show, else what its year implies (reports for
 * 2019–2020 used the 2019 format), else unknown.
 */
export function reportFormat(model: ReportModel): FormatVersion | undefined {
  if (model.formatVersion) return model.formatVersion;
  if (model.year === undefined) return undefined;
  return model.year < spec.formats['2021'].firstYear ? '2019' : '2021';
}

/** What the user silenced: comments in the document (kept, marked, when asked), entries of the configuration file. */
function silence(model: ReportModel, findings: Finding[], options: CheckOptions): Finding[] {
  const entries: readonly IgnoreEntry[] = options.ignore ?? [];
  // No comment and no ignore entry: nothing to read (the common case).
  if (entries.length === 0 && !model.text.includes('gov-report-')) return findings;
  const comments = suppressionsOf(model.text, (o) => model.lines.positionAt(o).line);
  const out: Finding[] = [];
  for (const f of findings) {
    if (ignored(entries, f, model)) continue;
    const by = comments.silencing(f.ruleId, model.lines.positionAt(f.range.start).line);
    if (!by) out.push(f);
    else if (options.keepSuppressed) out.push({ ...f, review: { decision: 'dismissed', kind: 'inSource', ...(by.reason ? { reason: by.reason } : {}) } });
  }
  if (options.requireReason && options.severity?.['suppression-reason'] !== 'off') {
    const severity = options.severity?.['suppression-reason'] ?? 'warning';
    for (const c of comments.unexplained) out.push({ ruleId: 'suppression-reason', severity, message: message('msg.suppressionReason'), range: c, related: [] });
    out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  }
  return out;
}

/** A relation whose failure a located cause explains is reported once, by that cause. */
function foldExplained(findings: Finding[]): Finding[] {
  const covered = new Set<string>();
  for (const f of findings) for (const key of f.covers ?? []) covered.add(key);
  return covered.size === 0 ? findings : findings.filter((f) => f.relation === undefined || !covered.has(f.relation));
}

/**
 * A value written where the row had no cell must be read back as that cell; where the layout
 * would merge it into a label instead (a heading line, a broken tag), the fix is withdrawn rather
 * than offered to no effect. Insertions are rare (a short row's total), so the extra parse is too.
 */
function verifyInsertions(model: ReportModel, findings: Finding[]): void {
  // Several rules may propose the same insertion (a missing total of a row and of a column): one parse each.
  const verdicts = new Map<string, boolean>();
  for (const f of findings) {
    const e = f.fix?.edit;
    if (!e || e.range.start !== e.range.end || !/^\D+\d+$/.test(e.newText)) continue;
    const key = `${e.range.start}:${e.newText}`;
    let readBack = verdicts.get(key);
    if (readBack === undefined) {
      const text = model.text.slice(0, e.range.start) + e.newText + model.text.slice(e.range.end);
      const at = e.range.start + e.newText.search(/\d/);
      const after = parse(text, { html: model.html === true });
      readBack = Object.values(after.tables).some((t) => t!.rows.some((r) => r.cells.some((c) => c.range.start === at && c.value.kind === 'number')));
      verdicts.set(key, readBack);
    }
    if (!readBack) delete f.fix;
  }
}

export interface YearDocument<K> {
  key: K;
  model: ReportModel;
}

/**
 * The rules that need several reports: each report is compared with the report of the same agency
 * for the year before, when the set has it (I5, I6, copied-report), and with the other agencies'
 * reports of the same year (units-sum). Agencies are matched by the name in the title, normalised.
 */
export function checkAcrossYears<K>(docs: ReadonlyArray<YearDocument<K>>, options: CheckOptions = {}): Map<K, Finding[]> {
  const out = new Map<K, Finding[]>();
  const byAgencyYear = new Map<string, YearDocument<K>>();
  const keyOf = (m: ReportModel, year: number) => `${norm(m.agency ?? '')}@${year}`;
  for (const d of docs) if (d.model.agency && d.model.year !== undefined) byAgencyYear.set(keyOf(d.model, d.model.year), d);
  // One list per year, shared by its reports (a folder of a thousand reports of one year is not
  // copied a thousand times): each rule leaves out the report's own agency itself.
  const byYear = new Map<number, ReportModel[]>();
  for (const d of docs) {
    if (!d.model.agency || d.model.year === undefined) continue;
    const list = byYear.get(d.model.year);
    if (list) list.push(d.model);
    else byYear.set(d.model.year, [d.model]);
  }
  for (const d of docs) {
    if (!d.model.agency || d.model.year === undefined) continue;
    const previous = byAgencyYear.get(keyOf(d.model, d.model.year - 1));
    const sameYear = byYear.get(d.model.year) as ReportModel[];
    const found: Finding[] = [];
    for (const rule of rules) {
      const setting = options.severity?.[rule.id];
      if (setting === 'off') continue;
      const produced = [...(rule.checkPair && previous ? rule.checkPair(d.model, previous.model) : []), ...(rule.checkGroup && sameYear.length > 1 ? rule.checkGroup(d.model, sameYear) : [])];
      for (const f of produced) found.push({ ...f, ruleId: rule.id, severity: setting ?? rule.severity });
    }
    if (found.length) out.set(d.key, found);
  }
  return out;
}

function settleFixes(findings: Finding[]): void {
  // Only the safe fixes are applied together; a quick fix the user picks stands on its own.
  const targets = new Map<number, Set<string>>();
  for (const f of findings) {
    if (!f.fix?.safe) continue;
    for (const e of [f.fix.edit, ...(f.fix.extraEdits ?? [])]) {
      const set = targets.get(e.range.start) ?? new Set<string>();
      set.add(e.newText);
      targets.set(e.range.start, set);
    }
  }
  for (const f of findings) {
    if (!f.fix?.safe) continue;
    const own = new Set([f.fix.edit, ...(f.fix.extraEdits ?? [])].map((e) => e.range.start));
    const conflicting = [...own].some((at) => (targets.get(at)?.size ?? 0) > 1);
    const inputs = f.inputs ?? f.related.map((r) => r.range);
    const unsettledInput = inputs.some((r) => !own.has(r.start) && targets.has(r.start));
    if (conflicting || unsettledInput) delete f.fix;
  }
}
