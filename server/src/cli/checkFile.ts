// One file of `check` and `summary`: read, parsed and checked on its own, or said why not (ignored,
// unreadable, empty, not a report). What the run does across the files (the years compared, the
// review record, the output) is done afterwards, in check.ts.
import { dirname, relative, resolve } from 'node:path';
import { check, type Encoding, type Finding, isOwnExport, type Lang, message, parse, pick, type ReportModel, type SourceLocation, TimeBudgetExceeded } from '../../../shared/src/index';
import { notReportReason } from '../binaryReport';
import { CHECK_TIME_MS } from '../readFile';
import { ENCODING_NAME, applyFixes } from './fix';
import { STDIN, type FileEntry } from './files';
import type { Options } from './args';
import type { CliIo } from './io';
import { hasText, readReportFile, type Read } from './read';
import type { FolderSettings, RunSettings } from './settings';
import type { FileFacts } from '../fileResult';

/** A report read and checked, before the run adds what it finds across the files. */
export interface CheckedFile extends FileFacts {
  kind: 'checked';
  /** As said (relative to where the command runs), and the file itself. */
  path: string;
  file: string;
  /** The folder of its review record. */
  root: string;
  model: ReportModel;
  /** Its own findings (suppressed ones kept, marked), sorted by place. */
  findings: Finding[];
  /** For a Word or PDF file: the place in it of a line and column of the rebuilt text. */
  locate?: (line: number, column: number) => SourceLocation | undefined;
}

/** A file looked at and not checked, and why. */
export interface NotChecked {
  kind: 'skipped' | 'failed';
  path: string;
  reason: string;
  message: string;
}

export type Looked = CheckedFile | NotChecked;

/** What every file of the run shares. */
export interface RunContext {
  io: CliIo;
  opts: Options;
  settings: RunSettings;
  lang: Lang;
  /** The report given on standard input ("-"), and its name. */
  stdin?: Uint8Array;
  stdinName: string;
}

/** One file: what it gives, or nothing (a file left out of a folder silently). One file's
 *  failure is that file's message: an internal error reading, parsing or checking it never ends
 *  the run (the other files are still checked). */
export async function lookAt(ctx: RunContext, entry: FileEntry): Promise<Looked | undefined> {
  const { io, lang } = ctx;
  const path = entry.path === STDIN ? resolve(io.cwd, ctx.stdinName) : entry.path;
  const shown = entry.path === STDIN ? ctx.stdinName : relative(io.cwd, path) || path;
  if (entry.link) return { kind: 'skipped', path: shown, reason: 'symlink', message: pick(message('cli.skipped.symlink'), lang) };
  try {
    return await checkOne(ctx, entry, path, shown);
  } catch (e) {
    if (e instanceof TimeBudgetExceeded) return { kind: 'failed', path: shown, reason: 'timeout', message: pick(message('cli.failed.timeBudget', { seconds: CHECK_TIME_MS / 1000 }), lang) };
    return { kind: 'failed', path: shown, reason: 'internal', message: pick(message('cli.failed.internal', { detail: (e as Error).message ?? String(e) }), lang) + (process.env.GOV_REPORT_DEBUG ? `\n${(e as Error).stack ?? ''}` : '') };
  }
}

