// The first problem in the real editor: code-server with chromium (test/e2e/lib.mjs), the packaged
// extension against a minimal LSP extension that flags one word, side by side in one run.
//
//   node scripts/bench-editor.mjs                      # gov-report.vsix (npm run package) vs the minimal extension
//   node scripts/bench-editor.mjs --runs 5
//   node scripts/bench-editor.mjs --vsix before=../previous/gov-report.vsix --vsix after=gov-report.vsix
//   node scripts/bench-editor.mjs --trace              # also keeps each run's LSP trace (test-results/bench-editor/)
//   node scripts/bench-editor.mjs --verbose            # and every label the counter showed after B's Enter
//
// Each run is a fresh code-server (fresh user data, one extension installed) and a fresh page:
//   cold  the page is loaded (the workbench URL of a folder), report A is opened with Quick Open as
//         soon as the workbench can take it: from the page load to the status bar's problem counter
//         showing a problem (the extension host's start, the activation, the server's start included);
//   warm  then report B is opened with Quick Open: from the Enter that opens it to the counter
//         changing (A stays open: editors are not opened as previews).
// The counter's changes are timestamped in the page (a MutationObserver on its aria-label), so the
// figures do not include playwright's polling. The extensions take turns (minimal, gov-report, minimal, …);
// medians of the runs are printed per extension, with the ratio to the minimal extension.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildMinimalServer, WORD } from './minimalServer.mjs';
import { freePort, launchBrowser, quickOpen, startCodeServer, waitForWorkbench, workbenchUrl } from '../test/e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', '3'));
const TRACE = args.includes('--trace');
// (Read by the minimal extension's client in the extension host, which inherits code-server's environment.)
if (TRACE) process.env.BENCH_EDITOR_TRACE = '1';
const VERBOSE = args.includes('--verbose');
const OUT = path.join(root, 'test-results', 'bench-editor');
fs.mkdirSync(OUT, { recursive: true });

// The extensions compared: `--vsix label=path` (repeatable), else the packaged gov-report.vsix.
const given = args.flatMap((a, i) => (a === '--vsix' ? [args[i + 1]] : []));
const subjects = (given.length ? given : [`gov-report=${path.join(root, 'gov-report.vsix')}`]).map((s) => {
  const [label, file] = s.includes('=') ? [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)] : [path.basename(s, '.vsix'), s];
  if (!fs.existsSync(file)) throw new Error(`${file}: no such .vsix (npm run package builds gov-report.vsix)`);
  return { label, vsix: path.resolve(file) };
});

// ------------------------------------------------------------------ the minimal LSP extension
// A client that starts a server over IPC for plain-text files, and a server that flags one word
// (总计) as an error in each document opened or changed: the shape of the LSP sample, bundled with
// the repository's vscode-languageclient and vscode-languageserver as gov-report is.
const MINIMAL_CLIENT = `
import * as path from 'node:path';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
let client;
export async function activate(context) {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  client = new LanguageClient('minimal-lsp', 'minimal-lsp', { run: { module, transport: TransportKind.ipc }, debug: { module, transport: TransportKind.ipc } }, {
    documentSelector: [{ scheme: 'file', language: 'plaintext' }, { scheme: 'vscode-remote', language: 'plaintext' }],
    middleware: process.env.BENCH_EDITOR_TRACE ? {
      didOpen: (d, next) => { client.outputChannel.appendLine('BT ' + Date.now() + ' client didOpen ' + d.uri.toString().slice(-12)); return next(d); },
      handleDiagnostics: (u, ds, next) => { client.outputChannel.appendLine('BT ' + Date.now() + ' client diagnostics ' + u.toString().slice(-12) + ' ' + ds.length); next(u, ds); },
    } : {},
  });
  await client.start();
}
export function deactivate() { return client?.stop(); }
`;

async function minimalVsix() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minimal-lsp-'));
  fs.writeFileSync(path.join(dir, 'client.mjs'), MINIMAL_CLIENT);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'minimal-lsp', displayName: 'minimal LSP', description: 'Flags one word (the benchmark of the first problem).', version: '0.0.1', publisher: 'bench', license: 'MIT',
    engines: { vscode: '^1.91.0' }, main: './dist/client.js', activationEvents: ['onLanguage:plaintext'], contributes: {},
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'README.md'), '# minimal LSP\n\nFlags one word.\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  fs.writeFileSync(path.join(dir, '.vscodeignore'), '**\n!package.json\n!README.md\n!LICENSE\n!dist/client.js\n!dist/server.js\n');
  // Resolved from the repository's node_modules; minified as gov-report's production bundles are.
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', nodePaths: [path.join(root, 'node_modules')] };
  await build({ ...common, entryPoints: [path.join(dir, 'client.mjs')], outfile: path.join(dir, 'dist', 'client.js'), external: ['vscode'] });
  await buildMinimalServer(dir, root);
  const vsix = path.join(dir, 'minimal-lsp.vsix');
  execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: dir, stdio: 'ignore' });
  return vsix;
}

// ------------------------------------------------------------------ the reports
// A: a published report (one warning for gov-report); B: another published report with one figure
// mistyped (an error for gov-report). Both hold the word the minimal extension flags.
function workspaceFiles(folder) {
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'real', 'guangshui-2024.txt'), path.join(folder, 'report-a.txt'));
  const b = fs.readFileSync(path.join(root, 'test', 'fixtures', 'real', 'weihui-2023.txt'), 'utf8');
  // 表三's (七) 总计 row: its first figure one more than it is (the row and the column no longer add up).
  const wrong = b.replace(/^(\(七\) 总计\t\t)(\d+)/m, (_, head, n) => `${head}${Number(n) + 1}`);
  if (wrong === b) throw new Error('weihui-2023.txt: no （七）总计 row to change');
  fs.writeFileSync(path.join(folder, 'report-b.txt'), wrong);
  // Something else in the folder, as in a real one (the workspace scan, if any, has files to find).
  fs.writeFileSync(path.join(folder, 'notes.md'), '# notes\n');
}

