// The language server: the LSP connection, the document store, one cached analysis per
// document version, and the features. Runs over IPC (from the VS Code client) or standalone as
// `node dist/server.js --stdio` for any LSP editor.
import {
  createConnection, DidChangeConfigurationNotification, ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind,
  type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { checkAcrossYears, decodeReport, describeSource, message, norm, notCheckedEntry, parse, pick, overviewTable, reviewCsv, reviewEntry, reviewHtml, reviewJson, type Finding, type Lang, type Localized, type Rebuilt, type ReportModel, type ReviewEntry } from '../../shared/src/index';
import { entriesRelativeTo, isOwnExport, proseMarkdown } from '../../shared/src/index';
import {
  CHECK_FILES_REQUEST, CONVERT_REQUEST, EXPORT_REQUEST, OVERVIEW_REQUEST, REBUILD_REQUEST, RECORD_DECISION_REQUEST, SET_CHOICE_NOTIFICATION, STATUS_NOTIFICATION,
  type Choice, type InitializationOptions, type RequestMethod, type SetChoiceParams, type RequestParams, type RequestResult,
} from '../../shared/src/protocol';
import { isBinaryReport, notReportReason, readBinaryReport } from './binaryReport';
import { readAhead, readBinaryOnce } from './readAhead';
import { fileReadMessage, readReportBytes } from './readFile';
import { AnalysisCache, type Analysis, type DocumentOptions } from './analysis';
import { ConfigFinder, type FoundConfig } from './configFile';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { completions } from './features/completion';
import { statusOf } from './features/status';
import { setRuleLinkBase, toDiagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { fileOfUri, fingerprintsOf, ReviewRecord, reviewActions, reviewLabels } from './features/review';
import { defaultSettings, parseSettings, resolveLang, type Settings } from './settings';
import { stdioTransport } from './transport';

// A small young generation: the server's garbage is short-lived and small, and a resident
// server should not hold 30 MB of semi-space for it (measured with 100 reports open: 82 → 76 MB; 67 MB when given on the command line, as the client does).
setFlagsFromString('--max-semi-space-size=1');

const stdio = stdioTransport(process.argv);
const connection = stdio ? createConnection(ProposedFeatures.all, ...stdio) : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let settings: Settings = defaultSettings;
let clientLocale: string | undefined;
let pullConfiguration = false;
// docs/rules lives next to dist/ in the extension and in the repository alike.
const baseDir = join(__dirname, '..');

// The configuration file of each document on disk (shared with the CLI), re-read when one changes.
let workspaceFolders: string[] = [];
const configs = new ConfigFinder(() => workspaceFolders);
function configOf(uri: string): FoundConfig | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return configs.forDir(dirname(fileURLToPath(uri)));
  } catch {
    return undefined;
  }
}
function optionsFor(uri: string): DocumentOptions {
  const found = configOf(uri);
  if (found?.kind !== 'ok') return { severity: settings.severity };
  const c = found.config;
  // The editor's gov-report.severity and the file's rules map onto the same thing; the file, shared
  // with the CLI, wins, so both give the same findings.
  return { severity: { ...settings.severity, ...(c.rules ?? {}) }, ...(c.ignoreFindings ? { ignore: c.ignoreFindings } : {}), ...(c.format ? { format: c.format } : {}), ...(c.requireReason ? { requireReason: true } : {}) };
}

// The folder's review record (decisions on findings): at the root of the report's configuration,
// else of its workspace folder, else beside it, as the CLI finds it.
const reviews = new ReviewRecord((file) => {
  try {
    const found = configs.forDir(dirname(file));
    if (found.kind === 'ok') return found.dir;
  } catch {
    // No configuration: the workspace folder.
  }
  return workspaceFolders.filter((w) => file.startsWith(w + '/')).sort((a, b) => b.length - a.length)[0] ?? dirname(file);
});

// The rule pages shipped with the extension describe findings with examples: they are read, never
// checked as reports (a link to one must not add its examples' findings to the workspace).
const ownDocs = pathToFileURL(join(baseDir, 'docs')).href + '/';
const cache = new AnalysisCache(optionsFor, (uri) => uri.startsWith(ownDocs));
const lang = (uri?: string) => {
  const found = uri ? configOf(uri) : undefined;
  if (settings.language === 'auto' && found?.kind === 'ok' && found.config.language) return found.config.language;
  return resolveLang(settings, clientLocale);
};