async function checkOne(ctx: RunContext, entry: FileEntry, path: string, shown: string): Promise<Looked | undefined> {
  const { io, lang } = ctx;
  const file = resolve(io.cwd, path);
  const folder = ctx.settings.forDir(dirname(file));
  // Ignored files: said when named on the command line, silently left out of a folder.
  const ignoredBy = ctx.settings.ignoredBy(file, folder);
  if (ignoredBy) return entry.named ? { kind: 'skipped', path: shown, reason: 'ignored', message: pick(message('cli.skipped.ignored', { by: ignoredBy }), lang) } : undefined;
  const found = folder.found;
  if (found.kind === 'invalid') return { kind: 'failed', path: shown, reason: 'config', message: pick(message('cli.config.invalid', { path: relative(io.cwd, found.path) || found.path, error: found.error }), lang) };
  const input = entry.path === STDIN ? ctx.stdin : undefined;
  // One file that cannot be read is reported for that file; the others are still checked.
  const read = await readReportFile(path, input);
  // The budget runs from here: a PDF's reading has its own (and may have waited its turn).
  const options = { ...folder.options, deadline: performance.now() + CHECK_TIME_MS };
  if (!read.ok) return { kind: 'failed', path: shown, reason: read.reason, message: pick(read.message, lang) };
  // A Word or PDF file with no text in it is not an empty file: said as what it is.
  if (!hasText(read.text)) return { kind: 'skipped', path: shown, reason: 'empty', message: pick(read.from ? message('cli.skipped.noText', { format: read.from === 'pdf' ? 'PDF' : 'Word' }) : message('cli.skipped.empty'), lang) };
  const html = /\.html?$/i.test(path);
  // The HTML review report this tool wrote (saved in the folder it describes) is no report: left
  // out of a folder silently, as an ignored file is; said when named.
  if (html && isOwnExport(read.text)) return entry.named ? { kind: 'skipped', path: shown, reason: 'own-export', message: pick(message('cli.skipped.ownExport'), lang) } : undefined;
  const model = withFormat(parse(read.text, { html, ...(read.rebuilt?.incomplete ? { incomplete: true } : {}) }), folder.config.format);
  // Part of the file unread: what was read is no report, which does not make the file none.
  if (!model.isReport) return { kind: 'skipped', path: shown, reason: read.unread ? 'partly-read' : 'not-a-report', message: pick(notReportReason(read.unread), lang) };
  return checkReport(ctx, { read, model, html, path, shown, file, folder, options, fromStdin: input !== undefined });
}

interface Parsed {
  read: Extract<Read, { ok: true }>;
  model: ReportModel;
  html: boolean;
  path: string;
  shown: string;
  file: string;
  folder: FolderSettings;
  options: FolderSettings['options'] & { deadline: number };
  fromStdin: boolean;
}

/** A parsed report: fixed first when asked (and read again as fixed), then checked. */
function checkReport(ctx: RunContext, p: Parsed): Looked {
  const { opts, lang } = ctx;
  const { read } = p;
  const notes: string[] = [];
  if (read.encoding !== 'utf-8') notes.push(pick(message('cli.note.encoding', { encoding: ENCODING_NAME[read.encoding] }), lang));
  for (const n of read.notes ?? []) notes.push(pick(n, lang));
  let model = p.model;
  let fixed = 0;
  let changes: string[] = [];
  let diff: string | undefined;
  if (opts.fix && read.rebuilt) notes.push(pick(message('cli.note.noFixBinary', { format: read.from === 'pdf' ? 'PDF' : 'Word' }), lang));
  else if (opts.fix && p.fromStdin) notes.push(pick(message('cli.note.noFixStdin'), lang));
  else if (opts.fix) {
    const r = applyFixes({ path: p.path, shown: p.shown, text: read.text, bytes: read.bytes, encoding: read.encoding, bom: read.bom, html: p.html, dryRun: opts.dryRun, lang, options: p.options });
    if (!r.ok) return { kind: 'failed', path: p.shown, reason: 'unwritable', message: r.message };
    ({ fixed, changes, diff } = r);
    notes.push(...r.notes);
    // Written: the report as it now is.
    if (r.text !== read.text) model = withFormat(parse(r.text, { html: p.html }), p.folder.config.format);
  }
  const rebuilt = read.rebuilt;
  return {
    kind: 'checked', path: p.shown, file: p.file, root: p.folder.root, model, findings: check(model, p.options), fixed, changes, notes, encoding: read.encoding,
    ...(diff !== undefined ? { diff } : {}), ...(read.from ? { rebuiltFrom: read.from } : {}),
    ...(rebuilt ? { locate: (line: number, column: number) => rebuilt.locate(line, column) } : {}),
  };
}

/** A report whose tables do not show its format is read as the configured one. */
export function withFormat(model: ReportModel, format: '2019' | '2021' | undefined): ReportModel {
  return format && model.formatVersion === null ? { ...model, formatVersion: format } : model;
}
