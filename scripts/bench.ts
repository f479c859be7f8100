// `npm run bench`: medians and p95s over many runs, printed as a table and written as JSON
// (bench-results.json). Measures the core against a baseline on the same text, its growth with
// size, the language server over a real stdio connection, memory, and the bundles.
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { check, LineIndex, parse } from '../shared/src/index';
import { LspClient } from '../test/helpers/lspClient';

const root = join(__dirname, '..');
const fixture = (...p: string[]) => readFileSync(join(root, 'test', 'fixtures', ...p), 'utf8');
const quick = process.argv.includes('--quick');

interface Stats { median: number; p95: number; runs: number }
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] as number;
  return { median: round(at(0.5)), p95: round(at(0.95)), runs: s.length };
}
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Times fn repeatedly: at least minRuns, and up to budgetMs of total time. */
function measure(fn: () => void, minRuns: number, budgetMs: number): Stats {
  for (let i = 0; i < Math.min(5, minRuns); i++) fn(); // warm-up
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minRuns || (performance.now() - started < budgetMs && samples.length < 5000)) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

// The baseline of the issue: split into lines, test one regular expression per line.
const BASELINE_RE = /^\s*[一二三四五六]、.*情况/;
function baseline(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) if (BASELINE_RE.test(line)) n++;
  return n;
}

function documents(): Array<{ name: string; text: string }> {
  const weihui = fixture('real', 'weihui-2023.txt');
  const narrative = (times: number) => {
    // The narrative sections repeated, tables unchanged.
    const start = weihui.indexOf('（一）主动公开');
    const end = weihui.indexOf('二、主动公开政府信息情况');
    const body = weihui.slice(start, end);
    return weihui.slice(0, start) + body.repeat(times) + weihui.slice(end);
  };
  const mb = (n: number) => weihui.repeat(Math.ceil((n * 1_000_000) / weihui.length));
  const docs = [
    ...['weihui-2023.txt', 'guangshui-2024.txt', 'jinxiang-2023.txt', 'yichuan-2020.txt', 'beiguan-2023.md'].map((n) => ({ name: n, text: fixture('real', n) })),
    { name: 'sample-2023.txt', text: readFileSync(join(root, 'examples', 'sample-2023.txt'), 'utf8') },
    { name: 'narrative ×10', text: narrative(10) },
    { name: 'narrative ×100', text: narrative(100) },
    { name: '25 reports in a row', text: weihui.repeat(25) },
    { name: '50 reports in a row', text: weihui.repeat(50) },
    { name: '表2 pasted 1,000 times', text: weihui + weihui.slice(weihui.indexOf('(本列数据'), weihui.indexOf('四、政府信息公开行政复议')).repeat(1000) },
    { name: '1 MB', text: mb(1) },
    { name: '2 MB', text: mb(2) },
  ];
  if (!quick) docs.push({ name: '5 MB', text: mb(5) }, { name: '10 MB', text: mb(10) });
  return docs;
}

async function lsp(): Promise<Record<string, unknown>> {
  const started = performance.now();
  const client = await LspClient.start(root);
  const startup = round(performance.now() - started);
  try {
    const uri = 'file:///bench/sample.txt';
    let text = fixture('rules', 'clean-2023.txt');
    let version = 1;
    const opened = client.diagnostics(uri, 1);
    const t0 = performance.now();
    await client.open(uri, text);
    await opened;
    const firstDiagnostics = round(performance.now() - t0);

    // Keystrokes: change one table cell back and forth with incremental edits.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('（一）予以公开'));
    const character = (lines[line] as string).lastIndexOf('6');
    const keystroke: number[] = [];
    const n = quick ? 50 : 300;
    for (let i = 0; i < n; i++) {
      version++;
      const newText = i % 2 === 0 ? '7' : '6';
      const done = client.diagnostics(uri, version);
      const t = performance.now();
      await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: newText }]);
      await done;
      keystroke.push(performance.now() - t);
    }
    text = text.split('\n').map((l, k) => (k === line ? l.slice(0, character) + (n % 2 === 1 ? '7' : '6') + l.slice(character + 1) : l)).join('\n');

    const requestStats = async (method: string, params: unknown) => {
      const samples: number[] = [];
      for (let i = 0; i < (quick ? 50 : 300); i++) {
        const t = performance.now();
        await client.request(method, params);
        samples.push(performance.now() - t);
      }
      return stats(samples);
    };
    const index = new LineIndex(text);
    const item = text.indexOf('第二十条第（五）项');
    const hover = await requestStats('textDocument/hover', { textDocument: { uri }, position: index.positionAt(item + 3) });
    const symbols = await requestStats('textDocument/documentSymbol', { textDocument: { uri } });
    const codeAction = await requestStats('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics: [] } });

    const rss = await rssAfter100Reports([]);
    const rssWithClientFlags = await rssAfter100Reports(['--max-semi-space-size=1']);
    return { serverStartupMs: startup, firstDiagnosticsMs: firstDiagnostics, keystrokeToDiagnosticsMs: stats(keystroke), hoverMs: hover, documentSymbolMs: symbols, codeActionMs: codeAction, rssAfter100ReportsMB: rss, rssAfter100ReportsAsStartedByTheClientMB: rssWithClientFlags };
  } finally {
    await client.stop();
  }
}

