// `gov-report summary`: the folder as a reviewer hands it on (CSV, JSON, HTML, XLSX); an export,
// so its exit code says whether it was written, not what the reports hold.
import { join } from 'node:path';
import { describeSource, notCheckedEntry, pick, reviewCsv, reviewEntry, reviewHtml, reviewJson, type Finding, type Lang, type ReviewEntry } from '../../../shared/src/index';
import type { Options } from './args';
import type { Looked } from './checkFile';
import { writeOutput, type CliIo } from './io';

/** A checked file's findings as listed (after --quiet), and those a reviewer dismissed. */
export interface Listed {
  findings: Finding[];
  dismissed: Finding[];
}

export async function writeSummary(looked: ReadonlyArray<{ file: Looked; listed?: Listed }>, opts: Options, lang: Lang, io: CliIo): Promise<number> {
  const entries: ReviewEntry[] = looked.map(({ file, listed }) => {
    if (file.kind !== 'checked' || !listed) return notCheckedEntry(file.path, file.kind === 'skipped' ? 'skipped' : 'failed', file.kind === 'checked' ? undefined : file.message);
    const locate = file.locate;
    return reviewEntry(file.path, file.model, listed.findings, lang, locate ? (line, column) => {
      const at = locate(line, column);
      return at ? pick(describeSource(at), lang) : undefined;
    } : undefined, opts.includeDismissed ? [] : listed.dismissed);
  });
  const format = opts.format ?? 'csv';
  let out: string | Uint8Array;
  if (format === 'xlsx') {
    // Loaded only here (dist/xlsx.js, built beside the CLI): checking never pays for the workbook library.
    const { reviewXlsx } = require(join(__dirname, 'xlsx.js')) as typeof import('../xlsx');
    out = await reviewXlsx(entries, lang);
  } else out = format === 'html' ? reviewHtml(entries, lang) : format === 'json' ? reviewJson(entries) : reviewCsv(entries, lang);
  return writeOutput(io, opts.outputFile, out, lang) ? 0 : 2;
}