// The user's per-file choice ("check this file as a report" / "do not check it"), kept by the client.
const choices = new Map<string, Choice>();

function analysisOf(doc: TextDocument): Analysis {
  const choice = choices.get(doc.uri);
  const incomplete = rebuilt.get(doc.uri)?.incomplete === true;
  return cache.get({ uri: doc.uri, version: doc.version, languageId: doc.languageId, text: doc.getText(), ...(choice ? { choice } : {}), ...(incomplete ? { incomplete } : {}) });
}

/** A handler of one of the protocol's requests, typed by it (shared/src/protocol.ts). */
function onRequest<M extends RequestMethod>(method: M, handler: (p: RequestParams<M>) => RequestResult<M> | Promise<RequestResult<M>>): void {
  connection.onRequest(method, handler);
}

connection.onNotification(SET_CHOICE_NOTIFICATION, (p: SetChoiceParams) => {
  if (p.choice) choices.set(p.uri, p.choice);
  else choices.delete(p.uri);
  cache.delete(p.uri);
  const doc = documents.get(p.uri);
  if (doc) schedule(doc, 0);
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientLocale = params.locale;
  workspaceFolders = (params.workspaceFolders ?? []).flatMap((w) => (w.uri.startsWith('file:') ? [fileURLToPath(w.uri)] : []));
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  // (Each option is checked: a client may send anything.)
  const options = params.initializationOptions as { [K in keyof InitializationOptions]?: unknown } | undefined;
  const init = parseSettings(options?.settings);
  if (typeof options?.ruleLinks === 'string' && /^[a-z][\w+.-]*:\/\/[\w.-]+$/i.test(options.ruleLinks)) setRuleLinkBase(options.ruleLinks);
  if (typeof options?.rebuiltScheme === 'string' && /^[a-z][\w+.-]*$/i.test(options.rebuiltScheme) && options.rebuiltScheme !== 'file') rebuiltScheme = options.rebuiltScheme;
  if (init !== defaultSettings) settings = init;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'gov-report' },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
      foldingRangeProvider: true,
      completionProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'gov-report', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gov-report' }).catch(() => undefined);
    void refreshSettings();
  }
});

async function refreshSettings(): Promise<void> {
  try {
    const raw: unknown = await connection.workspace.getConfiguration('gov-report');
    settings = parseSettings(raw);
  } catch {
    // A client that cannot answer keeps the defaults.
  }
  cache.clear();
  for (const doc of documents.all()) schedule(doc, 0);
}

connection.onDidChangeWatchedFiles(() => {
  // A .gov-report.json (or package.json) was created, changed or deleted.
  configs.clear();
  cache.clear();
  for (const doc of documents.all()) schedule(doc, 0);
});

connection.onDidChangeConfiguration((change) => {
  if (pullConfiguration) void refreshSettings();
  else {
    settings = parseSettings((change.settings as { 'gov-report'?: unknown } | undefined)?.['gov-report']);
    cache.clear();
    for (const doc of documents.all()) schedule(doc, 0);
  }
});

// ------------------------------------------------------------------ diagnostics
// Ordinary reports are checked at once after each change (well under 10 ms). When a document's
// last check took long, the next waits proportionally, so typing is never blocked by checks.
/** The check waiting for each document, to cancel it when another change comes first. */
const pending = new Map<string, () => void>();

function schedule(doc: TextDocument, delay?: number): void {
  pending.get(doc.uri)?.();
  const last = cache.peek(doc.uri);
  const wait = delay ?? (last && last.elapsed > 15 ? Math.min(1000, Math.round(last.elapsed * 3)) : 0);
  const run = () => {
    pending.delete(doc.uri);
    const current = documents.get(doc.uri);
    if (!current) return;
    publish(current);
  };
  if (wait === 0) {
    // Still asynchronous, so a burst of changes in one read is checked once; setImmediate runs
    // right after the messages of that read (a 0 ms timeout waits a whole millisecond).
    const immediate = setImmediate(run);
    pending.set(doc.uri, () => clearImmediate(immediate));
  } else {
    const timer = setTimeout(run, wait);
    pending.set(doc.uri, () => clearTimeout(timer));
  }
}

