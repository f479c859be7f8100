// The review file on disk (shared/src/check/decisions.ts says what it holds): found at the root of a
// folder of reports (beside its .gov-report.json, else the folder the command runs in), read
// once per root, written atomically (beside, then renamed over), and never overwritten when it
// could not be read (a malformed file is said by line, and nothing in it is lost).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, relative, sep } from 'node:path';
import { applyDecisions, decisionsFor, parseReviewFile, REVIEW_FILE, serializeReviewFile, type Decision, type Finding, type ReportModel } from '../../shared/src/index';

/** A review file is refused past this size (it is a list of decisions, not a report). */
const MAX_REVIEW_BYTES = 16 * 1024 * 1024;

export type ReviewLoad = { ok: true; path: string; decisions: Decision[] } | { ok: false; path: string; error: string; line: number };

export function reviewPath(root: string): string {
  return join(root, REVIEW_FILE);
}

export function loadReview(root: string): ReviewLoad {
  const path = reviewPath(root);
  if (!existsSync(path)) return { ok: true, path, decisions: [] };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, path, error: (e as NodeJS.ErrnoException).code ?? String(e), line: 1 };
  }
  if (bytes.length > MAX_REVIEW_BYTES) return { ok: false, path, error: `larger than ${MAX_REVIEW_BYTES / 1024 / 1024} MB`, line: 1 };
  const parsed = parseReviewFile(bytes.toString('utf8'));
  return parsed.ok ? { ok: true, path, decisions: parsed.decisions } : { ok: false, path, error: parsed.error, line: parsed.line };
}

/** Written beside and renamed over: a reader never sees half a file. */
export function saveReview(root: string, decisions: readonly Decision[]): void {
  const path = reviewPath(root);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeReviewFile(decisions), { flag: 'w' });
  renameSync(temporary, path);
}

/** The report's path as the record names it: relative to the root, with "/". */
export function reportKey(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Who decides: git's user.name where it is set, else the account's name. */
export function reviewer(): string {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // No git, or no name set: the account's name.
  }
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * The review records of the roots a run or a session meets, each read once and kept while its
 * modification time is the same (the CLI reads each once; the editor sees a decision recorded
 * meanwhile). A record that cannot be read is used for nothing and said by `problem`.
 */
export class ReviewRecords {
  private readonly loaded = new Map<string, { mtime: number; load: ReviewLoad }>();

  load(root: string): ReviewLoad {
    let mtime = -1;
    try {
      // (Asked at every check: no exception built for the usual absent file.)
      mtime = statSync(reviewPath(root), { throwIfNoEntry: false })?.mtimeMs ?? -1;
    } catch {
      mtime = -1;
    }
    const hit = this.loaded.get(root);
    if (hit && hit.mtime === mtime) return hit.load;
    const load: ReviewLoad = mtime < 0 ? { ok: true, path: reviewPath(root), decisions: [] } : loadReview(root);
    this.loaded.set(root, { mtime, load });
    return load;
  }

  /** After writing the record: read it again next time, whatever its modification time says. */
  forget(root: string): void {
    this.loaded.delete(root);
  }

  /** Why the root's record cannot be read, if it cannot. */
  problem(root: string): Extract<ReviewLoad, { ok: false }> | undefined {
    const r = this.load(root);
    return r.ok ? undefined : r;
  }

  /** The findings of `file` (a report under `root`) with the decisions marked, the dismissed apart, and how many decisions are stale. */
  mark(root: string, file: string, model: ReportModel, findings: readonly Finding[]): { findings: Finding[]; dismissed: Finding[]; stale: number } {
    const r = this.load(root);
    const mine = r.ok ? decisionsFor(r.decisions, reportKey(root, file), model) : [];
    if (mine.length === 0) return { findings: [...findings], dismissed: [], stale: 0 };
    const applied = applyDecisions(findings, mine);
    return { findings: applied.findings.filter((f) => f.review?.decision !== 'dismissed'), dismissed: applied.findings.filter((f) => f.review?.decision === 'dismissed'), stale: applied.stale.length };
  }
}
