// A report file as the CLI reads it: text decoded in its own encoding, or a Word or PDF file
// rebuilt as a Markdown report (in a worker thread, read ahead while the files before it are
// checked). Nothing is copied on the way: the bytes as read, the text as decoded.
import { decodeReport, message, type Encoding, type Localized, type Rebuilt } from '../../../shared/src/index';
import { isBinaryReport } from '../binaryReport';
import { readBinaryOnce } from '../readAhead';
import { fileReadMessage, MAX_FILE_BYTES, readReportBytes, type FileRead } from '../readFile';

export type Read =
  | { ok: true; text: string; encoding: Encoding; bom: boolean; bytes: Uint8Array; rebuilt?: Rebuilt; from?: 'docx' | 'pdf'; notes?: Localized[]; unread?: Localized }
  | { ok: false; reason: string; message: Localized };

/** Reads a report file, or the report given on standard input (read as a file of that name, within the same size). */
export async function readReportFile(path: string, stdin?: Uint8Array): Promise<Read> {
  const file: FileRead = !stdin ? readReportBytes(path)
    : stdin.length > MAX_FILE_BYTES.text ? { ok: false, reason: 'too-large', size: stdin.length, max: MAX_FILE_BYTES.text } : { ok: true, bytes: stdin };
  if (!file.ok) return { ok: false, reason: file.reason, message: fileReadMessage(file) };
  const bytes = file.bytes;
  if (isBinaryReport(path)) {
    const r = await readBinaryOnce(path, bytes);
    return r.ok ? { ok: true, text: r.rebuilt.markdown, encoding: 'utf-8', bom: false, bytes, rebuilt: r.rebuilt, from: r.from, notes: r.notes, ...(r.unread ? { unread: r.unread } : {}) } : r;
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, message: message(decoded.reason === 'binary' ? 'cli.failed.binary' : 'cli.failed.encoding') };
  return { ok: true, text: decoded.text, encoding: decoded.encoding, bom: decoded.bom, bytes };
}

/** Whether the text holds anything but white space (no copy of it, as trim() would make). */
export function hasText(text: string): boolean {
  return /\S/.test(text);
}
