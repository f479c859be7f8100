// PDF and Word reports with the VS Code client, which shows each as its rebuilt report (a read-only
// Markdown document of the gov-report-rebuilt scheme): a file's problems found from disk are
// published on that report, at their lines, where a click in the Problems panel opens the report at
// the problem (the file itself opens in a custom editor, which VS Code gives no selection to);
// "save the rebuilt report as Markdown" writes what `gov-report convert --to md` writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type Published } from '../helpers/lspClient';
import { root } from '../helpers/util';

const SCHEME = 'gov-report-rebuilt';
let client: LspClient;

/** A client that says, as the VS Code client does, which scheme its rebuilt reports have. */
async function startWithRebuiltReports(): Promise<LspClient> {
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  // (The helper's constructor is private to keep tests on LspClient.start; this one needs other initialization options.)
  const c = new (LspClient as unknown as new (child: unknown) => LspClient)(child);
  await c.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: 'zh-cn',
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    initializationOptions: { settings: {}, rebuiltScheme: SCHEME },
  });
  await c.connection.sendNotification('initialized', {});
  return c;
}

before(async () => {
  client = await startWithRebuiltReports();
});
after(async () => {
  await client.stop();
});

/** The parts of a URI as VS Code's Uri.parse reads them (percent-encoding undone). */
function parts(uri: string): { scheme: string; path: string; query: string } {
  const m = /^([a-z][\w+.-]*):(?:\/\/[^/?#]*)?([^?#]*)(?:\?([^#]*))?/i.exec(uri)!;
  return { scheme: m[1]!, path: decodeURIComponent(m[2]!), query: decodeURIComponent(m[3] ?? '') };
}

/** A PDF in a folder of its own, under a name that needs encoding (Chinese, a space, parentheses). */
function pdfCopy(): { path: string; uri: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-rebuilt-'));
  const path = join(dir, '洪泽区 2024(公开).pdf');
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'), path);
  return { path, uri: pathToFileURL(path).toString() };
}

const isRebuilt = (p: Published) => p.uri.startsWith(`${SCHEME}:`);

test("a PDF checked from disk: its problems are on its rebuilt report at their lines and the CLI's (a click opens the report there), never on the file; listed once while the report is open, and still after it closes", async () => {
  const pdf = pdfCopy();
  const published = new Promise<Published>((resolve) => {
    const look = setInterval(() => {
      const p = client.published.find((x) => isRebuilt(x) && parts(x.uri).query === pdf.uri);
      if (p) {
        clearInterval(look);
        resolve(p);
      }
    }, 10);
  });
  const summary = await client.request<{ reports: number }>('gov-report/checkFiles', { uris: [pdf.uri] });
  assert.equal(summary.reports, 1);
  const onReport = await published;
  // The URI the VS Code client gives the file's rebuilt report: its path + ".md", the file's URI as the query.
  assert.deepEqual(parts(onReport.uri), { scheme: SCHEME, path: `${parts(pdf.uri).path}.md`, query: pdf.uri });
  assert.equal(onReport.version, undefined, 'no editor version: the report is not open');
  assert.ok(!client.published.some((p) => p.uri === pdf.uri && p.diagnostics.length > 0), 'nothing on the file itself');
  // At the lines of the rebuilt report, as the CLI gives them (not all at line 1), each naming its page.
  const cli = JSON.parse(spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', pdf.path], { encoding: 'utf8' }).stdout) as { files: Array<{ findings: Array<{ rule: string; line: number; column: number }> }> };
  const findings = cli.files[0]!.findings;
  assert.ok(findings.length >= 3);
  assert.deepEqual(onReport.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`), findings.map((f) => `${f.rule}@${f.line}:${f.column}`));
  assert.ok(onReport.diagnostics.some((d) => d.range.start.line > 0));
  for (const d of onReport.diagnostics) {
    assert.match(d.message, /（第 \d+ 页）$/);
    for (const r of d.relatedInformation ?? []) assert.equal(r.location.uri, onReport.uri);
  }

  // The report opened (a click in the Problems panel, or the file from the Explorer): the same
  // problems, published by the open document under the same URI; nothing on the file.
  const target = onReport.uri;
  const r = await client.request<{ ok: boolean; markdown: string }>('gov-report/rebuild', { source: pdf.uri, target });
  assert.equal(r.ok, true);
  const opened = client.diagnostics(target, 1);
  await client.open(target, r.markdown, 'markdown');
  assert.deepEqual((await opened).diagnostics.map((d) => [d.code, d.range.start.line, d.message]), onReport.diagnostics.map((d) => [d.code, d.range.start.line, d.message]));
  // Checked again from disk while open: the open report keeps them, no second list.
  const before = client.published.length;
  await client.request('gov-report/checkFiles', { uris: [pdf.uri] });
  assert.ok(!client.published.slice(before).some((p) => p.uri === target && p.version === undefined), 'the open report publishes its own');
  assert.ok(!client.published.some((p) => p.uri === pdf.uri && p.diagnostics.length > 0), 'still nothing on the file');

  // Closed: its problems stay (as the workspace check left them), at their lines.
  const count = client.published.length;
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: target } });
  // A request answered: every message the server sent before it has arrived.
  await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nothing.txt' } });
  const after = client.published.slice(count).filter((p) => p.uri === target);
  assert.ok(after.length > 0);
  assert.deepEqual(after.at(-1)!.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`), findings.map((f) => `${f.rule}@${f.line}`));
});

test("gov-report/convert (the rebuilt report saved as Markdown) gives exactly `gov-report convert --to md`'s Markdown: headings, the title on one line, paragraphs joined", async () => {
  const pdf = pdfCopy();
  const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'convert', pdf.path, '--to', 'md'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  // The file alone (its rebuilt report not open), then from the open report.
  const fromFile = await client.request<{ ok: boolean; markdown: string }>('gov-report/convert', { source: pdf.uri });
  assert.equal(fromFile.ok, true);
  assert.equal(fromFile.markdown, cli.stdout);
  const target = `${SCHEME}:/convert/hongze.pdf.md`;
  const r = await client.request<{ ok: boolean; markdown: string }>('gov-report/rebuild', { source: pdf.uri, target });
  assert.notEqual(r.markdown, cli.stdout, 'the rebuilt report keeps the PDF\'s lines');
  const fromOpen = await client.request<{ ok: boolean; markdown: string }>('gov-report/convert', { source: pdf.uri, target });
  assert.equal(fromOpen.markdown, cli.stdout);
  assert.match(fromOpen.markdown, /^# .*政府信息公开工作年度报告$/m);
  assert.match(fromOpen.markdown, /^## 一、/m);
  // Not a PDF or Word file: a clear answer.
  const text = await client.request<{ ok: boolean; message: string }>('gov-report/convert', { source: pathToFileURL(join(root, 'README.md')).toString() });
  assert.equal(text.ok, false);
});
