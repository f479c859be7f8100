// The VS Code client: starts the language server over IPC for report documents, claims untitled and
// plain-text reports by their content, shows the status bar, and registers the commands (one table,
// COMMANDS, of named handlers). Everything about reports themselves lives in the server and the core.
import * as os from 'node:os';
import * as path from 'node:path';
import {
  commands, env, languages, Position, ProgressLocation, Range, StatusBarAlignment, TabInputCustom, TabInputText, TabInputWebview, TextEditorRevealType, UIKind, Uri, ViewColumn, window, workspace, WorkspaceEdit,
  type Disposable, type ExtensionContext, type StatusBarItem, type TabChangeEvent, type TextDocument, type TextEditor, type WebviewPanel,
} from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
// Only what the client needs of the core (the parser and the rules stay in the server).
import { recognizeReport, reportSkeleton, type SkeletonOptions } from '../../shared/src/index';
import {
  CHECK_FILES_REQUEST, CONFIRM_COMMAND, CONVERT_REQUEST, DISMISS_COMMAND, REBUILD_REQUEST, REBUILT_SCHEME, SET_CHOICE_NOTIFICATION, STATUS_NOTIFICATION,
  type CheckFilesResult, type Choice, type InitializationOptions, type ReviewCommandArguments, type StatusParams,
} from '../../shared/src/protocol';
import { BATCH, REPORT_FILES, showOverview, whenTrusted } from './overview';
import { notify, request } from './requests';
import { recordDecision } from './review';
import { SERVER_ENV, SERVER_EXEC_ARGV } from './serverLaunch';
import { t } from './strings';

let client: LanguageClient | undefined;
/** The extension's context, from activate on. */
let extension: ExtensionContext | undefined;
const LANGUAGE = 'gov-report';
/** The scheme of a report rebuilt from a PDF or .docx: the original's URI in the query. */
const REBUILT = REBUILT_SCHEME;

export async function activate(context: ExtensionContext): Promise<void> {
  extension = context;
  client = new LanguageClient('gov-report', 'gov-report', serverOptions(context), clientOptions(context));
  loadChoices(context);
  context.subscriptions.push(
    ...rulePageHandlers(context),
    ...claimHandlers(),
    ...statusBarItems(),
    ...pdfWordHandlers(),
    ...Object.entries(COMMANDS).map(([id, handler]) => commands.registerCommand(id, handler)),
  );
  for (const doc of workspace.textDocuments) claim(doc);

  await client.start();
  client.onNotification(STATUS_NOTIFICATION, onStatus);
  for (const [uri, choice] of choices) await notify(client, SET_CHOICE_NOTIFICATION, { uri, choice });
  // The workspace scope: every report keeps its problems, open or not.
  // Not in Restricted Mode: a workspace's own settings must not make the extension read its files.
  const scoped = () => workspace.isTrusted && workspace.getConfiguration('gov-report').get<string>('scope') === 'workspace';
  if (scoped()) void checkWorkspace(true);
  context.subscriptions.push(workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('gov-report.scope') && scoped()) void checkWorkspace(true);
  }), workspace.onDidGrantWorkspaceTrust(() => {
    if (scoped()) void checkWorkspace(true);
  }));
}

// ------------------------------------------------------------------ the commands
/** A command's handler (each takes its own arguments). */
type Handler = (...args: any[]) => unknown;

/** Every command of the extension (package.json contributes those of the palette and menus), by id. */
const COMMANDS: Record<string, Handler> = {
  'gov-report.showRule': showRule,
  'gov-report.fixAll': fixAll,
  'gov-report.restartServer': restartServer,
  'gov-report.showOutput': showOutput,
  'gov-report.checkThisFile': checkThisFile,
  'gov-report.ignoreThisFile': ignoreThisFile,
  'gov-report.checkWorkspace': checkWorkspaceWhenTrusted,
  'gov-report.overview': overview,
  'gov-report.checkPdfOrWord': checkPdfOrWordCommand,
  'gov-report.saveRebuilt': saveRebuilt,
  'gov-report.openOriginal': openOriginal,
  'gov-report.openAt': openAtCommand,
  'gov-report.newReport': newReport,
  'gov-report.statusOf': statusOf,
  // The quick actions on a problem (and the overview's list of a report's problems): a reviewer's
  // decision, into the folder's review record.
  [CONFIRM_COMMAND]: confirmFinding,
  [DISMISS_COMMAND]: dismissFinding,
};

