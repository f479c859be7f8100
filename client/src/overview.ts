// "年度报告总览": one webview for a folder of reports (the workspace, or a folder from the Explorer),
// PDF and Word files included. Rows come from the language server (it reads and checks the files);
// they follow edits and saves; a click opens the report at its first problem; a click on a row's
// review counts lists the report's problems below the table, where a reviewer confirms or dismisses
// each (as the quick actions on a problem do: the same code path, into the folder's review record),
// and the row's counts follow. The exports are those of `gov-report summary` (files named relative
// to the folder), saved where the user says (the save dialog asks before replacing), then offered to
// open or reveal. In Restricted Mode no PDF or Word file is read until the workspace is trusted: the
// page says so, with the way to trust it.
import * as path from 'node:path';
import { commands, env, languages, Position, ProgressLocation, Range, RelativePattern, UIKind, Uri, ViewColumn, window, workspace, type Disposable, type ExtensionContext, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { OverviewRow, ReviewEntry } from '../../shared/src/index';
import {
  EXPORT_FORMATS, EXPORT_REQUEST, OVERVIEW_REQUEST,
  type ExportFormat, type OverviewColumn, type OverviewLabels, type OverviewResult, type PageMessage, type ReviewDecision, type ReviewLabels, type ViewMessage,
} from '../../shared/src/protocol';
import { overviewPage } from './overviewPage';
import { request } from './requests';
import { recordDecision } from './review';
import { t } from './strings';

/** The report files of a workspace (the workspace check reads the same), sent to the server in batches. */
export const REPORT_FILES = '**/*.{txt,md,markdown,html,htm,gkreport,pdf,docx}';
export const BATCH = 25;
/** PDF and Word files: read (by pdf.js, the zip reader) only in a trusted workspace. */
const BINARY = /\.(pdf|docx)$/i;

let waitingForTrust = false;
/** Restricted Mode and the workspace check (which reads every report file of the workspace, PDF and
 *  Word included): runs `run` at once in a trusted workspace; in an untrusted one says that the check
 *  waits (with a button to manage trust) and runs it once the workspace is trusted (unless the
 *  workspace scope starts it then anyway). */
export async function whenTrusted<T>(run: () => Promise<T>): Promise<T | undefined> {
  if (workspace.isTrusted) return run();
  if (!waitingForTrust) {
    waitingForTrust = true;
    const once = workspace.onDidGrantWorkspaceTrust(() => {
      once.dispose();
      waitingForTrust = false;
      if (workspace.getConfiguration('gov-report').get<string>('scope') !== 'workspace') void run();
    });
  }
  const manage = t('overviewManageTrust');
  void window.showWarningMessage(t('workspaceCheckUntrusted'), manage).then((pick) => {
    if (pick === manage) void commands.executeCommand('workbench.trust.manage');
  });
  return undefined;
}

let panel: WebviewPanel | undefined;

export async function showOverview(context: ExtensionContext, client: LanguageClient, folder?: Uri): Promise<WebviewPanel | undefined> {
  const base = folder ?? workspace.workspaceFolders?.[0]?.uri;
  if (!base) {
    void window.showWarningMessage(t('overviewNoFolder'));
    return undefined;
  }
  const files = (await workspace.findFiles(new RelativePattern(base, REPORT_FILES), '**/node_modules/**')).sort((a, b) => a.path.localeCompare(b.path));
  const overview = new Overview(client, base, files);
  await overview.readAll(files);
  panel?.dispose();
  const view = overview.show(context);
  panel = view;
  view.onDidDispose(() => {
    if (panel === view) panel = undefined;
  });
  return view;
}

/** One overview: its folder, what the server said of each file, and its panel. */
class Overview {
  private columns: OverviewColumn[] = [];
  /** The words of the list of a report's problems (the server's, as the quick actions' titles). */
  private reviewLabels: ReviewLabels | undefined;
  /** Each file's row, entry and findings' fingerprints, by URI (in the folder's order). */
  private readonly rows = new Map<string, OverviewRow>();
  private readonly entries = new Map<string, ReviewEntry>();
  private readonly fingerprints = new Map<string, string[]>();
  /** Restricted Mode: the PDF and Word files that wait (listed, not read) until the workspace is trusted. */
  private readonly waiting: Set<string>;
  /** The files whose edits and saves are followed; those read again once the diagnostics settle. */
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** The report whose problems the page lists below the table, if any. */
  private listed: string | null = null;
  private view: WebviewPanel | undefined;

  constructor(private readonly client: LanguageClient, private readonly base: Uri, files: readonly Uri[]) {
    this.waiting = new Set(workspace.isTrusted ? [] : files.filter((u) => BINARY.test(u.path)).map((u) => u.toString()));
  }

  /** A file as the page names it: its path in the folder. */
  private shown(uri: string): string {
    return path.posix.relative(this.base.path, Uri.parse(uri).path);
  }

  /** Asks the server for these files; keeps their rows, entries and fingerprints. */
  private async load(uris: string[]): Promise<OverviewRow[]> {
    const r: OverviewResult = await request(this.client, OVERVIEW_REQUEST, { uris, trusted: workspace.isTrusted });
    this.columns = r.columns;
    this.reviewLabels = r.review;
    const file = r.columns.findIndex((c) => c.key === 'file');
    r.rows.forEach((row, k) => {
      row.values[file] = this.shown(row.uri);
      this.rows.set(row.uri, row);
      this.entries.set(row.uri, r.entries[k] as ReviewEntry);
      this.fingerprints.set(row.uri, r.fingerprints[k] ?? []);
    });
    return r.rows;
  }

  /** Every file, in batches, with a cancellable progress. */
  async readAll(files: readonly Uri[]): Promise<void> {
    await window.withProgress({ location: ProgressLocation.Notification, title: t('overviewReading'), cancellable: true }, async (progress, token) => {
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
        await this.load(files.slice(i, i + BATCH).map((u) => u.toString()));
        progress.report({ increment: (BATCH / Math.max(1, files.length)) * 100, message: `${Math.min(files.length, i + BATCH)}/${files.length}` });
      }
    });
  }

  /** Reads these files again: their rows updated on the page, and the problems listed if theirs are. */
  private async refresh(uris: string[]): Promise<void> {
    const rows = await this.load(uris);
    this.post({ type: 'update', rows });
    if (this.listed !== null && uris.includes(this.listed)) this.list(this.listed);
  }

  private post(m: ViewMessage): void {
    void this.view?.webview.postMessage(m);
  }

  /** The panel, following edits, saves and the workspace's trust. */
  show(context: ExtensionContext): WebviewPanel {
    const title = `${t('overviewTitle')} · ${path.posix.basename(this.base.path)}`;
    const view = window.createWebviewPanel('gov-report.overview', title, ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [Uri.joinPath(context.extensionUri, 'dist')] });
    this.view = view;
    const script = view.webview.asWebviewUri(Uri.joinPath(context.extensionUri, 'dist', 'overview.js'));
    view.webview.html = overviewPage(view.webview.cspSource, script.toString());
    const subscriptions: Disposable[] = [
      languages.onDidChangeDiagnostics((e) => this.followDiagnostics(e.uris)),
      workspace.onDidGrantWorkspaceTrust(() => this.trusted()),
      view.webview.onDidReceiveMessage((m: PageMessage) => this.receive(m)),
    ];
    view.onDidDispose(() => {
      for (const s of subscriptions) s.dispose();
      if (this.timer) clearTimeout(this.timer);
      this.view = undefined;
    });
    return view;
  }

  /** Following edits and saves: the files whose problems changed are read again (debounced). */
  private followDiagnostics(uris: readonly Uri[]): void {
    for (const uri of uris) if (this.rows.has(uri.toString())) this.pending.add(uri.toString());
    if (!this.pending.size) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const again = [...this.pending];
      this.pending.clear();
      void this.refresh(again);
    }, 300);
  }

  /** Trusted at last: the PDF and Word files are read now, their rows filled in, the notice gone. */
  private async trusted(): Promise<void> {
    const uris = [...this.waiting];
    this.waiting.clear();
    this.post({ type: 'trust', untrusted: null });
    for (let i = 0; i < uris.length; i += BATCH) await this.refresh(uris.slice(i, i + BATCH));
  }

  /** A message of the page (checked: the page is no more trusted than its input). */
  private async receive(m: PageMessage): Promise<void> {
    if (m.type === 'ready') this.init();
    else if (m.type === 'manageTrust') await commands.executeCommand('workbench.trust.manage');
    else if (m.type === 'open' && typeof m.uri === 'string') await openReport(Uri.parse(m.uri), m.first ?? null);
    else if (m.type === 'export' && EXPORT_FORMATS.includes(m.format)) await this.export(m.format);
    else if (m.type === 'findings') this.list(typeof m.uri === 'string' && this.entries.has(m.uri) ? m.uri : null);
    else if (m.type === 'decide' && typeof m.uri === 'string' && typeof m.fingerprint === 'string' && (m.decision === 'confirmed' || m.decision === 'dismissed')) await this.decide(m.uri, m.fingerprint, m.decision);
  }

  private init(): void {
    const untrusted = this.waiting.size ? { count: this.waiting.size, text: t('overviewUntrusted', { count: this.waiting.size }), action: t('overviewManageTrust') } : null;
    this.post({ type: 'init', columns: this.columns, rows: [...this.rows.values()], untrusted, labels: { ...labels(), ...(this.reviewLabels ? { review: this.reviewLabels } : {}) } });
    if (this.listed !== null) this.list(this.listed);
  }

  /** The problems of a report, listed below the table with the reviewer's decisions (`null`: none listed). */
  private list(uri: string | null): void {
    this.listed = uri;
    const entry = uri === null ? undefined : this.entries.get(uri);
    if (uri === null || !entry) return;
    const prints = this.fingerprints.get(uri) ?? [];
    this.post({ type: 'findings', uri, file: this.shown(uri), findings: entry.findings.map((f, i) => ({ ...f, fingerprint: prints[i] ?? '' })) });
  }

  /** A decision from the list: the quick actions' code path (the reason asked for here, never in the
   *  page); once recorded, the report is read again, so that its row's counts and its list follow
   *  (with the other copies of the report the record applies to as well). */
  private async decide(uri: string, print: string, decision: ReviewDecision): Promise<void> {
    const recorded = await recordDecision(this.client, uri, print, decision);
    if (recorded !== undefined) await this.refresh(this.copiesOf(uri));
    // Cancelled or refused: the list as it was (its buttons usable again).
    else this.list(this.listed);
  }

  /** The report and the files a decision on it applies to as well (the review record's rule: the
   *  same name but for the extension, as a PDF and the text saved from it, or the same agency and year). */
  private copiesOf(uri: string): string[] {
    const stem = (u: string) => Uri.parse(u).path.replace(/\.[^./]+$/, '');
    const entry = this.entries.get(uri);
    const same = (e: ReviewEntry) => entry !== undefined && entry.agency !== null && entry.year !== null && e.agency === entry.agency && e.year === entry.year;
    return [uri, ...[...this.entries].filter(([u, e]) => u !== uri && (stem(u) === stem(uri) || same(e))).map(([u]) => u)];
  }

  private async export(format: ExportFormat): Promise<void> {
    const target = await window.showSaveDialog({ defaultUri: Uri.joinPath(this.base, `${t('overviewTitle')}.${format}`), filters: { [format.toUpperCase()]: [format] } });
    if (!target) return;
    const name = path.posix.basename(target.path);
    try {
      // Files named relative to the folder (as `gov-report summary` names them), not by URI.
      const out = await request(this.client, EXPORT_REQUEST, { entries: [...this.entries.values()], format, base: this.base.toString() });
      await workspace.fs.writeFile(target, out.base64 !== undefined ? Buffer.from(out.base64, 'base64') : new TextEncoder().encode(out.text));
    } catch (e) {
      void window.showErrorMessage(t('overviewExportFailed', { name, message: (e as Error).message }));
      return;
    }
    const open = t('overviewOpenExport');
    const reveal = t('overviewRevealExport');
    void window.showInformationMessage(t('overviewExported', { name }), open, reveal).then((pick) => {
      if (pick === open) void openExport(target, format);
      else if (pick === reveal) void revealExport(target);
    });
  }
}

