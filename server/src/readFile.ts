// Reading a report file from disk, for the CLI and the server alike: only a regular file (a
// symlink to /dev/zero, a FIFO or a folder is no report), of a bounded size, checked before
// anything is read.
import { readFileSync, statSync } from 'node:fs';
import { message, type Localized } from '../../shared/src/index';
import { isBinaryReport } from './binaryReport';

/** The largest file read: a report is a few hundred KB; past this it is said, not read. */
export const MAX_FILE_BYTES = { text: 8 * 1024 * 1024, binary: 64 * 1024 * 1024 };

/** The time one file may take in the CLI, read to findings (a PDF's reading has its own, PDF_LIMITS). */
export const CHECK_TIME_MS = Number(process.env.GOV_REPORT_TIME_MS) || 20_000;

export type FileRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'not-a-file' }
  | { ok: false; reason: 'too-large'; size: number; max: number }
  | { ok: false; reason: 'unreadable'; code: string };

export function readReportBytes(path: string): FileRead {
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: 'not-a-file' };
    const max = isBinaryReport(path) ? MAX_FILE_BYTES.binary : MAX_FILE_BYTES.text;
    if (st.size > max) return { ok: false, reason: 'too-large', size: st.size, max };
    return { ok: true, bytes: readFileSync(path) };
  } catch (e) {
    return { ok: false, reason: 'unreadable', code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/** What is said of a file that was not read (CLI line, server answer). */
export function fileReadMessage(r: Exclude<FileRead, { ok: true }>): Localized {
  if (r.reason === 'not-a-file') return message('cli.failed.notFile');
  if (r.reason === 'too-large') return message('cli.failed.tooLarge', { size: Math.round(r.size / 1024 / 1024), max: r.max / 1024 / 1024 });
  return message('cli.failed.unreadable', { detail: r.code });
}