/** Resident memory of a fresh server after opening 100 reports and publishing their diagnostics. */
async function rssAfter100Reports(nodeArgs: string[]): Promise<number> {
  const client = await LspClient.start(root, { nodeArgs });
  try {
    const reports = ['weihui-2023.txt', 'guangshui-2024.txt', 'jinxiang-2023.txt', 'yichuan-2020.txt', 'beiguan-2023.md'].map((f) => fixture('real', f));
    const waits: Array<Promise<unknown>> = [];
    for (let i = 0; i < 100; i++) {
      const u = `file:///bench/report-${i}.txt`;
      waits.push(client.diagnostics(u, 1));
      await client.open(u, reports[i % reports.length] as string);
    }
    await Promise.all(waits);
    const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
    return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
  } finally {
    await client.stop();
  }
}

function bundles(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'gov-report.vsix']) {
    const p = join(root, f);
    if (existsSync(p)) out[f] = `${(statSync(p).size / 1024).toFixed(0)} KiB`;
  }
  // Loading the client bundle is most of the extension's activation (vscode stubbed here).
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  // A stand-in for the vscode module: every member is a constructible function with members.
  const stub: unknown = new Proxy(function vscodeStub() {}, { get: (_t, key) => (key === 'prototype' ? {} : stub) });
  Module._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? stub : load(request, ...rest));
  const t = performance.now();
  require(join(root, 'dist', 'extension.js'));
  out.extensionBundleLoadMs = round(performance.now() - t);
  Module._load = load;
  return out;
}

async function main(): Promise<void> {
  const core: Array<Record<string, unknown>> = [];
  const byName = new Map<string, number>();
  for (const doc of documents()) {
    const big = doc.text.length > 500_000;
    const engine = measure(() => check(parse(doc.text)), big ? 5 : 50, big ? 3000 : 1500);
    const base = measure(() => baseline(doc.text), big ? 5 : 50, big ? 1000 : 500);
    byName.set(doc.name, engine.median);
    core.push({ document: doc.name, kchars: Math.round(doc.text.length / 100) / 10, engineMs: engine, baselineMs: base, ratio: round(engine.median / base.median) });
  }
  const growth = (a: string, b: string) => (byName.has(a) && byName.has(b) ? round((byName.get(b) as number) / (byName.get(a) as number)) : undefined);
  const linearity = {
    '25 → 50 reports (×2 text)': growth('25 reports in a row', '50 reports in a row'),
    '1 MB → 2 MB (×2 text)': growth('1 MB', '2 MB'),
    '5 MB → 10 MB (×2 text)': growth('5 MB', '10 MB'),
  };
  const server = await lsp();
  const result = { date: new Date().toISOString(), node: process.version, cpus: require('node:os').cpus().length, core, linearity, server, bundles: bundles() };
  writeFileSync(join(root, 'bench-results.json'), JSON.stringify(result, null, 2) + '\n');

  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length * 1));
  console.log('parse + all rules vs baseline (split lines + one regex per line), milliseconds');
  console.log(pad('document', 26) + pad('kchars', 9) + pad('median', 10) + pad('p95', 10) + pad('baseline', 10) + 'ratio');
  for (const c of core as Array<{ document: string; kchars: number; engineMs: Stats; baselineMs: Stats; ratio: number }>) {
    console.log(pad(c.document, 26) + pad(String(c.kchars), 9) + pad(String(c.engineMs.median), 10) + pad(String(c.engineMs.p95), 10) + pad(String(c.baselineMs.median), 10) + c.ratio);
  }
  console.log('growth for twice the text:', JSON.stringify(linearity));
  console.log('language server (stdio):', JSON.stringify(server, null, 2));
  console.log('bundles:', JSON.stringify(result.bundles));
  console.log('written to bench-results.json');
}

void main();