async function fixAll(): Promise<void> {
  if (!window.activeTextEditor) return;
  await commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.gov-report', apply: 'first' });
}

async function restartServer(): Promise<void> {
  await client?.restart();
}

function showOutput(): void {
  client?.outputChannel.show(true);
}

async function checkThisFile(): Promise<void> {
  const doc = window.activeTextEditor?.document;
  if (!doc) return;
  declined.delete(doc.uri.toString());
  await setChoice(doc, 'check');
  void window.setStatusBarMessage(t('checkedNow'), 3000);
}

async function ignoreThisFile(): Promise<void> {
  const doc = window.activeTextEditor?.document;
  if (!doc) return;
  await setChoice(doc, 'ignore');
  void window.setStatusBarMessage(t('ignoredNow'), 3000);
}

function checkWorkspaceWhenTrusted(): Promise<CheckFilesResult | undefined> {
  return whenTrusted(() => checkWorkspace());
}

/** 年度报告总览 of the workspace, or of a folder (the Explorer's context menu). */
function overview(folder?: Uri): Promise<WebviewPanel | undefined> | undefined {
  return client && extension ? showOverview(extension, client, folder instanceof Uri ? folder : undefined) : undefined;
}

/** "检查 PDF/Word 报告" (the palette, the Explorer's menu: its URI, and the selection, which is not a column). */
function checkPdfOrWordCommand(given?: Uri): Promise<TextDocument | undefined> {
  return checkPdfOrWord(given);
}

/** 确认问题 (the quick action's arguments: the report, the finding's fingerprint, an optional note). */
function confirmFinding(...[uri, print, reason]: ReviewCommandArguments): Promise<string | undefined> {
  return recordDecision(client, uri, print, 'confirmed', reason);
}

/** 排除（填写理由）…: the reason asked for unless given. */
function dismissFinding(...[uri, print, reason]: ReviewCommandArguments): Promise<string | undefined> {
  return recordDecision(client, uri, print, 'dismissed', reason);
}

/** The original of a rebuilt report, one click away (in whatever editor the user picks). */
function openOriginal(given?: Uri): Thenable<unknown> | undefined {
  const active = given ?? window.activeTextEditor?.document.uri;
  if (active?.scheme === REBUILT) return commands.executeCommand('vscode.openWith', Uri.parse(active.query), 'default');
  return undefined;
}

/** A report at a place (1-based line and column): a PDF or Word file as its rebuilt report, with
 *  the place revealed (the overview's rows; `vscode.open` of the file would open it at line 1). */
function openAtCommand(uri: Uri | string, at?: { line: number; column: number } | null, column?: ViewColumn): Promise<TextEditor | undefined> {
  return openAt(typeof uri === 'string' ? Uri.parse(uri) : uri, at ?? undefined, column);
}

/** The state the status bar shows, for tests and for other extensions. */
function statusOf(uri?: string): StatusParams | undefined {
  return uri ? statuses.get(uri) : undefined;
}