// Open reports by agency and year, so a report is also checked against the same agency's report
// for the year before when both are open (carry-over I5, stock I6), as the CLI does for files.
const reportsByAgencyYear = new Map<string, string>();
const agencyYear = (a: Analysis, year: number) => `${norm(a.model.agency ?? '')}@${year}`;

function acrossYears(a: Analysis): Finding[] {
  if (!a.active || !a.model.agency || a.model.year === undefined) return [];
  const previousUri = reportsByAgencyYear.get(agencyYear(a, a.model.year - 1));
  const previousDoc = previousUri && previousUri !== a.uri ? sourceOf(previousUri) : undefined;
  if (!previousDoc) return [];
  const previous = analysisOf(previousDoc);
  return checkAcrossYears([{ key: 'current', model: a.model }, { key: 'previous', model: previous.model }], optionsFor(a.uri)).get('current') ?? [];
}

function publish(doc: TextDocument, cascade = true): void {
  try {
    const a = analysisOf(doc);
    if (a.active && a.model.agency && a.model.year !== undefined) reportsByAgencyYear.set(agencyYear(a, a.model.year), doc.uri);
    const across = acrossYears(a);
    // What a reviewer decided: a dismissed finding leaves the Problems panel (or shows as a hint).
    const decided = reviews.mark(doc.uri, a.model, across.length ? [...a.findings, ...across] : a.findings);
    const shown = { ...a, findings: decided.findings };
    const diagnostics = toDiagnostics(settings.showDismissed ? { ...a, findings: [...decided.findings, ...decided.dismissed] } : shown, lang(doc.uri), baseDir);
    const found = a.active ? configOf(doc.uri) : undefined;
    if (found?.kind === 'invalid') diagnostics.unshift(configDiagnostic(found, lang(doc.uri)));
    // A report rebuilt from a PDF or Word file: each problem names its page (or paragraph, cell).
    const source = rebuilt.get(doc.uri);
    // The PDF or Word file itself, checked from disk (the workspace check): with a client that shows
    // rebuilt reports, its problems go on the file's rebuilt report, at their lines (a click there
    // opens the report at the problem); otherwise on the file, which has no line to point at.
    const onRebuilt = source && doc.uri.startsWith('file:') ? rebuiltUriOf(doc.uri) : undefined;
    if (source) {
      for (const d of diagnostics) {
        const at = source.locate(d.range.start.line, d.range.start.character);
        if (at) d.message += lang(doc.uri) === 'en' ? ` (${pick(describeSource(at), 'en')})` : `（${pick(describeSource(at), 'zh-CN')}）`;
        if (onRebuilt) {
          for (const r of d.relatedInformation ?? []) if (r.location.uri === doc.uri) r.location.uri = onRebuilt;
        } else if (doc.uri.startsWith('file:')) {
          d.range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
          delete d.relatedInformation;
        }
      }
    }
    // A closed file checked from disk has no editor version. A PDF or Word file whose rebuilt report
    // is open has its problems there, where a click goes: listed once, not on the file as well.
    const shownOnRebuilt = doc.uri.startsWith('file:') && source !== undefined && openRebuiltOf(doc.uri) !== undefined;
    if (onRebuilt) {
      // (While the rebuilt report is open, it publishes them itself, under the same URI.)
      if (!shownOnRebuilt) void connection.sendDiagnostics({ uri: onRebuilt, diagnostics });
    } else void connection.sendDiagnostics({ uri: doc.uri, ...(documents.get(doc.uri) ? { version: doc.version } : {}), diagnostics: shownOnRebuilt ? [] : diagnostics });
    report(a, shown.findings);
    // The next year's report, if open, depends on this one's row IV.
    if (cascade && a.model.year !== undefined) {
      const nextUri = reportsByAgencyYear.get(agencyYear(a, a.model.year + 1));
      const next = nextUri ? sourceOf(nextUri) : undefined;
      if (next) publish(next, false);
    }
  } catch (e) {
    connection.console.error(`gov-report: check failed for ${doc.uri}: ${(e as Error).message}`);
  }
}

