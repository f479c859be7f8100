// "年度报告总览": one webview for a folder of reports (the workspace, or a folder from the Explorer),
// PDF and Word files included. Rows come from the language server (it reads and checks the files);
// they follow edits and saves; a click opens the report at its first problem; the exports are
// those of `gov-report summary`, saved where the user says (the save dialog asks before replacing).
import * as path from 'node:path';
import { commands, languages, Position, ProgressLocation, Range, RelativePattern, Uri, ViewColumn, window, workspace, type Disposable, type ExtensionContext, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { overviewPage } from './overviewPage';
import { t } from './strings';

/** The report files of a workspace (the workspace check reads the same), sent to the server in batches. */
export const REPORT_FILES = '**/*.{txt,md,markdown,html,htm,gkreport,pdf,docx}';
export const BATCH = 25;

interface Overview {
  columns: Array<{ key: string; label: string; kind: string }>;
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
  const load = async (uris: string[]): Promise<Overview> => {
    const r = await client.sendRequest<Overview>('gov-report/overview', { uris });
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
  subscriptions.push(view.webview.onDidReceiveMessage(async (m: { type: string; uri?: string; first?: { line: number; column: number } | null; format?: string }) => {
    if (m.type === 'ready') {
      void view.webview.postMessage({ type: 'init', columns: first.columns, rows: first.rows, labels: {
        filter: t('overviewFilter'), allYears: t('overviewAllYears'), anySeverity: t('overviewAnySeverity'), withErrors: t('overviewWithErrors'),
        withWarnings: t('overviewWithWarnings'), withProblems: t('overviewWithProblems'), allRules: t('overviewAllRules'), shown: t('overviewShown'), exportAs: t('overviewExport'),
        chains: t('overviewChains'), noChains: t('overviewNoChains'), carryBreak: t('overviewCarryBreak'), stockBreak: t('overviewStockBreak'), received: t('overviewReceived'), handled: t('overviewHandled'), rate: t('overviewRate'),
      } });
    } else if (m.type === 'open' && m.uri) {
      const uri = Uri.parse(m.uri);
      // A PDF or Word file opens in its own editor (the rebuilt report); a text report at its first problem.
      if (/\.(pdf|docx)$/i.test(uri.path)) await commands.executeCommand('vscode.open', uri, ViewColumn.Beside);
      else {
        const doc = await workspace.openTextDocument(uri);
        const at = m.first ? doc.validatePosition(new Position(m.first.line - 1, m.first.column - 1)) : undefined;
        await window.showTextDocument(doc, { viewColumn: ViewColumn.Beside, ...(at ? { selection: new Range(at, at) } : {}) });
      }
    } else if (m.type === 'export' && (m.format === 'csv' || m.format === 'html' || m.format === 'json' || m.format === 'xlsx')) {
      const target = await window.showSaveDialog({ defaultUri: Uri.joinPath(base, `${t('overviewTitle')}.${m.format}`), filters: { [m.format.toUpperCase()]: [m.format] } });
      if (!target) return;
      const out = await client.sendRequest<{ text?: string; base64?: string }>('gov-report/export', { entries: [...entries.values()], format: m.format });
      await workspace.fs.writeFile(target, out.base64 !== undefined ? Buffer.from(out.base64, 'base64') : new TextEncoder().encode(out.text ?? ''));
      void window.setStatusBarMessage(t('overviewSaved', { name: path.posix.basename(target.path) }), 5000);
    }
  }));
  view.onDidDispose(() => {
    for (const s of subscriptions) s.dispose();
    if (timer) clearTimeout(timer);
    if (panel === view) panel = undefined;
  });
  return view;
}