// ------------------------------------------------------------------ the language server
function serverOptions(context: ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  return {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env: { ...process.env, ...SERVER_ENV } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

function clientOptions(context: ExtensionContext): LanguageClientOptions {
  // The server decides per document whether it is a report; other files stay silent.
  const documentSelector = [
    ...[LANGUAGE, 'plaintext', 'markdown', 'html'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-remote', language },
    ]),
    // Reports rebuilt from PDF and Word files (read-only Markdown documents of their own).
    { scheme: REBUILT, language: 'markdown' },
  ];
  // On the desktop, rule links in diagnostics come back to this extension's URI handler, which
  // shows the page rendered; a browser workbench would hand such a link to the browser instead, so
  // there the link opens the page shipped with the extension.
  // `rebuiltScheme`: a PDF's or Word file's problems found from disk (the workspace check) are
  // published on its rebuilt report (this scheme), where a click in the Problems panel opens the
  // report at the problem: the file itself opens in a custom editor, which VS Code gives no
  // selection to (microsoft/vscode#211351), so a problem on the file would open at line 1.
  const initializationOptions: InitializationOptions = { settings: workspace.getConfiguration('gov-report'), rebuiltScheme: REBUILT, ...(env.uiKind === UIKind.Desktop ? { ruleLinks: `${env.uriScheme}://${context.extension.id}` } : {}) };
  return {
    documentSelector,
    // The configuration file shared with the CLI: the server re-reads it when it changes.
    synchronize: { configurationSection: 'gov-report', fileEvents: workspace.createFileSystemWatcher('**/{.gov-report.json,package.json}') },
    initializationOptions,
    outputChannelName: 'gov-report',
  };
}

// ------------------------------------------------------------------ rule pages
// Rendered and read-only (a Markdown preview of the page shipped with the extension), beside the
// report and locked: an unlocked preview follows the active Markdown editor, so the next Markdown
// file opened would replace the rule page.
// A locked preview opened "to the side" is never found again by the Markdown extension (each call
// makes a new one): a page shown already is not opened twice (a click on the link, and in the
// browser workbench the events of the page's own tab, ask for it more than once).
const previewOf = (id: string) => window.tabGroups.all.flatMap((g) => g.tabs).find((tab) => tab.input instanceof TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && new RegExp(`(^|[\\s\\]])${id}\\.md$`).test(tab.label));
const showing = new Map<string, Promise<void>>();

function showRule(id: string): Promise<void> {
  if (!/^[a-z-]+$/.test(id) || !extension) return Promise.resolve();
  const pending = showing.get(id);
  if (pending) return pending;
  const page = Uri.file(extension.asAbsolutePath(path.join('docs', 'rules', `${id}.md`)));
  const run = (async () => {
    const open = previewOf(id);
    if (open?.isActive) return;
    // Shown in a tab behind another: opened again beside the editor in use, where it is read.
    if (open) await window.tabGroups.close(open);
    const shown = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const timer = setTimeout(done, 5000);
      const sub = window.tabGroups.onDidChangeTabs(() => {
        if (previewOf(id)) done();
      });
    });
    await commands.executeCommand('markdown.showLockedPreviewToSide', page);
    await shown;
  })().finally(() => showing.delete(id));
  showing.set(id, run);
  return run;
}

function rulePageHandlers(context: ExtensionContext): Disposable[] {
  return [
    window.registerUriHandler({ handleUri: (uri) => {
      const m = /^\/rule\/([a-z-]+)$/.exec(uri.path);
      if (m) void showRule(m[1] as string);
    } }),
    // In the browser workbench a rule link opens the page's file itself: it is shown rendered
    // instead (the preview), and the editable tab is closed (the page is the extension's, not the user's).
    window.tabGroups.onDidChangeTabs((e) => showRulePagesOpened(context, e)),
  ];
}

async function showRulePagesOpened(context: ExtensionContext, e: TabChangeEvent): Promise<void> {
  const pages = Uri.joinPath(context.extensionUri, 'docs', 'rules').path + '/';
  // (A preview tab that shows another file is reported as changed, not opened.)
  for (const tab of [...e.opened, ...e.changed]) {
    if (!(tab.input instanceof TabInputText)) continue;
    const p = tab.input.uri.path;
    const m = p.startsWith(pages) ? /^([a-z-]+)\.md$/.exec(p.slice(pages.length)) : null;
    if (!m) continue;
    await showRule(m[1] as string);
    // The tabs as they are now (the objects of the event may be stale once the preview opened).
    const open = window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof TabInputText && t.input.uri.path === p);
    if (open.length) await window.tabGroups.close(open);
  }
}

// ------------------------------------------------------------------ per-file choices
// Remembered across sessions (untitled files: for this session).
const CHOICES = 'gov-report.choices';
const choices = new Map<string, Choice>();

function loadChoices(context: ExtensionContext): void {
  choices.clear();
  for (const [uri, choice] of Object.entries(context.workspaceState.get<Record<string, Choice>>(CHOICES, {}))) choices.set(uri, choice);
}

async function setChoice(doc: TextDocument, choice: Choice | undefined): Promise<void> {
  const uri = doc.uri.toString();
  if (choice) choices.set(uri, choice);
  else choices.delete(uri);
  if (doc.uri.scheme !== 'untitled') await extension?.workspaceState.update(CHOICES, Object.fromEntries([...choices].filter(([u]) => !u.startsWith('untitled:'))));
  if (client) await notify(client, SET_CHOICE_NOTIFICATION, { uri, choice: choice ?? null });
}