// The status bar's state, and a line in the output channel when the decision changes.
const decisions = new Map<string, string>();
function report(a: Analysis, shown: Finding[]): void {
  const status = statusOf(a, lang(a.uri), shown);
  void connection.sendNotification(STATUS_NOTIFICATION, status);
  if (decisions.get(a.uri) === status.detail) return;
  decisions.set(a.uri, status.detail);
  if (a.decision !== 'unrelated' || a.languageId === 'plaintext') connection.console.info(`${decodeURIComponent(a.uri.slice(a.uri.lastIndexOf('/') + 1))}: ${status.detail}`);
}

// ------------------------------------------------------------------ the workspace
// Reports that are not open, checked from disk ("check all reports in the workspace", or the
// workspace scope): their problems stay in the Problems panel, and they take part in the
// cross-year checks of the reports that are open.
const onDisk = new Map<string, TextDocument>();

function sourceOf(uri: string): TextDocument | undefined {
  return documents.get(uri) ?? onDisk.get(uri);
}

const LANGUAGE_OF_EXTENSION: Record<string, string> = { '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.gkreport': 'gov-report' };

type DiskCheck = { report: boolean; errors: number; warnings: number; infos: number };
const NOT_A_REPORT: DiskCheck = { report: false, errors: 0, warnings: 0, infos: 0 };
type FromDisk = { kind: 'report'; analysis: Analysis } | { kind: 'skipped' | 'failed'; reason: Localized } | { kind: 'own' };

/** Reads and checks one closed file (an open one as the editor has it), publishing its problems.
 *  A PDF or Word file is rebuilt first; its problems are published on the file itself, each naming
 *  its page or cell (the file has no lines to point at). */
async function fromDisk(uri: string): Promise<FromDisk> {
  const notReport: FromDisk = { kind: 'skipped', reason: message('cli.skipped.notReport') };
  const open = documents.get(uri);
  if (open) {
    // An export of the overview (saved in the folder it describes) is never a report.
    if (isOwnExport(open.getText())) return { kind: 'own' };
    const a = analysisOf(open);
    return a.active ? { kind: 'report', analysis: a } : notReport;
  }
  if (!uri.startsWith('file:')) return notReport;
  const path = fileURLToPath(uri);
  const file = readReportBytes(path);
  if (!file.ok) return { kind: 'failed', reason: fileReadMessage(file) };
  let doc: TextDocument;
  let unread: Localized | undefined;
  if (isBinaryReport(path)) {
    const r = await readBinaryOnce(path, file.bytes);
    if (!r.ok) return { kind: 'failed', reason: r.message };
    unread = r.unread;
    rebuilt.set(uri, r.rebuilt);
    doc = TextDocument.create(uri, 'markdown', -1, r.rebuilt.markdown);
  } else {
    const decoded = decodeReport(file.bytes);
    if (!decoded.ok) return { kind: 'failed', reason: message(decoded.reason === 'binary' ? 'cli.failed.binary' : 'cli.failed.encoding') };
    if (decoded.text.trim() === '') return { kind: 'skipped', reason: message('cli.skipped.empty') };
    if (isOwnExport(decoded.text)) return { kind: 'own' };
    doc = TextDocument.create(uri, LANGUAGE_OF_EXTENSION[extname(uri).toLowerCase()] ?? 'plaintext', -1, decoded.text);
  }
  onDisk.set(uri, doc);
  cache.delete(uri);
  publish(doc);
  const a = cache.peek(uri);
  if (!a?.active) {
    onDisk.delete(uri);
    rebuilt.delete(uri);
    return { kind: 'skipped', reason: notReportReason(unread) };
  }
  return { kind: 'report', analysis: a };
}

/** Starts reading the closed Word and PDF files among these (worker threads, once per content). */
function readAheadOf(uris: readonly string[]): void {
  readAhead(uris.filter((u) => u.startsWith('file:') && !documents.get(u)).map((u) => fileURLToPath(u)));
}

/** Between two files read from disk (the workspace check, the overview): the messages that came
 *  meanwhile are handled, so that a report opened during a batch is checked a file or two later,
 *  not after the whole batch. */
const openedFirst = () => new Promise<void>((resolve) => setImmediate(resolve));

