// Reports in files that are not text (Word .docx, PDF): read and rebuilt as a Markdown report for
// the one engine, with the map back to the page, paragraph or cell. Shared by the CLI and the
// language server ("检查 PDF/Word 报告").
import { message, readDocx, rebuildPdf, type Localized, type Rebuilt } from '../../shared/src/index';
import { readPdfPages } from './pdf';

export const WORD = /\.(docx|doc|wps)$/i;
export const PDF = /\.pdf$/i;
export const isBinaryReport = (path: string) => WORD.test(path) || PDF.test(path);

export type BinaryRead =
  | { ok: true; rebuilt: Rebuilt; from: 'docx' | 'pdf'; notes: Localized[]; /** What was not read (pages dropped or past the limit), said briefly. */ unread?: Localized }
  | { ok: false; reason: string; message: Localized };

export async function readBinaryReport(path: string, bytes: Uint8Array): Promise<BinaryRead> {
  if (WORD.test(path)) {
    const r = readDocx(bytes);
    if (r.ok) return { ok: true, rebuilt: r.report, from: 'docx', notes: [] };
    const reasons = { 'old-format': 'cli.failed.oldWord', encrypted: 'cli.failed.encryptedWord', 'not-zip': 'cli.failed.notZip', 'not-docx': 'cli.failed.notDocx', 'too-large': 'cli.failed.docxTooLarge', corrupt: 'cli.failed.corrupt' } as const;
    return { ok: false, reason: r.reason, message: message(reasons[r.reason], { detail: 'zip/XML' }) };
  }
  const r = await readPdfPages(bytes);
  if (!r.ok) {
    const reasons = { encrypted: 'cli.failed.encrypted', corrupt: 'cli.failed.corrupt', 'not-pdf': 'cli.failed.notPdf', 'no-reader': 'cli.failed.noPdfReader', timeout: 'cli.failed.pdfTimeout', 'too-large': 'cli.failed.pdfTooLarge' } as const;
    return { ok: false, reason: r.reason, message: message(reasons[r.reason], { detail: r.detail ?? 'PDF' }) };
  }
  // Pages that drew too much to read (PDF_LIMITS, the operator budget) are dropped: said, the rest checked.
  const dropped = { pages: r.tooComplex.join('、'), pagesEn: r.tooComplex.join(', '), count: r.tooComplex.length };
  const rebuilt = rebuildPdf(r.pages);
  if (!rebuilt.ok && r.tooComplex.length) return { ok: false, reason: 'too-complex', message: message('cli.failed.pdfTooComplex', dropped) };
  if (!rebuilt.ok) return { ok: false, reason: 'scan', message: message('cli.failed.scan', { pages: r.pages.length }) };
  const notes = [...(r.truncated ? [message('cli.note.truncated', { pages: r.pages.length })] : []), ...(r.tooComplex.length ? [message('cli.note.pdfTooComplex', dropped)] : [])];
  if (!r.truncated && !r.tooComplex.length) return { ok: true, rebuilt: rebuilt.report, from: 'pdf', notes };
  rebuilt.report.incomplete = true;
  const unread = [...(r.truncated ? [message('cli.note.truncated', { pages: r.pages.length })] : []), ...(r.tooComplex.length ? [message('cli.unread.tooComplex', dropped)] : [])];
  return { ok: true, rebuilt: rebuilt.report, from: 'pdf', notes, unread: { zh: unread.map((u) => u.zh).join('；'), en: unread.map((u) => u.en).join('; ') } };
}

/** Why a file is not checked as a report: not one, or (part of it unread) not one as far as could be read. */
export function notReportReason(unread: Localized | undefined): Localized {
  return unread ? message('cli.skipped.partlyRead', { unread: unread.zh, unreadEn: unread.en }) : message('cli.skipped.notReport');
}
