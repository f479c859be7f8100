// Word and PDF files read once per content (a reviewer's folder holds the same published file more
// than once; the last few results are kept), and read ahead in worker threads while the files
// before them are checked: as many at once as there are cores (up to 4), the others waiting their
// turn in order. Shared by the CLI (check, summary) and the language server (the overview).
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { isBinaryReport, readBinaryReport, type BinaryRead } from './binaryReport';
import { countWaitingReads } from './pdf';
import { readReportBytes } from './readFile';

const binaryReads = new Map<string, Promise<BinaryRead>>();
const KEPT_READS = 32;
/** How many files ahead the CLI starts reading. */
export const READ_AHEAD = 16;
/** Readers running at once (each a worker thread for a PDF); the others wait their turn, in order. */
const READERS = Math.max(1, Math.min(4, availableParallelism()));
let reading = 0;
const turns: Array<() => void> = [];
// PDF readers are kept for the next file only while files wait their turn.
countWaitingReads(() => turns.length);

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (reading >= READERS) await new Promise<void>((go) => turns.push(go));
  reading++;
  try {
    return await work();
  } finally {
    reading--;
    turns.shift()?.();
  }
}

export function readBinaryOnce(path: string, bytes: Uint8Array): Promise<BinaryRead> {
  const key = `${createHash('sha256').update(bytes).digest('hex')}${extname(path).toLowerCase()}`;
  let read = binaryReads.get(key);
  if (!read) {
    read = inTurn(() => readBinaryReport(path, bytes));
    binaryReads.set(key, read);
    if (binaryReads.size > KEPT_READS) binaryReads.delete(binaryReads.keys().next().value as string);
  }
  return read;
}

/** Starts reading the Word and PDF files among the next ones (their results are kept, by content). */
export function readAhead(paths: readonly string[]): void {
  for (const path of paths) {
    if (!isBinaryReport(path)) continue;
    const file = readReportBytes(path);
    if (file.ok) void readBinaryOnce(path, file.bytes);
  }
}