async function checkFromDisk(uri: string): Promise<DiskCheck> {
  const r = await fromDisk(uri);
  if (r.kind !== 'report') return NOT_A_REPORT;
  // As the Problems panel lists them: a problem a reviewer dismissed is not counted.
  const shown = reviews.mark(uri, r.analysis.model, r.analysis.findings).findings;
  const count = (severity: string) => shown.filter((f) => f.severity === severity).length;
  return { report: true, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

// The reviewer's overview: an entry per file (figures, counts, findings with their places). The
// tool's own exports are left out (never listed). In an untrusted workspace (`trusted: false`, said by
// the client: Restricted Mode) no PDF or Word file is read: each is listed as waiting for trust.
// Each finding's fingerprint comes with it, so that a reviewer records a decision from the overview.
onRequest(OVERVIEW_REQUEST, async (p) => {
  const l = lang();
  const entries: ReviewEntry[] = [];
  const fingerprints: string[][] = [];
  const waits = (uri: string) => p.trusted === false && !documents.get(uri) && isBinaryReport(uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  readAheadOf(p.uris.filter((u) => !waits(u)));
  for (const uri of p.uris) {
    await openedFirst();
    if (waits(uri)) {
      entries.push(notCheckedEntry(uri, 'skipped', pick(message('overview.untrusted'), l)));
      fingerprints.push([]);
      continue;
    }
    const r = await fromDisk(uri);
    if (r.kind === 'own') continue;
    if (r.kind !== 'report') {
      entries.push(notCheckedEntry(uri, r.kind, pick(r.reason, l)));
      fingerprints.push([]);
      continue;
    }
    const a = r.analysis;
    const source = rebuilt.get(uri);
    const decided = reviews.mark(uri, a.model, [...a.findings, ...acrossYears(a)]);
    const entry = reviewEntry(uri, a.model, decided.findings, l, source ? (line, column) => {
      const at = source.locate(line, column);
      return at ? pick(describeSource(at), l) : undefined;
    } : undefined, decided.dismissed);
    entries.push(entry);
    fingerprints.push(fingerprintsOf(entry, a.model, [...decided.findings, ...decided.dismissed], l));
  }
  // The columns as the overview shows them, formatted here (the client holds no part of the core).
  return { ...overviewTable(entries, l), entries, fingerprints, review: reviewLabels(l) };
});

// An export of the overview, as `gov-report summary` writes it (the client saves it where the user says).
// Each file is named relative to `base` (the overview's folder), as the CLI names it.
onRequest(EXPORT_REQUEST, async (p) => {
  const l = lang();
  const entries = p.base ? entriesRelativeTo(p.entries, p.base) : p.entries;
  if (p.format === 'xlsx') {
    // The workbook library ships beside the server (dist/xlsx.js) and is loaded only for this.
    const { reviewXlsx } = require(join(__dirname, 'xlsx.js')) as typeof import('./xlsx');
    return { base64: Buffer.from(await reviewXlsx(entries, l)).toString('base64') };
  }
  return { text: p.format === 'csv' ? reviewCsv(entries, l) : p.format === 'html' ? reviewHtml(entries, l) : reviewJson(entries) };
});

onRequest(CHECK_FILES_REQUEST, async (p) => {
  const total = { checked: p.uris.length, reports: 0, errors: 0, warnings: 0, infos: 0 };
  readAheadOf(p.uris);
  for (const uri of p.uris) {
    await openedFirst();
    const r = await checkFromDisk(uri);
    if (r.report) total.reports++;
    total.errors += r.errors;
    total.warnings += r.warnings;
    total.infos += r.infos;
  }
  return total;
});

// ------------------------------------------------------------------ PDF and Word reports
// The client shows the report rebuilt from a PDF or .docx as a read-only Markdown document (its own
// URI); the server reads the file (pdf.js is loaded on the first PDF only), keeps the map back to
// the pages, and checks the rebuilt document as a report.
const rebuilt = new Map<string, Rebuilt>();
/** The URI scheme of the client's rebuilt reports (the VS Code client: gov-report-rebuilt), if it has them. */
let rebuiltScheme: string | undefined;

/** The URI of a PDF's or Word file's rebuilt report, as the VS Code client names it
 *  (`Uri.from({ scheme, path: file's path + '.md', query: file's URI })`, encoded as VS Code encodes it). */
function rebuiltUriOf(fileUri: string): string | undefined {
  if (!rebuiltScheme) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(new URL(fileUri).pathname);
  } catch {
    return undefined;
  }
  const encode = (s: string, keepSlash: boolean) => Array.from(s, (c) => (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/') ? c : encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`))).join('');
  return `${rebuiltScheme}:${encode(`${path}.md`, true)}?${encode(fileUri, false)}`;
}
// The file each rebuilt report was read from (rebuilt report's URI → the PDF or Word file's), so that
// the file's problems, when it was also checked from disk (the workspace check, the workspace scope,
// the overview), are listed once: on the rebuilt report while it is open, on the file otherwise.
const rebuiltFrom = new Map<string, string>();

function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return fileURLToPath(a) === fileURLToPath(b);
  } catch {
    return false;
  }
}

/** The open rebuilt report of a PDF or Word file, if there is one. */
function openRebuiltOf(fileUri: string): string | undefined {
  for (const [target, from] of rebuiltFrom) if (documents.get(target) && samePath(from, fileUri)) return target;
  return undefined;
}

/** The file as checked from disk (its problems published under that URI), if it was. */
function checkedOnDisk(fileUri: string): TextDocument | undefined {
  for (const [uri, doc] of onDisk) if (rebuilt.has(uri) && samePath(uri, fileUri)) return doc;
  return undefined;
}

/** A PDF or Word file named by a file: URI, read by `read`; its message where it cannot be. The
 *  path decides, not the URI's text ("file:///etc/passwd?x.pdf" names /etc/passwd). */
async function binaryAt(source: string, read: typeof readBinaryReport): Promise<Awaited<ReturnType<typeof readBinaryReport>>> {
  const path = source.startsWith('file:') ? fileURLToPath(source) : undefined;
  if (!path || !isBinaryReport(path)) return { ok: false, reason: 'not-pdf', message: message('cli.failed.notPdf') };
  const file = readReportBytes(path);
  if (!file.ok) return { ok: false, reason: file.reason, message: fileReadMessage(file) };
  return read(path, file.bytes);
}

onRequest(REBUILD_REQUEST, async (p) => {
  const l = lang();
  const r = await binaryAt(p.source, readBinaryReport);
  if (!r.ok) return { ok: false, message: pick(r.message, l) };
  rebuilt.set(p.target, r.rebuilt);
  rebuiltFrom.set(p.target, p.source);
  choices.set(p.target, 'check');
  connection.console.info(`${decodeURIComponent(p.source.slice(p.source.lastIndexOf('/') + 1))}: ${r.from === 'pdf' ? 'PDF' : 'Word'} → ${r.rebuilt.markdown.split('\n').length} lines`);
  return { ok: true, markdown: r.rebuilt.markdown, from: r.from, notes: r.notes.map((n) => pick(n, l)) };
});

// "将重建的报告另存为 Markdown…": the Markdown `gov-report convert --to md` writes (one function,
// proseMarkdown, for both), from the rebuilt report if it is open, else read again from the file.
onRequest(CONVERT_REQUEST, async (p) => {
  const l = lang();
  let report = p.target ? rebuilt.get(p.target) : undefined;
  if (!report) {
    const r = await binaryAt(p.source, readBinaryOnce);
    if (!r.ok) return { ok: false, message: pick(r.message, l) };
    report = r.rebuilt;
  }
  return { ok: true, markdown: proseMarkdown(report.markdown) };
});

// A document whose language changes is closed and opened again at once (VS Code does so; the client
// gives a plain-text report the report language after its first check): its problems stay listed
// and what the writer typed is kept, instead of being cleared and published again a moment later.
// A close is final when the document has not come back within REOPEN_MS.
const REOPEN_MS = 250;
const closing = new Map<string, { typed: Typed | undefined; timer: ReturnType<typeof setTimeout> }>();
/** The document just opened: its content event, which follows the open, is no edit. */
let opened: TextDocument | undefined;

// An opened document is checked at once: not after the requests that came with it (its outline,
// folding, code actions: they read the same analysis), and not after the pause that a long check
// of the same file from disk (the workspace check, the overview) would set for typing.
documents.onDidOpen((e) => {
  const uri = e.document.uri;
  onDisk.delete(uri);
  const back = closing.get(uri);
  if (back) {
    clearTimeout(back.timer);
    closing.delete(uri);
  }
  const text = e.document.getText();
  typed.set(uri, back?.typed?.text === text ? back.typed : { text, ranges: [], opened: text, offered: new Map() });
  pending.get(uri)?.();
  pending.delete(uri);
  opened = e.document;
  publish(e.document);
  // A rebuilt report opened: its file's problems, published from disk, move onto it (listed once).
  const from = rebuiltFrom.get(uri);
  const file = from ? checkedOnDisk(from) : undefined;
  if (file) void connection.sendDiagnostics({ uri: file.uri, diagnostics: [] });
});
documents.onDidChangeContent((e) => {
  if (e.document === opened) {
    opened = undefined;
    return;
  }
  noteEdit(e.document.uri, e.document.getText());
  schedule(e.document);
});
documents.onDidClose((e) => {
  const uri = e.document.uri;
  pending.get(uri)?.();
  pending.delete(uri);
  cache.delete(uri);
  decisions.delete(uri);
  const wasTyped = typed.get(uri);
  typed.delete(uri);
  // (A rebuilt report keeps its language: closed for good at once.)
  if (rebuilt.has(uri) || rebuiltFrom.has(uri)) {
    void closed(uri);
    return;
  }
  clearTimeout(closing.get(uri)?.timer);
  closing.set(uri, { typed: wasTyped, timer: setTimeout(() => {
    closing.delete(uri);
    void closed(uri);
  }, REOPEN_MS) });
});

/** A document closed for good: its problems cleared (or, in the workspace scope, as saved on disk). */
async function closed(uri: string): Promise<void> {
  // A rebuilt report is read again from its file when it is opened again.
  if (rebuilt.delete(uri)) choices.delete(uri);
  // Its file, if checked from disk, lists its problems again (as the workspace check left them).
  const from = rebuiltFrom.get(uri);
  rebuiltFrom.delete(uri);
  const file = from ? checkedOnDisk(from) : undefined;
  if (file) publish(file);
  // (With a client that shows rebuilt reports, they went back onto this very URI: not cleared.)
  if (file && rebuiltScheme) return;
  // In the workspace scope a closed report keeps its problems, as saved on disk.
  if (settings.scope === 'workspace' && (await checkFromDisk(uri)).report) return;
  for (const [key, u] of reportsByAgencyYear) if (u === uri) reportsByAgencyYear.delete(key);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
}

// ------------------------------------------------------------------ features
// Each handler is isolated: an exception becomes an error response for that request only.
function guarded<P extends { textDocument: { uri: string } }, R>(name: string, fn: (doc: TextDocument, a: Analysis, p: P) => R): (p: P) => R | null | ResponseError<void> {
  return (p: P) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    try {
      return fn(doc, analysisOf(doc), p);
    } catch (e) {
      connection.console.error(`gov-report: ${name} failed: ${(e as Error).stack ?? String(e)}`);
      return new ResponseError<void>(-32603, `gov-report ${name} failed: ${(e as Error).message}`);
    }
  };
}

connection.onDocumentSymbol(guarded('documentSymbol', (doc, a) => documentSymbols(a, lang(doc.uri))));
connection.onFoldingRanges(guarded('foldingRange', (_doc, a) => foldingRanges(a)));
connection.onCompletion(guarded('completion', (doc, a, p) => completions(a, doc.offsetAt(p.position), lang(doc.uri))));
connection.onHover(guarded('hover', (doc, a, p) => hover(a, doc.offsetAt(p.position), lang(doc.uri))));
// What the writer typed since the file was opened: fix-all (on save too) never rewrites it; a
// fix there stays a quick fix to choose. Kept as offset ranges of the current text.
// `opened`: the text as opened (its model tells a computed total from a typed one); `offered`: the
// texts that the fixes just offered would make, so that applying one is not taken for typing.
interface Typed {
  text: string;
  ranges: Array<{ start: number; end: number }>;
  opened: string;
  before?: ReportModel;
  offered: Map<string, ReadonlyArray<{ range: { start: number; end: number }; newText: string }>>;
}
const typed = new Map<string, Typed>();
const MAX_TYPED_RANGES = 500;
const MAX_OFFERED = 4;

function noteEdit(uri: string, text: string): void {
  const t = typed.get(uri);
  if (!t) {
    typed.set(uri, { text, ranges: [], opened: text, offered: new Map() });
    return;
  }
  // A fix this server offered, applied: the cells it wrote are not the writer's typing; what the
  // writer typed moves with its edits (which never touch it).
  const ours = t.offered.get(text);
  t.offered.clear();
  if (ours) {
    const at = (o: number) => o + ours.reduce((shift, e) => (e.range.end <= o ? shift + e.newText.length - (e.range.end - e.range.start) : shift), 0);
    t.ranges = t.ranges.map((r) => ({ start: at(r.start), end: at(r.end) }));
    t.text = text;
    return;
  }
  const before = t.text;
  let p = 0;
  const max = Math.min(before.length, text.length);
  while (p < max && before.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = before.length - s;
  const newEnd = text.length - s;
  const delta = newEnd - oldEnd;
  const ranges: Array<{ start: number; end: number }> = [];
  let changed = { start: p, end: newEnd };
  for (const r of t.ranges) {
    if (r.end < p) ranges.push(r);
    else if (r.start > oldEnd) ranges.push({ start: r.start + delta, end: r.end + delta });
    else changed = { start: Math.min(changed.start, r.start), end: Math.max(changed.end, Math.min(r.end + delta, text.length)) };
  }
  ranges.push(changed);
  ranges.sort((a, b) => a.start - b.start);
  t.text = text;
  t.ranges = ranges.length > MAX_TYPED_RANGES ? [{ start: ranges[0]!.start, end: ranges[ranges.length - 1]!.end }] : ranges;
}

function historyOf(uri: string, html: boolean) {
  const t = typed.get(uri);
  if (!t) return undefined;
  return {
    before: () => (t.before ??= parse(t.opened, { html })),
    offered: (text: string, edits: ReadonlyArray<{ range: { start: number; end: number }; newText: string }>) => {
      if (t.offered.size >= MAX_OFFERED) t.offered.delete(t.offered.keys().next().value as string);
      t.offered.set(text, edits);
    },
  };
}

connection.onCodeAction(guarded('codeAction', (doc, a, p) => {
  const range = { start: doc.offsetAt(p.range.start), end: doc.offsetAt(p.range.end) };
  const actions = codeActions(a, doc.uri, range, p.context.diagnostics, p.context.only, lang(doc.uri), { ...optionsFor(doc.uri), protect: typed.get(doc.uri)?.ranges ?? [] },
    { uri: doc.uri, found: configOf(doc.uri), workspaceFolders }, historyOf(doc.uri, a.model.html === true));
  // A reviewer's decision, after every fix (asked only for quick fixes, not for fix-all on save).
  if (!p.context.only || p.context.only.includes('quickfix')) actions.push(...reviewActions(doc.uri, a.model, reviews.mark(doc.uri, a.model, a.findings).findings, range, p.context.diagnostics, lang(doc.uri)));
  return actions;
}));

// A decision recorded from the editor (the client has asked for the reason): into the folder's
// review record, then every open report of that folder is published again.
onRequest(RECORD_DECISION_REQUEST, (p) => {
  const doc = sourceOf(p.uri);
  if (!doc) return { ok: false, message: pick(message('editor.review.gone'), lang(p.uri)) };
  const a = analysisOf(doc);
  const file = fileOfUri(p.uri);
  let bytes: Uint8Array | undefined;
  try {
    bytes = file ? readFileSync(file) : undefined;
  } catch {
    bytes = undefined;
  }
  const r = reviews.record(p.uri, a.model, [...a.findings, ...acrossYears(a)], p.fingerprint, p.decision, p.reason, bytes);
  if (!r.ok) return { ok: false, message: pick(r.message, lang(p.uri)) };
  for (const d of documents.all()) publish(d, false);
  for (const d of onDisk.values()) publish(d, false);
  return { ok: true, path: r.path };
});

documents.listen(connection);
connection.listen();

/** A configuration file that does not validate: said on each report it applies to, at the top. */
function configDiagnostic(found: Extract<FoundConfig, { kind: 'invalid' }>, l: Lang) {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 2 as const,
    source: 'gov-report',
    code: 'config-invalid',
    message: pick(message('config.invalid', { path: found.path, error: found.error }), l),
    relatedInformation: [{ location: { uri: pathToFileURL(found.path).toString(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, message: found.path }],
  };
}
