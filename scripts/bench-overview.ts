// `npm run bench:overview`: the overview webview's page with a reviewer's folder of 1,000 reports, in
// headless Chromium (the one the UI tests use). The rows are those the language server would send
// (`gov-report summary --format json` → overviewTable), the page and its script are the shipped ones;
// only the VS Code host is a stub that takes the page's messages. Measured inside the page, with
// layout forced after each step: the first drawing, a sort by each column (both directions), typing
// a filter, scrolling through the list, a live update of ten rows; the rows in the page at a time;
// and the long tasks (over 50 ms) the page had.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { overviewPage } from '../client/src/overviewPage';
import { overviewTable, type ReviewEntry } from '../shared/src/index';
import { reviewerFolder } from './reviewerFolder';

const root = join(__dirname, '..');
const TARGET = 1000;
const RUNS = 21;

// The VS Code host, stubbed: the page's messages are kept; long tasks are counted from the start.
// (Plain JavaScript in strings: what runs in the page is not compiled by tsx.)
const HOST_STUB = `
  window.posted = [];
  window.longTasks = [];
  window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.posted.push(m); } }; };
  new PerformanceObserver(function (list) { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
`;

// The steps, timed in the page with the layout each one causes, one frame apart.
const MEASURE = `async function ({ init, runs }) {
  const frame = () => new Promise((go) => requestAnimationFrame(() => setTimeout(go, 0)));
  const time = (fn) => { const t = performance.now(); fn(); void document.body.offsetHeight; return performance.now() - t; };
  const post = (data) => window.dispatchEvent(new MessageEvent('message', { data }));
  const out = { init: [], sort: [], filter: [], scroll: [], update: [] };
  for (let i = 0; i < runs; i++) { out.init.push(time(() => post(init))); await frame(); }
  const heads = document.querySelectorAll('#head .cell').length;
  for (let i = 0; i < heads; i++) {
    for (const _ of [0, 1]) { out.sort.push(time(() => document.querySelectorAll('#head .cell')[i].click())); await frame(); }
  }
  const filter = document.getElementById('filter');
  for (const typed of ['h', 'hu', 'hua', 'huai', 'huaia', 'huaian', '', 'unit-05', '']) {
    out.filter.push(time(() => { filter.value = typed; filter.dispatchEvent(new Event('input')); }));
    await frame();
  }
  const scroller = document.getElementById('scroller');
  let inPage = 0;
  for (let y = 0; y <= scroller.scrollHeight; y += 400) {
    out.scroll.push(time(() => { scroller.scrollTop = y; scroller.dispatchEvent(new Event('scroll')); }));
    inPage = Math.max(inPage, document.querySelectorAll('#body .row').length);
    await frame();
  }
  for (let i = 0; i < runs; i++) {
    const changed = init.rows.slice(i * 10, i * 10 + 10).map((r) => ({ ...r, counts: { ...r.counts, error: r.counts.error + 1 } }));
    out.update.push(time(() => post({ type: 'update', rows: changed })));
    await frame();
  }
  return { out, inPage, longTasks: window.longTasks };
}`;

async function main(): Promise<void> {
  const { folder, files } = reviewerFolder(root, TARGET);
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'summary', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(r.stderr);
  const entries = (JSON.parse(r.stdout) as { reports: ReviewEntry[] }).reports;
  const table = overviewTable(entries, 'zh-CN');
  // The client shows each file relative to the folder.
  for (const row of table.rows) row.values[0] = relative(folder, row.uri);
  const labels = { filter: '筛选', allYears: '全部年度', anySeverity: '全部', withErrors: '有错误', withWarnings: '有警告', withProblems: '有问题', allRules: '全部规则', shown: '{shown}/{total}', exportAs: '导出', chains: '逐年', noChains: '无', carryBreak: '结转不符', stockBreak: '存量不符', received: '新收', handled: '办理', rate: '公开率' };

  const script = readFileSync(join(root, 'dist', 'overview.js'));
  const server = createServer((q, s) => {
    if (q.url === '/overview.js') s.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else s.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(overviewPage(origin, `${origin}/overview.js`));
  });
  await new Promise<void>((go) => server.listen(0, '127.0.0.1', go));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { launchBrowser } = await import('../test/e2e/lib.mjs');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.addInitScript({ content: HOST_STUB });
    page.on('console', (m) => { if (m.type() === 'error') console.error(`page: ${m.text()}`); });
    page.on('pageerror', (e) => console.error(`page: ${e.message}`));
    await page.goto(origin);
    await page.waitForFunction(`window.posted.some((m) => m.type === 'ready')`);
    const result = (await page.evaluate(`(${MEASURE})(${JSON.stringify({ init: { type: 'init', columns: table.columns, rows: table.rows, labels }, runs: RUNS })})`)) as { out: Record<string, number[]>; inPage: number; longTasks: number[] };
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1] as number;
    const f = (x: number) => x.toFixed(1);
    console.log(`overview webview, ${files} reports (${table.rows.length} rows), headless Chromium:`);
    for (const [step, samples] of Object.entries(result.out) as Array<[string, number[]]>) console.log(`  ${step.padEnd(7)} median ${f(median(samples))} ms, max ${f(Math.max(...samples))} ms (${samples.length} samples)`);
    console.log(`  rows in the page at once: ${result.inPage} of ${table.rows.length}; long tasks (> 50 ms): ${result.longTasks.length}${result.longTasks.length ? ` (longest ${f(Math.max(...result.longTasks))} ms)` : ''}`);
  } finally {
    await browser.close();
    server.close();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
