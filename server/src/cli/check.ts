// `gov-report check` and `gov-report summary`: the files read and checked a few at a time (a Word
// or PDF file read ahead in a worker thread never holds up the text files after it), then what the
// run finds across them (reports of one agency in consecutive years, the folder's review record),
// then the output, written once, and the exit code.
import { checkAcrossYears, message, pick, summarize, type Finding, type Lang, type Localized } from '../../../shared/src/index';
import type { FileResult } from '../fileResult';
import { READ_AHEAD, readAhead } from '../readAhead';
import { ReviewRecords } from '../reviewFile';
import type { Options } from './args';
import { lookAt, type CheckedFile, type Looked, type RunContext } from './checkFile';
import { collectEntries, STDIN, type FileEntry } from './files';
import { readStdin, UsageError, writeOutput, type CliIo } from './io';
import { checkOutput, showsDismissed } from './output';
import { RunSettings } from './settings';
import { writeSummary, type Listed } from './summary';

/** Files checked at once: enough that a slow read does not hold up the others. */
const WINDOW = 8;

export async function runCheck(opts: Options, io: CliIo): Promise<number> {
  const started = await startRun(opts, io);
  if (typeof started === 'number') return started;
  const { ctx, files } = started;
  const looked = (await lookAtAll(ctx, files)).filter((l): l is Looked => l !== undefined);
  const checked = looked.filter((l): l is CheckedFile => l.kind === 'checked');
  const listed = settle(ctx, checked);
  if (opts.command === 'summary') return writeSummary(looked.map((file) => ({ file, listed: listed.get(file) })), opts, ctx.lang, io);
  const results = looked.map((l) => (l.kind === 'checked' ? fileResult(l, listed.get(l) as Listed, opts, ctx.lang) : l));
  if (!writeOutput(io, opts.outputFile, checkOutput(results, opts, ctx.lang), ctx.lang)) return 2;
  return exitCode(ctx, looked, checked, listed, files.length);
}

/** The files, standard input and the settings of the run, or the exit code when it cannot start (said). */
async function startRun(opts: Options, io: CliIo): Promise<{ ctx: RunContext; files: FileEntry[] } | number> {
  // "-": the report comes on standard input, named by --stdin-filename (for its configuration,
  // its layout and the messages).
  const stdinName = opts.stdinFilename ?? '<stdin>';
  const stdin = opts.paths.includes('-') ? await (io.stdin ?? readStdin)() : undefined;
  let files: FileEntry[];
  try {
    files = [...collectEntries(opts.paths.filter((p) => p !== '-')), ...(stdin ? [{ path: STDIN, named: true }] : [])];
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`gov-report: ${e.message}\n`);
    return 2;
  }
  if (files.length === 0) return nothingChecked(io, message('cli.noFiles'), opts.lang ?? 'zh-CN');
  const settings = RunSettings.open(opts, io);
  if (typeof settings === 'number') return settings;
  return { ctx: { io, opts, settings, lang: settings.lang, stdinName, ...(stdin ? { stdin } : {}) }, files };
}

/** Every file looked at, WINDOW at a time, each one's outcome in its own slot (said in the files' order). */
async function lookAtAll(ctx: RunContext, files: FileEntry[]): Promise<Array<Looked | undefined>> {
  const out = new Array<Looked | undefined>(files.length);
  let readUpTo = 0;
  let next = 0;
  const one = async (index: number) => {
    // The Word and PDF files among the next few start being read (in worker threads) now.
    const from = Math.max(readUpTo, index + 1);
    readUpTo = Math.max(readUpTo, index + 1 + READ_AHEAD);
    if (from < readUpTo) readAhead(files.slice(from, readUpTo).filter((f) => !f.link && f.path !== STDIN).map((f) => f.path));
    out[index] = await lookAt(ctx, files[index] as FileEntry);
  };
  await Promise.all(Array.from({ length: Math.min(WINDOW, files.length) }, async () => {
    while (next < files.length) await one(next++);
  }));
  return out;
}

/**
 * What the run adds to each checked file: the findings against the same agency's report of the
 * year before (and its units' of the same year), and the decisions of the folder's review record.
 * Dismissed findings are not listed (unless asked) and never counted.
 */
