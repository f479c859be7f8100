// `npm run bench`: medians and p95s over many runs, printed as a table and written as JSON
// (bench-results.json). Measures the core against a baseline on the same text, its growth with
// size, the CLI over a folder of 400 reports against a bare line pass over the same files, the
// language server over a real stdio connection (keystroke to published diagnostics per example,
// memory after 100 reports), the bundles, and (when scripts/bench-hostile.ts is there) the hostile
// PDFs. `--quick`: fewer runs and no 5 and 10 MB documents; `--no-hostile`: without the PDFs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { LineIndex } from '../shared/src/index';
import { LspClient } from '../test/helpers/lspClient';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../client/src/serverLaunch';

const root = join(__dirname, '..');
const fixture = (...p: string[]) => readFileSync(join(root, 'test', 'fixtures', ...p), 'utf8');
const quick = process.argv.includes('--quick');
/** The five published reports of test/fixtures/real: the examples every per-example figure is given for. */
const EXAMPLES = ['weihui-2023.txt', 'guangshui-2024.txt', 'jinxiang-2023.txt', 'yichuan-2020.txt', 'beiguan-2023.md'];

interface Stats { median: number; p95: number; runs: number }
function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] as number;
  return { median: round(at(0.5)), p95: round(at(0.95)), runs: s.length };
}
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Times fn repeatedly: at least minRuns, and up to budgetMs of total time, after a warm-up (the
 *  steady state a server or a CLI reaches after its first reports: the first runs are V8 compiling). */
