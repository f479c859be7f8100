// The review record: what a reviewer decided of each finding (confirmed: a real defect, to be
// corrected; dismissed: not a defect, with the reason), kept in `.gov-report-review.json` at the
// root of a folder of reports, for the reports one cannot edit (PDF, Word, web pages) as well as
// text. Plain JSON in a stable order, meant to be committed and diffed.
//
// A decision names its finding by a fingerprint: the rule and what the finding says (the cells,
// row or section it is about and its figures), never its line, so that it survives edits
// elsewhere and a re-export of the same report (the PDF and the text saved from it). A changed
// figure changes the fingerprint: the old decision is then stale, and said so.
import * as z from 'zod/mini';
import type { ReportModel } from '../model';
import type { Finding } from '../rules/types';

export const REVIEW_FILE = '.gov-report-review.json';

/** Bounds on a file a colleague (or anybody) may have written. */
const MAX_DECISIONS = 100_000;
const MAX_TEXT = 4_000;

const Text = z.string().check(z.maxLength(MAX_TEXT));

export const DecisionSchema = z.strictObject({
  /** The report's path, relative to the review file's folder, with "/". */
  report: Text,
  /** SHA-256 of the report's bytes when decided (which version was looked at). */
  sha256: z.optional(Text),
  /** The agency and year of the report's title: the same report saved in another format still matches. */
  agency: z.optional(Text),
  year: z.optional(z.number().check(z.int())),
  rule: Text,
  fingerprint: Text,
  /** What the finding said when decided (for the reader of the file; matching uses the fingerprint). */
  subject: Text,
  decision: z.enum(['confirmed', 'dismissed']),
  reason: z.optional(Text),
  by: Text,
  at: Text,
});
export type Decision = z.infer<typeof DecisionSchema>;

const ReviewFileSchema = z.strictObject({
  $comment: z.optional(Text),
  version: z.literal(1),
  decisions: z.array(DecisionSchema).check(z.maxLength(MAX_DECISIONS)),
});

export type ReviewFileResult = { ok: true; decisions: Decision[] } | { ok: false; error: string; line: number };

/** The finding's fingerprint: its rule and what it says, without spaces (FNV-1a, 32 bits). */
export function fingerprint(f: Pick<Finding, 'ruleId' | 'message'>): string {
  const text = `${f.ruleId}\u0000${f.message.zh.replace(/\s+/g, '')}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${f.ruleId}:${h.toString(16).padStart(8, '0')}`;
}

/** Reads a review file; a malformed one is an error placed by line (nothing is taken from it). */
export function parseReviewFile(source: string): ReviewFileResult {
  const text = source.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    return { ok: false, error: (e as Error).message, line: at ? lineAt(text, Number(at[1])) : 1 };
  }
  const parsed = ReviewFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, decisions: parsed.data.decisions };
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const where = path.map(String).join('.');
  const entry = path[0] === 'decisions' && typeof path[1] === 'number' ? entryLine(text, path[1]) : 1;
  return { ok: false, error: `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`, line: entry };
}

/** The file's text: decisions sorted (report, rule, fingerprint), keys in one order, one per line. */
export function serializeReviewFile(decisions: readonly Decision[]): string {
  const sorted = [...decisions].sort((a, b) => compare(a.report, b.report) || compare(a.rule, b.rule) || compare(a.fingerprint, b.fingerprint));
  const ordered = sorted.map((d) => ({
    report: d.report, ...(d.sha256 ? { sha256: d.sha256 } : {}), ...(d.agency ? { agency: d.agency } : {}), ...(d.year !== undefined ? { year: d.year } : {}),
    rule: d.rule, fingerprint: d.fingerprint, subject: d.subject, decision: d.decision, ...(d.reason ? { reason: d.reason } : {}), by: d.by, at: d.at,
  }));
  return `${JSON.stringify({ $comment: 'gov-report 审阅记录 / review record: gov-report review --help', version: 1, decisions: ordered }, null, 2)}\n`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Where a report of that path (relative, "/"), agency and year stands in the record. */
export function decisionsFor(decisions: readonly Decision[], report: string, model?: Pick<ReportModel, 'agency' | 'year'>): Decision[] {
  const stem = stemOf(report);
  return decisions.filter((d) => d.report === report || stemOf(d.report) === stem ||
    (model?.agency !== undefined && model.year !== undefined && d.agency === model.agency && d.year === model.year));
}

const stemOf = (path: string) => path.replace(/\.[^./]+$/, '');

/**
 * Marks the findings a decision names (confirmed or dismissed, from the review file), and says
 * which decisions named none (stale: the finding is gone, or its figures changed).
 */
export function applyDecisions(findings: readonly Finding[], decisions: readonly Decision[]): { findings: Finding[]; stale: Decision[] } {
  if (decisions.length === 0) return { findings: [...findings], stale: [] };
  const byPrint = new Map<string, Decision>();
  for (const d of decisions) byPrint.set(d.fingerprint, d);
  const used = new Set<Decision>();
  const out = findings.map((f) => {
    const d = byPrint.get(fingerprint(f));
    if (!d) return f;
    used.add(d);
    // A comment in the report that silences it says more about it than the record: it stays.
    if (f.review) return f;
    return { ...f, review: { decision: d.decision, kind: 'external' as const, ...(d.reason ? { reason: d.reason } : {}), by: d.by, at: d.at } };
  });
  return { findings: out, stale: decisions.filter((d) => !used.has(d)) };
}

/** A decision on one finding of one report. */
export function decide(f: Finding, report: { path: string; sha256?: string; model?: Pick<ReportModel, 'agency' | 'year'> }, decision: Decision['decision'], reason: string | undefined, by: string, at: string): Decision {
  return {
    report: report.path, ...(report.sha256 ? { sha256: report.sha256 } : {}),
    ...(report.model?.agency ? { agency: report.model.agency } : {}), ...(report.model?.year !== undefined ? { year: report.model.year } : {}),
    rule: f.ruleId, fingerprint: fingerprint(f), subject: f.message.zh, decision, ...(reason ? { reason } : {}), by, at,
  };
}

/** The record with `next` in place of any decision on the same finding of the same report. */
export function withDecision(decisions: readonly Decision[], next: Decision): Decision[] {
  return [...decisions.filter((d) => !(d.fingerprint === next.fingerprint && stemOf(d.report) === stemOf(next.report))), next];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line where the n-th object of the "decisions" array begins (a forward scan, strings skipped). */
function entryLine(text: string, n: number): number {
  const start = text.indexOf('"decisions"');
  if (start < 0) return 1;
  let depth = 0;
  let seen = -1;
  let inString = false;
  for (let i = text.indexOf('[', start); i >= 0 && i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (c === '{' && depth === 2 && ++seen === n) return lineAt(text, i);
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) break;
    }
  }
  return 1;
}