// ------------------------------------------------------------------ claiming untitled and plain-text reports by their content
// Once claimed a document stays in the report language (VS Code's language detection would
// otherwise turn a new untitled report into "Ini" after a few lines), whose editor defaults
// (package.json configurationDefaults: word wrap, no ambiguous-character boxes) VS Code applies by
// language only: a .txt report is given the report language and stays a .txt file (Save As
// proposes a file's own name). A user who switches it back keeps their choice.
// uri → the language it was given; `arrived`: seen in that language (the change is asynchronous:
// an edit made before it lands is no refusal); `declined`: switched away by the user afterwards.
const claimed = new Map<string, string>();
const arrived = new Set<string>();
const declined = new Set<string>();
// A file is given the language once its first check has been shown, not as it opens: VS Code
// changes a document's language by closing it and opening it again (in the workbench, the extension
// host and the server), work that would otherwise stand between the opened file and its first
// problem. The server checks a plain-text report by its content meanwhile. (An untitled document is
// claimed as soon as it is recognised: language detection would take it otherwise.)
// uri → the claim waiting: the language to give, the one the document had, the timer that gives it.
const due = new Map<string, { language: string; from: string; timer: ReturnType<typeof setTimeout> }>();
/** After the first check's status: time for the workbench to show the problems published with it. */
const SETTLE_MS = 100;
/** No check came (the server still starting, a document too large to check while typing): given anyway. */
const MAX_WAIT_MS = 2000;

function claim(doc: TextDocument): void {
  const uri = doc.uri.toString();
  if (due.has(uri)) return;
  const given = claimed.get(uri);
  if (given !== undefined) {
    if (doc.languageId === given) arrived.add(uri);
    else if (arrived.has(uri)) declined.add(uri);
    return;
  }
  if (doc.languageId === LANGUAGE) return;
  if (declined.has(uri) || choices.get(uri) === 'ignore') return;
  // Markdown and HTML reports are checked in their own language (preview, outline): never taken away.
  const candidate = doc.languageId === 'plaintext' || (doc.uri.scheme === 'untitled' && doc.languageId !== 'markdown' && doc.languageId !== 'html');
  const text = doc.getText();
  if (!candidate || !recognizeReport(text)) return;
  // A report written in Markdown in a new untitled editor (Untitled-1: no name of its own) is given
  // Markdown, its preview and outline; the server checks it there too. An untitled report with a
  // name (新建报告's "….md" or "….txt", which VS Code's language detection may still have turned
  // into another language) is given the kind its name says.
  const named = doc.uri.scheme === 'untitled' ? /\.([^/.]+)$/.exec(doc.uri.path)?.[1]?.toLowerCase() : undefined;
  const markdown = named !== undefined ? named === 'md' || named === 'markdown' : doc.uri.scheme === 'untitled' && looksLikeMarkdown(text);
  const language = markdown ? 'markdown' : LANGUAGE;
  if (doc.uri.scheme === 'untitled') setLanguage(doc, language);
  else due.set(uri, { language, from: doc.languageId, timer: setTimeout(() => giveLanguage(uri), MAX_WAIT_MS) });
}

function setLanguage(doc: TextDocument, language: string): void {
  claimed.set(doc.uri.toString(), language);
  void languages.setTextDocumentLanguage(doc, language);
}

/** The server has checked a document (its status came, after its problems): a claim waiting for it
 *  is given a moment later. */
function checked(uri: string): void {
  const waiting = due.get(uri);
  if (!waiting) return;
  clearTimeout(waiting.timer);
  waiting.timer = setTimeout(() => giveLanguage(uri), SETTLE_MS);
}

function giveLanguage(uri: string): void {
  const waiting = due.get(uri);
  if (!waiting) return;
  clearTimeout(waiting.timer);
  due.delete(uri);
  const doc = workspace.textDocuments.find((d) => d.uri.toString() === uri);
  // Closed meanwhile, put in another language by the user, or not to be checked any more: left so.
  if (!doc || doc.isClosed || doc.languageId !== waiting.from || declined.has(uri) || choices.get(uri) === 'ignore') return;
  setLanguage(doc, waiting.language);
}