// ------------------------------------------------------------------ one run
const COUNTER = '#status\\.problems';

/** Records every change of the problem counter's label with its time (Date.now(), the page's clock = ours). */
async function watchCounter(page) {
  await page.addInitScript((selector) => {
    window.__counter = [];
    const note = () => {
      const el = document.querySelector(selector);
      const label = el?.getAttribute('aria-label') ?? el?.textContent ?? null;
      const last = window.__counter[window.__counter.length - 1];
      if (label !== null && label !== last?.label) window.__counter.push({ label, at: Date.now() });
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, characterData: true, attributeFilter: ['aria-label'] });
  }, COUNTER);
}

const problemsIn = (label) => (label.match(/\d+/g) ?? []).reduce((s, n) => s + Number(n), 0);

/** The first time after `since` the counter's label satisfies `ok`. */
async function counterWhen(page, since, ok, timeout = 60000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const seen = await page.evaluate(() => window.__counter);
    const hit = seen.find((c) => c.at >= since && ok(c.label));
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`the problem counter did not change: ${JSON.stringify(seen.slice(-5))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function run(subject, k, browser) {
  const workDir = path.join(OUT, `${subject.label}-${k}`);
  const cs = await startCodeServer({
    port: await freePort(), workDir, installExtensions: [subject.vsix],
    settings: { 'workbench.editor.enablePreview': false, 'gov-report.language': 'zh-CN', ...(TRACE ? { 'gov-report.trace.server': 'verbose', 'minimal-lsp.trace.server': 'verbose' } : {}) },
  });
  const folder = path.join(workDir, 'ws');
  workspaceFiles(folder);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await watchCounter(page);
    const t0 = Date.now();
    await page.goto(workbenchUrl(cs, { folder }));
    await waitForWorkbench(page);
    await quickOpen(page, 'report-a.txt');
    const a = await counterWhen(page, t0, (l) => problemsIn(l) > 0);
    // Settled: A's count stays for a second (the server may publish twice).
    let aLabel = a.label;
    for (let quiet = Date.now(); Date.now() - quiet < 1000;) {
      const now = (await page.evaluate(() => window.__counter)).at(-1).label;
      if (now !== aLabel) {
        aLabel = now;
        quiet = Date.now();
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const input = page.locator('.quick-input-widget .quick-input-box input');
    for (let i = 0; i < 20 && !(await input.isVisible()); i++) {
      await page.keyboard.press('Control+P');
      try { await input.waitFor({ state: 'visible', timeout: 1000 }); } catch {}
    }
    await input.fill('report-b.txt');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'report-b.txt' }).first().waitFor();
    const t1 = Date.now();
    await page.keyboard.press('Enter');
    const b = await counterWhen(page, t1, (l) => l !== aLabel && problemsIn(l) > problemsIn(aLabel));
    await page.screenshot({ path: path.join(OUT, `${subject.label}-${k}.png`) });
    if (VERBOSE) {
      // Every label the counter showed in the second after B's Enter (a problem list cleared and
      // published again shows here as a flicker).
      await new Promise((r) => setTimeout(r, 1000));
      const after = (await page.evaluate(() => window.__counter)).filter((c) => c.at >= t1).map((c) => `${c.at - t1} ms ${c.label}`);
      console.log(`  B's Enter at ${t1}; the counter after it: ${after.join(' → ')}`);
    }
    return { cold: a.at - t0, warm: b.at - t1, a: aLabel, b: b.label };
  } finally {
    await page.close().catch(() => {});
    await cs.stop();
    if (TRACE) {
      // The extension host's log folder holds each output channel (the LSP trace among them).
      const logs = path.join(workDir, 'ud', 'logs');
      const kept = path.join(OUT, `${subject.label}-${k}-logs`);
      fs.rmSync(kept, { recursive: true, force: true });
      if (fs.existsSync(logs)) fs.cpSync(logs, kept, { recursive: true });
    }
  }
}

// ------------------------------------------------------------------ the table
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const minimal = await minimalVsix();
const everyone = [{ label: 'minimal LSP', vsix: minimal }, ...subjects];
const results = new Map(everyone.map((s) => [s.label, []]));
const browser = await launchBrowser();
try {
  for (let k = 1; k <= RUNS; k++) {
    for (const s of everyone) {
      const r = await run(s, k, browser);
      results.get(s.label).push(r);
      console.log(`${s.label} #${k}: cold ${r.cold} ms (${r.a}), warm ${r.warm} ms (${r.b})`);
    }
  }
} finally {
  await browser.close().catch(() => {});
  fs.rmSync(path.dirname(minimal), { recursive: true, force: true });
}

const base = results.get('minimal LSP');
const baseCold = median(base.map((r) => r.cold));
const baseWarm = median(base.map((r) => r.warm));
console.log(`\n| extension | cold: first problem of the first file | × minimal | warm: first problem of a second file | × minimal |`);
console.log('|---|---|---|---|---|');
for (const s of everyone) {
  const rs = results.get(s.label);
  const cold = median(rs.map((r) => r.cold));
  const warm = median(rs.map((r) => r.warm));
  const runs = (key) => rs.map((r) => r[key]).join(' / ');
  console.log(`| ${s.label} | ${(cold / 1000).toFixed(2)} s (${runs('cold')} ms) | ×${(cold / baseCold).toFixed(2)} | ${Math.round(warm)} ms (${runs('warm')}) | ×${(warm / baseWarm).toFixed(2)} |`);
}
fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(Object.fromEntries(results), null, 2));
