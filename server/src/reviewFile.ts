// The review file on disk (shared/src/decisions.ts says what it holds): found at the root of a
// folder of reports (beside its .gov-report.json, else the folder the command runs in), read
// once per root, written atomically (beside, then renamed over), and never overwritten when it
// could not be read (a malformed file is said by line, and nothing in it is lost).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseReviewFile, REVIEW_FILE, serializeReviewFile, type Decision } from '../../shared/src/index';

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