function claimHandlers(): Disposable[] {
  return [
    workspace.onDidOpenTextDocument(claim),
    workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme === 'untitled' || e.document.languageId === 'plaintext') claim(e.document);
    }),
    workspace.onDidCloseTextDocument((doc) => {
      const uri = doc.uri.toString();
      const waiting = due.get(uri);
      if (waiting) {
        clearTimeout(waiting.timer);
        due.delete(uri);
      }
      // An untitled name (Untitled-1) is given again to the next new file: nothing of it is kept.
      if (doc.uri.scheme !== 'untitled' && !waiting) return;
      // Closing is also how VS Code changes a document's language: only a real close forgets. (Open
      // again at once with a claim waiting: the user chose its language first, and keeps it.)
      setTimeout(() => {
        if (workspace.textDocuments.some((d) => d.uri.toString() === uri)) {
          if (waiting) declined.add(uri);
          return;
        }
        if (doc.uri.scheme !== 'untitled') return;
        claimed.delete(uri);
        arrived.delete(uri);
        declined.delete(uri);
      }, 0);
    }),
  ];
}

// ------------------------------------------------------------------ the status bar
const statuses = new Map<string, StatusParams>();
let statusItem: StatusBarItem | undefined;

function statusBarItems(): Disposable[] {
  const item = window.createStatusBarItem('gov-report.status', StatusBarAlignment.Left, 100);
  item.name = 'gov-report';
  statusItem = item;
  // The reviewer's entry: the overview of the workspace's reports, one click away.
  const overviewItem = window.createStatusBarItem('gov-report.overview', StatusBarAlignment.Left, 99);
  overviewItem.name = t('overviewTitle');
  overviewItem.text = `$(table) ${t('overviewShort')}`;
  overviewItem.tooltip = t('overviewTitle');
  overviewItem.command = 'gov-report.overview';
  const showOverviewItem = () => (workspace.workspaceFolders?.length ? overviewItem.show() : overviewItem.hide());
  showOverviewItem();
  return [overviewItem, workspace.onDidChangeWorkspaceFolders(showOverviewItem), item, window.onDidChangeActiveTextEditor(showStatus)];
}

function onStatus(s: StatusParams): void {
  statuses.set(s.uri, s);
  if (window.activeTextEditor?.document.uri.toString() === s.uri) showStatus();
  checked(s.uri);
}

function showStatus(): void {
  const item = statusItem;
  if (!item) return;
  const doc = window.activeTextEditor?.document;
  const s = doc ? statuses.get(doc.uri.toString()) : undefined;
  if (!doc || !s) return item.hide();
  if (s.active) {
    const counts = s.errors + s.warnings + s.infos === 0 ? '$(check)' : `$(error) ${s.errors} $(warning) ${s.warnings}${s.infos ? ` $(info) ${s.infos}` : ''}`;
    item.text = `$(law) ${t('statusChecked', { format: s.format ?? '2021' })} · ${counts}`;
    item.tooltip = t('tooltipChecked', { detail: s.detail });
    item.command = 'workbench.actions.view.problems';
  } else if (s.decision === 'mentions') {
    item.text = `$(circle-slash) ${t('statusNotRecognised')}`;
    item.tooltip = t('tooltipNotRecognised', { detail: s.detail });
    item.command = 'gov-report.checkThisFile';
  } else if (s.decision === 'ignored') {
    item.text = `$(eye-closed) ${t('statusIgnored')}`;
    item.tooltip = t('tooltipIgnored', { detail: s.detail });
    item.command = 'gov-report.checkThisFile';
  } else return item.hide();
  item.show();
}

// ------------------------------------------------------------------ PDF and Word files
function pdfWordHandlers(): Disposable[] {
  return [
    // A PDF or .docx opened from the Explorer: the report rebuilt from it opens in its place.
    window.registerCustomEditorProvider(PDF_WORD_EDITOR, { openCustomDocument: (uri) => ({ uri, dispose: () => {} }), resolveCustomEditor: (document, panel) => openRebuiltInPlace(document.uri, panel) }, { supportsMultipleEditorsPerDocument: false }),
    workspace.registerTextDocumentContentProvider(REBUILT, { provideTextDocumentContent: (uri) => rebuiltText(uri) }),
    // A PDF or .docx opened in the editor (shown by another viewer): offer to check it.
    window.tabGroups.onDidChangeTabs(offerToCheck),
  ];
}