/** The page's words, in the user's language. */
function labels(): OverviewLabels {
  return {
    filter: t('overviewFilter'), allYears: t('overviewAllYears'), anySeverity: t('overviewAnySeverity'), withErrors: t('overviewWithErrors'),
    withWarnings: t('overviewWithWarnings'), withProblems: t('overviewWithProblems'), withOpen: t('overviewWithOpen'), withConfirmed: t('overviewWithConfirmed'), withDismissed: t('overviewWithDismissed'), allRules: t('overviewAllRules'), shown: t('overviewShown'), exportAs: t('overviewExport'),
    chains: t('overviewChains'), noChains: t('overviewNoChains'), carryBreak: t('overviewCarryBreak'), stockBreak: t('overviewStockBreak'), received: t('overviewReceived'), handled: t('overviewHandled'), rate: t('overviewRate'),
    sortBy: t('overviewSortBy'),
  };
}

/** A report at a place (its first problem, or one of its problems), beside the overview: a PDF or
 *  Word file as its rebuilt report (gov-report.openAt); a text report itself. */
async function openReport(uri: Uri, at: { line: number; column: number } | null): Promise<void> {
  if (BINARY.test(uri.path)) {
    await commands.executeCommand('gov-report.openAt', uri, at, ViewColumn.Beside);
    return;
  }
  const doc = await workspace.openTextDocument(uri);
  const p = at ? doc.validatePosition(new Position(at.line - 1, at.column - 1)) : undefined;
  await window.showTextDocument(doc, { viewColumn: ViewColumn.Beside, ...(p ? { selection: new Range(p, p) } : {}) });
}

/** On the desktop with the file on this machine, the system's own application (a browser for the
 *  HTML report, the spreadsheet program for CSV and XLSX); otherwise (remote, browser) VS Code opens it. */
const local = (target: Uri) => env.uiKind === UIKind.Desktop && !env.remoteName && target.scheme === 'file';

async function openExport(target: Uri, format: string): Promise<void> {
  if (format !== 'json' && local(target) && (await env.openExternal(target))) return;
  await commands.executeCommand('vscode.open', target);
}

/** The file in the system's file manager (desktop), or selected in the Explorer (remote, browser). */
async function revealExport(target: Uri): Promise<void> {
  await commands.executeCommand(local(target) ? 'revealFileInOS' : 'revealInExplorer', target);
}
