// "年度报告总览": one webview for a folder of reports (the workspace, or a folder from the Explorer),
// PDF and Word files included. Rows come from the language server (it reads and checks the files);
// they follow edits and saves; a click opens the report at its first problem; the exports are
// those of `gov-report summary` (files named relative to the folder), saved where the user says (the
// save dialog asks before replacing), then offered to open or reveal. In Restricted Mode no PDF or
// Word file is read until the workspace is trusted: the page says so, with the way to trust it.
import * as path from 'node:path';
import { commands, env, languages, Position, ProgressLocation, Range, RelativePattern, UIKind, Uri, ViewColumn, window, workspace, type Disposable, type ExtensionContext, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { overviewPage } from './overviewPage';
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

interface Overview {
  columns: Array<{ key: string; label: string; short: string; kind: string }>;
  rows: Array<{ uri: string; values: Array<string | number | null>; state: string; counts: { error: number; warning: number; info: number }; rules: string[]; first: { line: number; column: number } | null }>;
  entries: unknown[];
}

let panel: WebviewPanel | undefined;

export async function showOverview(context: ExtensionContext, client: LanguageClient, folder?: Uri): Promise<WebviewPanel | undefined> {
  const base = folder ?? workspace.workspaceFolders?.[0]?.uri;
  if (!base) {
    void window.showWarningMessage(t('overviewNoFolder'));
    return undefined;
  }
  const files = (await workspace.findFiles(new RelativePattern(base, REPORT_FILES), '**/node_modules/**')).sort((a, b) => a.path.localeCompare(b.path));
  const shown = (uri: string) => path.posix.relative(base.path, Uri.parse(uri).path);
  // Restricted Mode: the PDF and Word files wait (listed, not read) until the workspace is trusted.
  const waiting = new Set(workspace.isTrusted ? [] : files.filter((u) => BINARY.test(u.path)).map((u) => u.toString()));
  const load = async (uris: string[]): Promise<Overview> => {
    const r = await client.sendRequest<Overview>('gov-report/overview', { uris, trusted: workspace.isTrusted });
    const file = r.columns.findIndex((c) => c.key === 'file');
    for (const row of r.rows) row.values[file] = shown(row.uri);
    return r;
  };
  const first = await window.withProgress({ location: ProgressLocation.Notification, title: t('overviewReading'), cancellable: true }, async (progress, token) => {
    const all: Overview = { columns: [], rows: [], entries: [] };
    for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
      const r = await load(files.slice(i, i + BATCH).map((u) => u.toString()));
      all.columns = r.columns;
      all.rows.push(...r.rows);
      all.entries.push(...r.entries);
      progress.report({ increment: (BATCH / Math.max(1, files.length)) * 100, message: `${Math.min(files.length, i + BATCH)}/${files.length}` });
    }
    return all;
  });
  const entries = new Map<string, unknown>(first.rows.map((r, k) => [r.uri, first.entries[k]]));
  const untrusted = () => (waiting.size ? { count: waiting.size, text: t('overviewUntrusted', { count: waiting.size }), action: t('overviewManageTrust') } : null);
  panel?.dispose();
  const title = `${t('overviewTitle')} · ${path.posix.basename(base.path)}`;
  const view = window.createWebviewPanel('gov-report.overview', title, ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [Uri.joinPath(context.extensionUri, 'dist')] });
  panel = view;
  const script = view.webview.asWebviewUri(Uri.joinPath(context.extensionUri, 'dist', 'overview.js'));
  view.webview.html = overviewPage(view.webview.cspSource, script.toString());
  const subscriptions: Disposable[] = [];
  const known = new Set(first.rows.map((r) => r.uri));
  // Following edits and saves: the files whose problems changed are read again (debounced).
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  subscriptions.push(languages.onDidChangeDiagnostics((e) => {
    for (const uri of e.uris) if (known.has(uri.toString())) pending.add(uri.toString());
    if (!pending.size) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      const uris = [...pending];
      pending.clear();
      const r = await load(uris);
      r.rows.forEach((row, k) => entries.set(row.uri, r.entries[k]));
      void view.webview.postMessage({ type: 'update', rows: r.rows });
    }, 300);
  }));
  // Trusted at last: the PDF and Word files are read now, their rows filled in, the notice gone.
  subscriptions.push(workspace.onDidGrantWorkspaceTrust(async () => {
    const uris = [...waiting];
    waiting.clear();
    void view.webview.postMessage({ type: 'trust', untrusted: null });
    for (let i = 0; i < uris.length; i += BATCH) {
      const r = await load(uris.slice(i, i + BATCH));
      r.rows.forEach((row, k) => entries.set(row.uri, r.entries[k]));
      void view.webview.postMessage({ type: 'update', rows: r.rows });
    }
  }));
  subscriptions.push(view.webview.onDidReceiveMessage(async (m: { type: string; uri?: string; first?: { line: number; column: number } | null; format?: string }) => {
    if (m.type === 'ready') {
      void view.webview.postMessage({ type: 'init', columns: first.columns, rows: first.rows, untrusted: untrusted(), labels: {
        filter: t('overviewFilter'), allYears: t('overviewAllYears'), anySeverity: t('overviewAnySeverity'), withErrors: t('overviewWithErrors'),
        withWarnings: t('overviewWithWarnings'), withProblems: t('overviewWithProblems'), withOpen: t('overviewWithOpen'), withConfirmed: t('overviewWithConfirmed'), withDismissed: t('overviewWithDismissed'), allRules: t('overviewAllRules'), shown: t('overviewShown'), exportAs: t('overviewExport'),
        chains: t('overviewChains'), noChains: t('overviewNoChains'), carryBreak: t('overviewCarryBreak'), stockBreak: t('overviewStockBreak'), received: t('overviewReceived'), handled: t('overviewHandled'), rate: t('overviewRate'),
        sortBy: t('overviewSortBy'),
      } });
    } else if (m.type === 'manageTrust') {
      await commands.executeCommand('workbench.trust.manage');
    } else if (m.type === 'open' && m.uri) {
      const uri = Uri.parse(m.uri);
      // A PDF or Word file opens as its rebuilt report at its first problem (gov-report.openAt); a text report too.
      if (/\.(pdf|docx)$/i.test(uri.path)) await commands.executeCommand('gov-report.openAt', uri, m.first, ViewColumn.Beside);
      else {
        const doc = await workspace.openTextDocument(uri);
        const at = m.first ? doc.validatePosition(new Position(m.first.line - 1, m.first.column - 1)) : undefined;
        await window.showTextDocument(doc, { viewColumn: ViewColumn.Beside, ...(at ? { selection: new Range(at, at) } : {}) });
      }
    } else if (m.type === 'export' && (m.format === 'csv' || m.format === 'html' || m.format === 'json' || m.format === 'xlsx')) {
      const format = m.format;
      const target = await window.showSaveDialog({ defaultUri: Uri.joinPath(base, `${t('overviewTitle')}.${format}`), filters: { [format.toUpperCase()]: [format] } });
      if (!target) return;
      const name = path.posix.basename(target.path);
      try {
        // Files named relative to the folder (as `gov-report summary` names them), not by URI.
        const out = await client.sendRequest<{ text?: string; base64?: string }>('gov-report/export', { entries: [...entries.values()], format, base: base.toString() });
        await workspace.fs.writeFile(target, out.base64 !== undefined ? Buffer.from(out.base64, 'base64') : new TextEncoder().encode(out.text ?? ''));
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
  }));
  view.onDidDispose(() => {
    for (const s of subscriptions) s.dispose();
    if (timer) clearTimeout(timer);
    if (panel === view) panel = undefined;
  });
  return view;
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