function offerToCheck(e: TabChangeEvent): void {
  for (const tab of e.opened) {
    const input = tab.input as { uri?: Uri } | undefined;
    // (In our own editor the rebuilt report opens by itself.)
    if (tab.input instanceof TabInputCustom && tab.input.viewType === PDF_WORD_EDITOR) continue;
    if (input?.uri && input.uri.scheme === 'file' && /\.(pdf|docx)$/i.test(input.uri.path) && !offered.has(input.uri.toString())) {
      offered.add(input.uri.toString());
      const name = path.posix.basename(input.uri.path);
      void window.showInformationMessage(t('offerCheck', { name }), t('offerAction')).then((pick) => {
        if (pick) void checkPdfOrWord(input.uri);
      });
    }
  }
}

const offered = new Set<string>();
const PDF_WORD_EDITOR = 'gov-report.pdfWord';

/** The custom editor of a PDF or .docx: reads it, opens the rebuilt report in the same group and
 *  steps aside; a file that is no report (or cannot be read) says why, with the way to another editor. */
async function openRebuiltInPlace(source: Uri, panel: WebviewPanel): Promise<void> {
  const name = path.posix.basename(source.path);
  const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head><body style="font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:2em">${body}</body></html>`;
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  panel.webview.html = page(`<p>${escape(t('rebuilding', { name }))}…</p>`);
  const doc = await checkPdfOrWord(source, panel.viewColumn ?? ViewColumn.Active);
  if (doc) panel.dispose();
  else panel.webview.html = page(`<p>${escape(t('notRebuiltHere', { name }))}</p>`);
}
/** Markdown by its marks: an ATX heading or a pipe table's delimiter row near the top. */
function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 4000);
  return /^#{1,6}[ \t]/m.test(head) || /^\|?[ \t]*:?-{3,}:?[ \t]*\|/m.test(head);
}

/** The rebuilt document of a PDF or .docx: beside it in the same folder, named after it. */
const rebuiltUri = (source: Uri) => Uri.from({ scheme: REBUILT, path: `${source.path}.md`, query: source.toString() });

/** Asks the server to read the file; the document's text is what it rebuilt (read again on reopen). */
async function rebuiltText(uri: Uri): Promise<string> {
  const source = Uri.parse(uri.query);
  const r = client ? await request(client, REBUILD_REQUEST, { source: source.toString(), target: uri.toString() }) : undefined;
  if (!r?.ok) throw new Error(r?.message ?? 'gov-report');
  return r.markdown;
}

/** "检查 PDF/Word 报告": the report rebuilt from the file, read-only beside it, checked like any report. */
async function checkPdfOrWord(given?: Uri, column: ViewColumn = ViewColumn.Beside): Promise<TextDocument | undefined> {
  let source = given;
  if (!source) {
    const active = window.tabGroups.activeTabGroup.activeTab?.input as { uri?: Uri } | undefined;
    if (active?.uri && /\.(pdf|docx)$/i.test(active.uri.path)) source = active.uri;
  }
  if (!source) {
    const picked = await window.showOpenDialog({ title: t('pickPdfOrWord'), canSelectMany: false, filters: { 'PDF / Word': ['pdf', 'docx'] } });
    source = picked?.[0];
  }
  if (!source) return undefined;
  const name = path.posix.basename(source.path);
  const target = rebuiltUri(source);
  try {
    const doc = await window.withProgress({ location: ProgressLocation.Notification, title: t('rebuilding', { name }) }, () => Promise.resolve(workspace.openTextDocument(target)));
    await window.showTextDocument(doc, { viewColumn: column, preview: false });
    void window.setStatusBarMessage(t(/\.pdf$/i.test(source.path) ? 'rebuiltReady' : 'rebuiltReadyWord', { name }), 8000);
    return doc;
  } catch (e) {
    void window.showErrorMessage(t('rebuildFailed', { name, message: (e as Error).message }));
    return undefined;
  }
}

/** Opens a report at a 1-based line and column: a PDF or Word file as its rebuilt report (the
 *  rebuilt text's line and column, as the server's findings give them), a text report itself. */
async function openAt(uri: Uri, at?: { line: number; column: number }, column: ViewColumn = ViewColumn.Active): Promise<TextEditor | undefined> {
  let doc: TextDocument;
  try {
    doc = await (/\.(pdf|docx)$/i.test(uri.path) && uri.scheme !== REBUILT
      ? window.withProgress({ location: ProgressLocation.Notification, title: t('rebuilding', { name: path.posix.basename(uri.path) }) }, () => Promise.resolve(workspace.openTextDocument(rebuiltUri(uri))))
      : workspace.openTextDocument(uri));
  } catch (e) {
    void window.showErrorMessage(t('rebuildFailed', { name: path.posix.basename(uri.path), message: (e as Error).message }));
    return undefined;
  }
  const p = at ? doc.validatePosition(new Position(at.line - 1, at.column - 1)) : undefined;
  const editor = await window.showTextDocument(doc, { viewColumn: column, preview: false, ...(p ? { selection: new Range(p, p) } : {}) });
  if (p) editor.revealRange(new Range(p, p), TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Saves the rebuilt report as a new Markdown file to edit (never over an existing file). */
async function saveRebuilt(given?: Uri | { target: string }): Promise<Uri | undefined> {
  const active = given instanceof Uri ? given : window.activeTextEditor?.document.uri;
  if (!active || active.scheme !== REBUILT) {
    void window.showWarningMessage(t('notRebuilt'));
    return undefined;
  }
  const source = Uri.parse(active.query);
  const suggested = source.with({ path: source.path.replace(/\.(pdf|docx)$/i, '.md') });
  const target = given && !(given instanceof Uri) ? Uri.parse(given.target) : await window.showSaveDialog({ defaultUri: suggested, filters: { Markdown: ['md'] }, saveLabel: t('saveAs') });
  if (!target) return undefined;
  if (given && !(given instanceof Uri)) {
    // Without the dialog (which asks before replacing a file) an existing file is never replaced.
    if (await exists(target)) {
      void window.showErrorMessage(t('saveExists', { name: path.posix.basename(target.path) }));
      return undefined;
    }
  }
  // The Markdown `gov-report convert --to md` writes (the server runs the same function): headings as
  // Markdown headings, the title on one line, paragraphs the PDF broke at its line ends whole again.
  // (The rebuilt document keeps the PDF's lines, so that each problem maps back to its page.)
  const r = client ? await request(client, CONVERT_REQUEST, { source: source.toString(), target: active.toString() }) : undefined;
  if (!r?.ok) {
    void window.showErrorMessage(t('rebuildFailed', { name: path.posix.basename(source.path), message: r?.message ?? 'gov-report' }));
    return undefined;
  }
  await workspace.fs.writeFile(target, new TextEncoder().encode(r.markdown));
  await window.showTextDocument(await workspace.openTextDocument(target));
  return target;
}


/** "检查工作区中的所有年度报告": every candidate file, in batches, with a cancellable progress. */
async function checkWorkspace(quiet = false): Promise<CheckFilesResult | undefined> {
  const c = client;
  if (!c) return undefined;
  const files = await workspace.findFiles(REPORT_FILES, '**/node_modules/**');
  const total: CheckFilesResult = { checked: 0, reports: 0, errors: 0, warnings: 0, infos: 0 };
  await window.withProgress({ location: ProgressLocation.Notification, title: t('checkingWorkspace'), cancellable: true }, async (progress, token) => {
    for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
      const uris = files.slice(i, i + BATCH).map((u) => u.toString());
      const r = await request(c, CHECK_FILES_REQUEST, { uris });
      total.checked += r.checked;
      total.reports += r.reports;
      total.errors += r.errors;
      total.warnings += r.warnings;
      total.infos += r.infos;
      progress.report({ increment: (uris.length / files.length) * 100, message: t('checkedSoFar', { done: total.checked, total: files.length, reports: total.reports }) });
    }
  });
  if (!quiet) {
    const open = t('openProblems');
    void window.showInformationMessage(t('workspaceChecked', { ...total }), open).then((pick) => {
      if (pick === open) void commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return total;
}

/** "新建政府信息公开工作年度报告": asks the layout, the agency, the year and the cells; opens the skeleton. */
async function newReport(given: Partial<SkeletonOptions> & { target?: string; untitled?: boolean } = {}): Promise<Uri | undefined> {
  const layout = given.layout ?? (await window.showQuickPick([
    { label: t('layoutMarkdown'), value: 'markdown' as const },
    { label: t('layoutText'), value: 'text' as const },
  ], { title: t('pickLayout'), ignoreFocusOut: true }))?.value;
  if (!layout) return;
  const agency = given.agency ?? (await window.showInputBox({ prompt: t('askAgency'), ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : t('askAgencyEmpty')) }))?.trim();
  if (!agency) return;
  const lastYear = String(new Date().getFullYear() - 1);
  const yearText = given.year !== undefined ? String(given.year) : await window.showInputBox({ prompt: t('askYear'), value: lastYear, ignoreFocusOut: true, validateInput: (v) => (/^20[2-9]\d$/.test(v.trim()) && Number(v) >= 2021 ? undefined : t('askYearInvalid')) });
  if (!yearText) return;
  const cells = given.cells ?? (await window.showQuickPick([
    { label: t('cellsEmpty'), value: 'empty' as const },
    { label: t('cellsZero'), value: 'zero' as const },
  ], { title: t('pickCells'), ignoreFocusOut: true }))?.value;
  if (!cells) return;
  const content = reportSkeleton({ agency, year: Number(yearText), layout, cells });
  const name = `${agency}${yearText}年政府信息公开工作年度报告.${layout === 'markdown' ? 'md' : 'txt'}`;
  // The report is a file from the start (the writer picks where): an untitled editor would get VS
  // Code's language-detection hint (its model scores any Chinese text as Ini) and would propose its
  // first line as the name on Save.
  let target: Uri | undefined;
  const folder = workspace.workspaceFolders?.[0]?.uri ?? Uri.file(os.homedir());
  if (given.target !== undefined) target = Uri.parse(given.target);
  else if (!given.untitled) {
    target = await window.showSaveDialog({ defaultUri: await freeName(folder, name), filters: layout === 'markdown' ? { Markdown: ['md'] } : { [t('plainText')]: ['txt'] }, saveLabel: t('createReport'), title: t('createReportTitle') });
  }
  // Without the dialog (which asks before replacing a file) an existing file is never replaced.
  if (target && given.target !== undefined && (await exists(target))) {
    void window.showErrorMessage(t('saveExists', { name: path.posix.basename(target.path) }));
    return undefined;
  }
  let doc: TextDocument;
  if (target) {
    await workspace.fs.writeFile(target, new TextEncoder().encode(content));
    doc = await workspace.openTextDocument(target);
  } else {
    // No file chosen: the report opens untitled all the same (nothing answered is lost), under the
    // name the dialog proposed (an untitled document with a path, as `code <new file>` opens one):
    // Save As proposes "<title>.txt" or "<title>.md" there, not its first line with Markdown's "# "
    // or the report language's extension (.gkreport), and the name survives a window reload.
    // (Save writes it there without asking, as VS Code does for every untitled document with a path.)
    doc = await workspace.openTextDocument(untitledNamed(await freeName(folder, name)));
    const edit = new WorkspaceEdit();
    edit.insert(doc.uri, new Position(0, 0), content);
    await workspace.applyEdit(edit);
  }
  // A plain-text report gets the report language once it is recognised (see claim): its editor
  // defaults apply, and the file stays .txt.
  await window.showTextDocument(doc);
  return doc.uri;
}

/** An untitled document that will be saved as `file` (VS Code's "untitled with an associated path"). */
const untitledNamed = (file: Uri) => Uri.from({ scheme: 'untitled', path: file.path });

const exists = (uri: Uri) => Promise.resolve(workspace.fs.stat(uri)).then(() => true, () => false);

/** `name` in `folder`, or "name（2）" and so on when a file (or an open untitled report named so) has it already. */
async function freeName(folder: Uri, name: string): Promise<Uri> {
  const dot = name.lastIndexOf('.');
  const taken = (u: Uri) => workspace.textDocuments.some((d) => d.uri.scheme === 'untitled' && d.uri.path === u.path);
  for (let k = 1; k < 100; k++) {
    const candidate = Uri.joinPath(folder, k === 1 ? name : `${name.slice(0, dot)}（${k}）${name.slice(dot)}`);
    if (!taken(candidate) && !(await exists(candidate))) return candidate;
  }
  return Uri.joinPath(folder, name);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
