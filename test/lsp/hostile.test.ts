// The server survives hostile traffic and keeps answering; an exception inside one feature is an
// error for that request only; it opens no connection and writes no file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LspClient } from '../helpers/lspClient';
import { fixture, root } from '../helpers/util';

let client: LspClient;
before(async () => {
  client = await LspClient.start(root, { nodeArgs: ['--require', join(root, 'test', 'helpers', 'sandbox-preload.cjs')] });
});
after(async () => {
  await client.stop();
});

/** The server still answers a real request. */
async function alive(): Promise<void> {
  const uri = 'file:///alive.txt';
  const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(symbols, null);
}

test('malformed JSON and garbage headers do not take the server down', async () => {
  client.child.stdin.write('Content-Length: 10\r\n\r\n{bad json}');
  client.child.stdin.write('Content-Length: 2\r\n\r\n[]');
  await alive();
});

test('an unknown method gets MethodNotFound; notifications with junk are ignored', async () => {
  await assert.rejects(client.request('gov-report/doesNotExist', {}), (e: { code?: number }) => e.code === -32601);
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.txt', version: 9 }, contentChanges: [{ text: 'x' }] });
  await client.connection.sendNotification('$/unknownNotification', { junk: true });
  await alive();
});

test('requests for documents never opened return null', async () => {
  for (const method of ['textDocument/hover', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/foldingRange']) {
    const r = await client.request(method, { textDocument: { uri: 'file:///nope.txt' }, position: { line: 0, character: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    assert.equal(r, null, method);
  }
});

test('didChange ranges outside the document are clamped, and checking goes on', async () => {
  const uri = 'file:///reports/hostile.txt';
  const text = fixture('real', 'jinxiang-2023.txt');
  const first = client.diagnostics(uri, 1);
  await client.open(uri, text);
  const n = (await first).diagnostics.length;
  const next = client.diagnostics(uri, 2);
  await client.change(uri, 2, [{ range: { start: { line: 9999, character: 5 }, end: { line: 10000, character: 99 } }, text: '\n附：无' }, { range: { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, text: '' }]);
  assert.equal((await next).diagnostics.length, n);
  await alive();
});

test('an exception inside one feature is an error for that request only', async () => {
  const uri = 'file:///reports/hostile.txt';
  // A codeAction request without a range makes the handler throw.
  await assert.rejects(client.request('textDocument/codeAction', { textDocument: { uri }, context: { diagnostics: [] } }), (e: { code?: number; message?: string }) => e.code === -32603 && /codeAction failed/.test(e.message ?? ''));
  const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols) && symbols.length > 0);
});

test('a 10 MB document degrades with a clear message instead of freezing', async () => {
  const uri = 'file:///reports/huge.txt';
  const big = fixture('real', 'weihui-2023.txt').repeat(Math.ceil(10_000_000 / 6476));
  const started = Date.now();
  const d = client.diagnostics(uri, 1);
  await client.open(uri, big);
  const p = await d;
  assert.equal(p.diagnostics.length, 1);
  assert.equal(p.diagnostics[0]!.code, 'too-large');
  assert.match(p.diagnostics[0]!.message, /文档过大/);
  // Typing in it stays instant: an edit is answered without a full check.
  const d2 = client.diagnostics(uri, 2);
  await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
  await d2;
  await alive();
  assert.ok(Date.now() - started < 20_000);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('a check that runs past its time budget is said once, at the top, instead of findings; the server goes on', async () => {
  // A budget of a microsecond: every check overruns it (the rules are linear; this is the backstop).
  const slow = await LspClient.start(root, { env: { GOV_REPORT_TIME_MS: '0.001' } });
  try {
    const uri = 'file:///reports/slow-2023.txt';
    const d = slow.diagnostics(uri, 1);
    await slow.open(uri, fixture('real', 'jinxiang-2023.txt'));
    const p = await d;
    assert.deepEqual(p.diagnostics.map((x) => x.code), ['too-slow']);
    assert.match(p.diagnostics[0]!.message, /检查超时（超过 0\.000001 秒）/);
  } finally {
    await slow.stop();
  }
  // The same report under the normal budget: its findings (jinxiang has errors).
  const uri = 'file:///reports/jinxiang-2023.txt';
  const d = client.diagnostics(uri, 1);
  await client.open(uri, fixture('real', 'jinxiang-2023.txt'));
  assert.ok((await d).diagnostics.some((x) => x.severity === 1));
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('the server made no network request, resolved no host, spawned nothing and wrote no file', async () => {
  await alive();
  assert.doesNotMatch(client.stderr, /SANDBOX-VIOLATION/, client.stderr);
});

test('files the server is asked to read: the path decides, only regular files of a bounded size are read', async () => {
  const { mkdtempSync, symlinkSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  // A query that makes the URI's text end in .pdf names /etc/passwd: refused, nothing read.
  const trick = await client.request<{ ok: boolean; message?: string }>('gov-report/rebuild', { source: 'file:///etc/passwd?x.pdf', target: 'gov-report-rebuilt:/x.md' });
  assert.equal(trick.ok, false);
  const dir = mkdtempSync(join(tmpdir(), 'gov-srv-'));
  // A "report" that is /dev/zero behind a symlink, and a PDF past the size limit.
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  symlinkSync('/dev/zero', join(dir, 'zero.pdf'));
  const checked = await client.request<{ checked: number; reports: number }>('gov-report/checkFiles', { uris: [pathToFileURL(join(dir, 'zero.txt')).href] });
  assert.deepEqual(checked, { checked: 1, reports: 0, errors: 0, warnings: 0, infos: 0 });
  const zero = await client.request<{ ok: boolean; message?: string }>('gov-report/rebuild', { source: pathToFileURL(join(dir, 'zero.pdf')).href, target: 'gov-report-rebuilt:/zero.md' });
  assert.equal(zero.ok, false);
  assert.match(zero.message ?? '', /不是普通文件/);
  await alive();
});

test('while a heavy PDF is read (in a worker thread), the server answers other requests first', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const { heavyPdf } = await import('../helpers/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'gov-srv-pdf-'));
  const pdf = join(dir, 'heavy.pdf');
  writeFileSync(pdf, heavyPdf());
  const uri = 'file:///busy/weihui.txt';
  const published = client.diagnostics(uri, 1);
  await client.open(uri, fixture('real', 'weihui-2023.txt'));
  await published;
  const order: string[] = [];
  const rebuilding = client.request<{ ok: boolean }>('gov-report/rebuild', { source: pathToFileURL(pdf).href, target: 'gov-report-rebuilt:/heavy.md' }).then((r) => {
    order.push('rebuild');
    return r;
  });
  // Asked once the reading is well under way (the measure: answered within 500 ms).
  await new Promise((r) => setTimeout(r, 600));
  const asked = performance.now();
  const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const waited = performance.now() - asked;
  order.push('symbols');
  assert.ok(Array.isArray(symbols) && symbols.length > 0);
  await rebuilding;
  assert.deepEqual(order, ['symbols', 'rebuild'], 'the outline was answered while the PDF was read');
  assert.ok(waited < 500, `the outline waited ${waited.toFixed(0)} ms`);
});