function settle(ctx: RunContext, checked: CheckedFile[]): Map<Looked, Listed & { open: Finding[] }> {
  const { io, opts, lang } = ctx;
  const across = crossYear(checked, io, lang);
  const records = new ReviewRecords();
  // Each folder's record read once: a folder with no decision has nothing to match.
  const decided = new Map<string, boolean>();
  for (const c of checked) {
    if (decided.has(c.root)) continue;
    const load = records.load(c.root);
    if (!load.ok) io.err(`gov-report: ${pick(message('cli.review.malformed', { path: load.path, line: load.line, error: load.error }), lang)}\n`);
    decided.set(c.root, load.ok && load.decisions.length > 0);
  }
  const out = new Map<Looked, Listed & { open: Finding[] }>();
  checked.forEach((c, key) => {
    const all = [...c.findings, ...(across.get(key) ?? [])].sort(byPlace);
    const { findings: open, dismissed, stale } = decided.get(c.root) ? records.mark(c.root, c.file, c.model, all) : { findings: all, dismissed: [], stale: 0 };
    if (stale > 0) c.notes.push(pick(message('cli.note.staleDecisions', { count: stale }), lang));
    const listed = opts.includeDismissed ? [...open, ...dismissed].sort(byPlace) : open;
    // --quiet: errors only, in every output format (warnings still count for --max-warnings, as ESLint's do).
    out.set(c, { findings: opts.quiet ? listed.filter((f) => f.severity === 'error') : listed, dismissed, open });
  });
  return out;
}

const byPlace = (a: Finding, b: Finding) => a.range.start - b.range.start || a.range.end - b.range.end;

/** Reports of one agency for consecutive years are also checked against each other (I5, I6). */
function crossYear(checked: CheckedFile[], io: CliIo, lang: Lang): Map<number, Finding[]> {
  try {
    return checkAcrossYears(checked.map((c, key) => ({ key, model: c.model })));
  } catch (e) {
    io.err(pick(message('cli.failed.internal', { detail: (e as Error).message ?? String(e) }), lang) + '\n');
    return new Map();
  }
}

/** A checked file as the check formats say it: its findings placed by line and column (and, for a Word or PDF file, in it). */
function fileResult(c: CheckedFile, listed: Listed, opts: Options, lang: Lang): FileResult {
  const summary = summarize(c.model, listed.findings, lang, c.locate);
  // Only JSON and SARIF say the dismissed findings; the other formats never read them.
  const dismissed = showsDismissed(opts) && listed.dismissed.length ? summarize(c.model, listed.dismissed, lang, c.locate).findings : [];
  return {
    kind: 'checked', path: c.path, findings: listed.findings, fixed: c.fixed, changes: c.changes, notes: c.notes, encoding: c.encoding, dismissed,
    // --fix never rewrites a Word or PDF file: nothing of it counts as fixable.
    summary: c.rebuiltFrom ? { ...summary, findings: summary.findings.map((f) => ({ ...f, fixable: false })) } : summary,
    ...(c.diff !== undefined ? { diff: c.diff } : {}), ...(c.rebuiltFrom ? { rebuiltFrom: c.rebuiltFrom } : {}),
  };
}

function exitCode(ctx: RunContext, looked: Looked[], checked: CheckedFile[], listed: Map<Looked, Listed & { open: Finding[] }>, found: number): number {
  const { io, opts, lang } = ctx;
  if (looked.some((l) => l.kind === 'failed')) return 2;
  // Every file ignored, empty or not a report: as for an empty folder (each skipped one is said above).
  if (checked.length === 0) return nothingChecked(io, allSkipped(found), lang);
  if (checked.some((c) => listed.get(c)?.findings.some((f) => f.severity === 'error' && f.review?.decision !== 'dismissed'))) return 1;
  if (opts.maxWarnings !== undefined) {
    let warnings = 0;
    for (const c of checked) warnings += listed.get(c)?.open.filter((f) => f.severity === 'warning').length ?? 0;
    if (warnings > opts.maxWarnings) {
      io.err(pick(message('cli.tooManyWarnings', { count: warnings, max: opts.maxWarnings }), lang) + '\n');
      return 1;
    }
  }
  return 0;
}

/** Nothing was checked (an empty folder, or only files left out): said, and not a success. */
function nothingChecked(io: CliIo, text: Localized, lang: Lang): number {
  io.err(`gov-report: ${pick(text, lang)}\n`);
  return 2;
}

function allSkipped(found: number): Localized {
  return found === 1
    ? { zh: '没有可检查的报告：该文件被忽略或跳过', en: 'nothing to check: the file was ignored or skipped' }
    : { zh: `没有可检查的报告：找到的 ${found} 个文件均被忽略或跳过`, en: `nothing to check: all ${found} files found were ignored or skipped` };
}