function measure(fn: () => void, minRuns: number, budgetMs: number): Stats {
  const warm = performance.now();
  for (let i = 0; i < minRuns || (i < 200 && performance.now() - warm < budgetMs / 5); i++) fn();
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

/** The engine as shipped: shared/src bundled and minified as the server and the CLI bundle it
 *  (the sources run through tsx are about twice as slow: each import is read through a getter). */
function shippedEngine(): { parse: (text: string) => unknown; check: (model: unknown) => unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'gov-bench-core-'));
  const outfile = join(dir, 'core.js');
  try {
    buildSync({ entryPoints: [join(root, 'shared', 'src', 'index.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, legalComments: 'none', logLevel: 'warning' });
    return require(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    ...EXAMPLES.map((n) => ({ name: n, text: fixture('real', n) })),
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
    const text = fixture('rules', 'clean-2023.txt');
    const opened = client.diagnostics(uri, 1);
    const t0 = performance.now();
    await client.open(uri, text);
    await opened;
    const firstDiagnostics = round(performance.now() - t0);
    const n = quick ? 50 : 300;
    // The clean report's figure as always measured: the last 6 on the line of （一）予以公开.
    const row = text.split('\n').findIndex((l) => l.includes('（一）予以公开'));
    const cell = { line: row, character: (text.split('\n')[row] as string).lastIndexOf('6') };
    const keystroke = await keystrokes(client, uri, text, n, new LineIndex(text).offsetAt(cell));
    // Each published example, opened in the same server: its own p50 and p95.
    const perExample: Record<string, Stats> = {};
    for (const name of EXAMPLES) {
      const u = `file:///bench/${name}`;
      const body = fixture('real', name);
      const first = client.diagnostics(u, 1);
      await client.open(u, body, name.endsWith('.md') ? 'markdown' : 'plaintext');
      await first;
      perExample[name] = await keystrokes(client, u, body, quick ? 30 : 300);
    }
    // After an even number of keystrokes the document is as it was opened.
    const requests = await requestTimes(client, uri, text, cell);
    const rss = await rssAfter100Reports([]);
    const rssWithClientFlags = await rssAfter100Reports([...SERVER_EXEC_ARGV], root, SERVER_ENV);
    const rssMinimal = await minimalServerRss();
    const rssKeystrokes = await rssAfterKeystrokes(quick ? 200 : 1000);
    return { serverStartupMs: startup, firstDiagnosticsMs: firstDiagnostics, keystrokeToDiagnosticsMs: keystroke, keystrokeToDiagnosticsPerExampleMs: perExample, ...requests, rssAfter100ReportsMB: rss, rssAfter100ReportsAsStartedByTheClientMB: rssWithClientFlags, rssAfter100ReportsMinimalServerMB: rssMinimal, rssAfterKeystrokesAsStartedByTheClientMB: rssKeystrokes };
  } finally {
    await client.stop();
  }
}

/** Keystrokes in an open document (version 1): one figure (at `offset`, else the first after
 *  表2's 予以公开) typed over with another and back, each an incremental change, timed to the
 *  publication of its diagnostics. An even count leaves the document as it was. */
async function keystrokes(client: LspClient, uri: string, text: string, n: number, offset?: number): Promise<Stats> {
  const label = text.indexOf('予以公开');
  const digit = offset ?? (label < 0 ? -1 : label + text.slice(label).search(/[0-9]/));
  if (digit < 0 || !/[0-9]/.test(text.charAt(digit))) throw new Error(`${uri}: no figure after 予以公开 to type over`);
  const at = new LineIndex(text).positionAt(digit);
  const original = text.charAt(digit);
  const other = original === '7' ? '8' : '7';
  const range = { start: at, end: { line: at.line, character: at.character + 1 } };
  const samples: number[] = [];
  let version = 1;
  for (let i = 0; i < n; i++) {
    version++;
    const done = client.diagnostics(uri, version);
    const t = performance.now();
    await client.change(uri, version, [{ range, text: i % 2 === 0 ? other : original }]);
    await done;
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** Hover, document symbols and code actions on the clean report, each requested many times. */
async function requestTimes(client: LspClient, uri: string, text: string, cell: { line: number; character: number }): Promise<Record<string, Stats>> {
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
  return {
    hoverMs: await requestStats('textDocument/hover', { textDocument: { uri }, position: index.positionAt(item + 3) }),
    documentSymbolMs: await requestStats('textDocument/documentSymbol', { textDocument: { uri } }),
    codeActionMs: await requestStats('textDocument/codeAction', { textDocument: { uri }, range: { start: cell, end: cell }, context: { diagnostics: [] } }),
  };
}

/** The floor of the memory figure: the minimal LSP server of scripts/minimalServer.mjs (the
 *  language server library alone, flagging one word), after the same 100 reports. */
async function minimalServerRss(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'gov-bench-minimal-'));
  try {
    const { buildMinimalServer } = await import('./minimalServer.mjs');
    await buildMinimalServer(dir, root);
    return await rssAfter100Reports([], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resident memory of a fresh server, as the client starts it, after `n` keystrokes in one report
 *  (a figure typed over and back, each to its published diagnostics): `{ keystrokes, mb }`. */
async function rssAfterKeystrokes(n: number): Promise<{ keystrokes: number; mb: number }> {
  const client = await LspClient.start(root, { nodeArgs: [...SERVER_EXEC_ARGV], env: { ...SERVER_ENV } });
  try {
    const uri = 'file:///bench/typed.txt';
    const text = fixture('real', 'weihui-2023.txt');
    const opened = client.diagnostics(uri, 1);
    await client.open(uri, text);
    await opened;
    await keystrokes(client, uri, text, n);
    return { keystrokes: n, mb: rssOf(client) };
  } finally {
    await client.stop();
  }
}

function rssOf(client: LspClient): number {
  const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024);
}

/** Resident memory of a fresh server after opening 100 reports and publishing their diagnostics. */
async function rssAfter100Reports(nodeArgs: string[], serverRoot = root, env?: Readonly<Record<string, string>>): Promise<number> {
  const client = await LspClient.start(serverRoot, { nodeArgs, ...(env ? { env: { ...env } } : {}) });
  try {
    const reports = EXAMPLES.map((f) => fixture('real', f));
    const waits: Array<Promise<unknown>> = [];
    for (let i = 0; i < 100; i++) {
      const u = `file:///bench/report-${i}.txt`;
      waits.push(client.diagnostics(u, 1));
      await client.open(u, reports[i % reports.length] as string);
    }
    await Promise.all(waits);
    return rssOf(client);
  } finally {
    await client.stop();
  }
}

/** The bare pass the CLI is compared with: read each file, split it into lines, test a pattern on each. */
const BARE_PASS = `const fs = require('fs'), path = require('path'); const dir = process.argv[process.argv.length - 1]; const re = ${BASELINE_RE.toString()}; let n = 0;
for (const name of fs.readdirSync(dir).sort()) for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\\n')) if (re.test(line)) n++;
process.stdout.write(n + '\\n');`;

/**
 * `gov-report check` over a folder of 400 reports (the five examples, 80 copies each) against the
 * bare pass over the same files, each a fresh process, Node's own start (node -e 0) subtracted
 * from both; the three interleaved, medians of the runs.
 */
function cliBatch(): Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'gov-bench-cli-'));
  const copies = 80;
  for (const name of EXAMPLES) {
    const dot = name.lastIndexOf('.');
    for (let i = 0; i < copies; i++) copyFileSync(join(root, 'test', 'fixtures', 'real', name), join(dir, `${name.slice(0, dot)}-${String(i).padStart(2, '0')}${name.slice(dot)}`));
  }
  const files = EXAMPLES.length * copies;
  const time = (args: string[]) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    return performance.now() - t;
  };
  const samples = { start: [] as number[], bare: [] as number[], cli: [] as number[], warm: [] as number[] };
  try {
    for (let run = 0; run < (quick ? 3 : 11); run++) {
      samples.start.push(time(['-e', '0']));
      samples.bare.push(time(['-e', BARE_PASS, dir]));
      samples.cli.push(time([join(root, 'dist', 'cli.js'), 'check', dir]));
    }
    // The same run repeated in one process: what the CLI's work costs once V8 has compiled it.
    for (let run = 0; run < (quick ? 1 : 3); run++) samples.warm.push(warmPass(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const start = stats(samples.start).median;
  const bare = round(stats(samples.bare).median - start);
  const cli = round(stats(samples.cli).median - start);
  const warm = stats(samples.warm).median;
  return { files, runs: samples.cli.length, nodeStartMs: start, bareMs: bare, cliMs: cli, cliPerFileMs: round(cli / files), ratio: round(cli / bare), cliMinMs: round(Math.min(...samples.cli) - Math.min(...samples.start)), cliThirdPassInOneProcessMs: warm, warmRatio: round(warm / bare) };
}

/** `check <dir>` three times in one process (the CLI's own run(), output discarded): the third's time. */
function warmPass(dir: string): number {
  const script = `const { run } = require(${JSON.stringify(join(root, 'dist', 'cli.js'))});
const io = { out: () => {}, err: () => {}, cwd: process.cwd() };
(async () => { let t = 0; for (let i = 0; i < 3; i++) { const s = performance.now(); await run(['check', process.argv[1]], io); t = performance.now() - s; } process.stdout.write(String(t)); })();`;
  const r = spawnSync(process.execPath, ['-e', script, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the warm CLI pass: exit ${r.status}\n${r.stderr}`);
  return Number(r.stdout);
}

/** scripts/bench-hostile.ts (the hostile PDFs), when it is there: run as it runs alone, its table kept. */
function hostile(): string | undefined {
  const script = join(root, 'scripts', 'bench-hostile.ts');
  if (!existsSync(script) || process.argv.includes('--no-hostile')) return undefined;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--runs', quick ? '1' : '3'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : `bench-hostile.ts exited ${r.status}: ${r.stderr.slice(-2000)}`;
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
  const { parse, check } = shippedEngine();
  const docs = documents();
  // The first report of a fresh process: what a CLI run's first file costs before V8 has warmed up.
  const cold = performance.now();
  check(parse((docs[0] as { text: string }).text));
  const firstReportColdMs = round(performance.now() - cold);
  for (const doc of docs) {
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
  const cli = cliBatch();
  const server = await lsp();
  const hostilePdfs = hostile();
  const result = { date: new Date().toISOString(), node: process.version, cpus: require('node:os').cpus().length, core, firstReportColdMs, linearity, cli, server, bundles: bundles(), ...(hostilePdfs !== undefined ? { hostilePdfs } : {}) };
  writeFileSync(join(root, 'bench-results.json'), JSON.stringify(result, null, 2) + '\n');

  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length * 1));
  console.log('parse + all rules (the minified bundle, warmed up) vs baseline (split lines + one regex per line), milliseconds');
  console.log(pad('document', 26) + pad('kchars', 9) + pad('median', 10) + pad('p95', 10) + pad('baseline', 10) + 'ratio');
  for (const c of core as Array<{ document: string; kchars: number; engineMs: Stats; baselineMs: Stats; ratio: number }>) {
    console.log(pad(c.document, 26) + pad(String(c.kchars), 9) + pad(String(c.engineMs.median), 10) + pad(String(c.engineMs.p95), 10) + pad(String(c.baselineMs.median), 10) + c.ratio);
  }
  console.log(`the first report of a fresh process (V8 not warmed up): ${firstReportColdMs} ms`);
  console.log('growth for twice the text:', JSON.stringify(linearity));
  console.log(`CLI over ${cli.files} reports: ${cli.cliMs} ms (${cli.cliPerFileMs} ms a file) against a bare line pass of ${cli.bareMs} ms, Node's start (${cli.nodeStartMs} ms) subtracted from both: ×${cli.ratio}; the third pass in one process (V8 warmed up): ${cli.cliThirdPassInOneProcessMs} ms, ×${cli.warmRatio}`);
  console.log('language server (stdio):', JSON.stringify(server, null, 2));
  console.log('bundles:', JSON.stringify(result.bundles));
  if (hostilePdfs !== undefined) console.log(`hostile PDFs (scripts/bench-hostile.ts):\n${hostilePdfs}`);
  console.log('written to bench-results.json');
}

void main();
