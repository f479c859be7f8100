// The reviewer's overview and its exports, as a reviewer meets them:
// - the HTML review report of `gov-report summary` opened in Chromium as a colleague would open it:
//   self-contained (nothing fetched), every report in the overview, names on one line, the agency
//   charts drawn, and it prints to PDF;
// - *年度报告总览* in the real workbench (the packaged .vsix in code-server): the columns fit the
//   editor (short headers, the full name in their tooltip), the file column frozen and the
//   horizontal scrollbar shown when they do not; the charts drawn again on a theme change; a
//   reviewer's decision from a report's row (a PDF's), into the folder's review record; an export
//   saved with a notification that opens or reveals it, files named relative to the folder, and the
//   export never listed by the overview.
// Screenshots under test-results/ui/ (light and dark).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startCodeServer, freePort, workbenchUrl, waitForWorkbench, runCommand } from '../e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = path.join(root, 'test-results', 'ui');
const VSIX = path.join(root, 'gov-report.vsix');
const workDir = path.join(root, 'test-results', 'ui-summary');

/** Debian's Chromium as the other UI tests launch it, with its scrollbars drawn (headless hides them
 *  by default, and whether the table's scrollbar shows is one of the things looked at here). */
const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true, ignoreDefaultArgs: ['--hide-scrollbars'],
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

/** A reviewer's folder: the examples, the corpus (PDFs included) and two years of one agency. */
function reviewerFolder(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const d of ['real', 'corpus']) for (const f of fs.readdirSync(path.join(root, 'test', 'fixtures', d))) fs.copyFileSync(path.join(root, 'test', 'fixtures', d, f), path.join(dir, f));
  for (const y of ['2022', '2023']) fs.copyFileSync(path.join(root, 'test', 'fixtures', 'rules', `clean-${y}.txt`), path.join(dir, `示例县-${y}.txt`));
  // No decision left from an earlier run.
  fs.rmSync(path.join(dir, '.gov-report-review.json'), { force: true });
  return dir;
}

let browser;
before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close().catch(() => {});
});

test('the HTML review report: self-contained, every report listed, names on one line, charts drawn, prints to PDF', async () => {
  const dir = reviewerFolder(fs.mkdtempSync(path.join(root, 'test-results', 'summary-')));
  const out = `${dir}.html`; // beside the folder (one saved in it is left out as the tool's own: test/unit/summary.test.ts)
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'summary', '.', '--format', 'html', '-o', out], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = JSON.parse(spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'summary', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' }).stdout).reports;
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  try {
    const requests = [];
    page.on('request', (q) => { if (!q.url().startsWith('file:')) requests.push(q.url()); });
    await page.goto(`file://${out}`);
    assert.equal(await page.title(), '政府信息公开工作年度报告审查汇总');
    // One overview row per file.
    assert.equal(await page.locator('table').first().locator('tbody tr').count(), files.length);
    assert.ok(await page.locator('tbody tr', { hasText: 'huaian-2024.pdf' }).first().innerText().then((t) => t.includes('3119') && t.includes('59.5%')));
    // Each agency and file on one line, in a wide window and in a narrow one (the table scrolls sideways).
    for (const width of [1500, 900]) {
      await page.setViewportSize({ width, height: 1000 });
      const lines = await page.locator('table.overview td.col-agency, table.overview td.col-file, table.overview th').evaluateAll((cells) => cells.map((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        return { text: c.textContent, lines: Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight || '16')) };
      }));
      assert.ok(lines.length > 2 * files.length, 'the agency and file cells found');
      const wrapped = lines.filter((x) => x.text && x.lines > 1);
      assert.deepEqual(wrapped, [], `at ${width} px: names wrapped`);
      if (width === 900) assert.ok(await page.locator('.wide').evaluate((w) => w.scrollWidth > w.clientWidth), 'the overview scrolls sideways in a narrow window');
    }
    await page.setViewportSize({ width: 1500, height: 1000 });
    // The agency with two years: its three charts, one bar a year.
    const agency = page.locator('section.agency', { hasText: '示例县市场监督管理局' });
    assert.equal(await agency.locator('svg').count(), 3);
    assert.equal(await agency.locator('svg').first().locator('rect').count(), 2);
    assert.deepEqual(requests, [], 'nothing fetched');
    await page.screenshot({ path: path.join(SHOTS, 'summary-html.png') });
    await agency.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'summary-html-agency.png') });
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-');
  } finally {
    await page.close();
  }
});

// ---- the overview in the workbench
let cs;
let page;
let folder;
const view = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
const row = (name) => view().locator('.row', { hasText: name }).first();
const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

async function openOverview() {
  // From the command palette: a fresh workbench with no report open has not activated the
  // extension yet, so its status bar item is not there to click.
  await runCommand(page, '年度报告总览');
  await row('hongze-2024.pdf').waitFor({ timeout: 90000 });
}

test('年度报告总览 fits the editor: short headers (the full name in the tooltip), 公开率 and every column after it in view; in a narrower editor the file column stays and the horizontal scrollbar shows', async () => {
  assert.ok(fs.existsSync(VSIX), 'build the .vsix first: npm run package');
  cs = await startCodeServer({ port: await freePort(), workDir, installExtensions: [VSIX], settings: { 'gov-report.language': 'zh-CN', 'workbench.colorTheme': 'Default Light Modern' } });
  folder = reviewerFolder(path.join(workDir, 'ws'));
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(workbenchUrl(cs, { folder }));
  await waitForWorkbench(page);
  await openOverview();
  const layout = () => view().locator('#scroller').evaluate((s) => {
    const box = s.getBoundingClientRect();
    const heads = [...document.querySelectorAll('#head .cell')].map((c) => ({ key: [...c.classList].find((k) => k.startsWith('col-')).slice(4), text: c.innerText, title: c.title, cut: c.scrollWidth > c.clientWidth, left: c.getBoundingClientRect().left, right: c.getBoundingClientRect().right }));
    const file = document.querySelector('#body .row .col-file').getBoundingClientRect();
    return { left: box.left, right: box.right - (s.offsetWidth - s.clientWidth), scrollbar: s.offsetHeight - s.clientHeight, overflow: s.scrollWidth - s.clientWidth, heads, file: { left: file.left, right: file.right } };
  });
  const wide = await layout();
  assert.deepEqual(wide.heads.filter((h) => h.cut).map((h) => h.text), [], 'no header cut');
  const head = (l, key) => l.heads.find((h) => h.key === key);
  assert.equal(head(wide, 'carriedIn').text.replace(/\s+/g, ''), '上年结转');
  assert.match(head(wide, 'carriedOut').title, /^结转下年度/, 'the full name in the tooltip');
  assert.match(head(wide, 'reconsiderationCorrected').title, /^复议纠正/);
  // Every column in view in a 1500-pixel window with the Explorer open.
  assert.ok(head(wide, 'disclosureRate').right <= wide.right, `公开率 in view: ${JSON.stringify(head(wide, 'disclosureRate'))} within ${wide.right}`);
  assert.ok(head(wide, 'litigationCorrected').right <= wide.right + 1, 'the last column in view');
  await shot('summary-overview-light');
  // A narrower window: the table scrolls sideways, with its scrollbar; scrolled to the end, the file
  // column is where it was and the last column is in view.
  await page.setViewportSize({ width: 1100, height: 950 });
  await page.waitForTimeout(300);
  const narrow = await layout();
  assert.ok(narrow.overflow > 0, 'wider than the editor');
  assert.ok(narrow.scrollbar >= 8, `a horizontal scrollbar of ${narrow.scrollbar} px`);
  await view().locator('#scroller').evaluate((s) => { s.scrollLeft = s.scrollWidth; });
  await page.waitForTimeout(200);
  const scrolled = await layout();
  assert.ok(Math.abs(scrolled.file.left - narrow.file.left) < 1 && Math.abs(scrolled.file.left - scrolled.left) < 2, `the file column frozen: ${JSON.stringify([narrow.file, scrolled.file, scrolled.left])}`);
  assert.ok(Math.abs(head(scrolled, 'file').left - scrolled.left) < 2, 'its header too');
  assert.ok(head(scrolled, 'litigationCorrected').right <= scrolled.right + 1);
  await shot('summary-overview-narrow-scrolled');
  await view().locator('#scroller').evaluate((s) => { s.scrollLeft = 0; });
  await page.setViewportSize({ width: 1500, height: 950 });
});

test('年度报告总览: the charts are drawn again in the new theme\'s colours when the theme changes (light → dark → light)', async () => {
  await view().locator('#agency').selectOption('示例县市场监督管理局');
  const charts = () => view().locator('.charts canvas').evaluateAll((list) => list.map((c) => ({ ink: c.dataset.ink, bar: c.dataset.bar })));
  const theme = () => view().locator('body').evaluate((b) => ({ kind: b.className.match(/vscode-(light|dark|high-contrast)/)?.[0], ink: getComputedStyle(b).getPropertyValue('--vscode-foreground').trim(), bar: getComputedStyle(b).getPropertyValue('--vscode-charts-blue').trim() }));
  const light = await theme();
  assert.equal(light.kind, 'vscode-light');
  assert.deepEqual(await charts(), Array(3).fill({ ink: light.ink, bar: light.bar }));
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await view().locator('body.vscode-dark').waitFor();
  const dark = await theme();
  assert.notEqual(dark.ink, light.ink);
  // Drawn again, without reopening the overview.
  await view().locator(`#chart-received[data-ink="${dark.ink}"]`).waitFor({ timeout: 5000 });
  assert.deepEqual(await charts(), Array(3).fill({ ink: dark.ink, bar: dark.bar }));
  await page.waitForTimeout(300); // the workbench's own colours follow by a transition
  await shot('summary-overview-dark');
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await view().locator(`#chart-received[data-ink="${light.ink}"]`).waitFor({ timeout: 5000 });
  assert.deepEqual(await charts(), Array(3).fill({ ink: light.ink, bar: light.bar }));
});

test('年度报告总览: a reviewer decides from a PDF\'s row: its 审阅 counts list its problems, 排除（填写理由）… asks for the reason in an input box, the decision goes into .gov-report-review.json (the PDF untouched) and the row\'s counts follow; 确认问题 likewise', async () => {
  const pdf = row('hongze-2024.pdf');
  const counts = pdf.locator('.col-review button.review');
  const [open, confirmed, dismissed] = (await counts.innerText()).split('·').map(Number);
  assert.ok(open >= 2 && confirmed === 0 && dismissed === 0, await counts.innerText());
  const bytes = fs.readFileSync(path.join(folder, 'hongze-2024.pdf'));
  await counts.click();
  const list = view().locator('#findings');
  await list.locator('#findings-title', { hasText: 'hongze-2024.pdf 的问题' }).waitFor({ timeout: 15000 });
  const items = list.locator('#finding-list li.finding');
  assert.equal(await items.count(), open);
  // Each with its page, and the decisions named as the quick actions name them.
  assert.match(await items.first().locator('.place').innerText(), /第 \d+ 页/);
  assert.deepEqual(await items.first().locator('.actions button').allInnerTexts(), ['确认问题（记入审阅记录）', '排除（填写理由）…']);
  const rule = await items.first().locator('.rule').innerText();
  await items.first().locator('button[data-decision="dismissed"]').click();
  // The reason, asked for by the extension (the page never prompts).
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await input.fill('口径不同，已与办公室核实');
  await page.keyboard.press('Enter');
  await pdf.locator('.col-review button.review', { hasText: `${open - 1}·0·1` }).waitFor({ timeout: 30000 });
  await list.locator('li.dismissed', { hasText: '已排除：口径不同，已与办公室核实' }).waitFor({ timeout: 15000 });
  const record = () => JSON.parse(fs.readFileSync(path.join(folder, '.gov-report-review.json'), 'utf8')).decisions.map((d) => [d.report, d.rule, d.decision, d.reason ?? null]);
  assert.deepEqual(record(), [['hongze-2024.pdf', rule, 'dismissed', '口径不同，已与办公室核实']]);
  assert.deepEqual(fs.readFileSync(path.join(folder, 'hongze-2024.pdf')), bytes, 'the PDF itself is not changed');
  await shot('summary-overview-review');
  // 确认问题 on the next open problem: no question asked.
  const next = items.filter({ has: view().locator('button[data-decision="confirmed"]') }).first();
  const nextRule = await next.locator('.rule').innerText();
  await next.locator('button[data-decision="confirmed"]').click();
  await pdf.locator('.col-review button.review', { hasText: `${open - 2}·1·1` }).waitFor({ timeout: 30000 });
  await list.locator('li.confirmed', { hasText: '已确认' }).waitFor({ timeout: 15000 });
  assert.deepEqual(record().filter((d) => d[2] === 'confirmed'), [['hongze-2024.pdf', nextRule, 'confirmed', null]]);
  // The text saved from the same report (same name but for the extension): the record applies to it
  // too, and its row follows.
  await row('hongze-2024.txt').locator('.col-review button.review', { hasText: `${open - 2}·1·1` }).waitFor({ timeout: 30000 });
  await list.locator('#findings-close').click();
  await list.waitFor({ state: 'hidden' });
});

/** Clicks an export button and accepts the save dialog's proposal (code-server's simple dialog). */
async function exportAs(format, name) {
  await view().locator(`button[data-export="${format}"]`).click();
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForFunction((n) => document.querySelector('.quick-input-widget .quick-input-box input')?.value.endsWith(n), name);
  assert.equal(await input.inputValue(), path.join(folder, name), 'proposed in the folder, under the overview\'s name');
  await page.keyboard.press('Enter');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: `已导出 ${name}` }).first();
  await toast.waitFor({ timeout: 30000 });
  return toast;
}

test('年度报告总览: an export is saved with a notification (打开, 在文件夹中显示); its files are named relative to the folder; the exported HTML is never listed as a row', async () => {
  const before = await view().locator('#count').innerText();
  // HTML: revealed in the Explorer.
  const html = await exportAs('html', '年度报告总览.html');
  await html.locator('.monaco-button', { hasText: '在文件夹中显示' }).waitFor();
  await page.waitForTimeout(500); // the toast slides in
  await shot('summary-export-notification');
  await html.locator('.monaco-button', { hasText: '在文件夹中显示' }).click();
  await page.locator('.explorer-folders-view .monaco-list-row.selected', { hasText: '年度报告总览.html' }).waitFor({ timeout: 15000 });
  const text = fs.readFileSync(path.join(folder, '年度报告总览.html'), 'utf8');
  assert.ok(!text.includes('file:'), 'no file: URI in the export');
  assert.match(text, /<td class="text col-file">hongze-2024\.pdf<\/td>/);
  assert.match(text, /<meta name="generator" content="gov-report summary">/);
  // CSV: opened.
  const csv = await exportAs('csv', '年度报告总览.csv');
  await csv.locator('.monaco-button', { hasText: '打开' }).click();
  await page.locator('.tabs-container .tab.active[aria-label^="年度报告总览.csv"]').waitFor({ timeout: 15000 });
  const lines = fs.readFileSync(path.join(folder, '年度报告总览.csv'), 'utf8').slice(1).trim().split('\r\n');
  assert.ok(lines.slice(1).every((l) => !l.startsWith('file:') && !l.startsWith('"file:')), lines.slice(0, 3).join('\n'));
  assert.ok(lines.some((l) => l.startsWith('huaian-2024.pdf,')));
  // The overview opened again lists the folder as before: the exported HTML is no row.
  await page.locator('.tabs-container .tab', { hasText: '年度报告总览' }).first().click();
  await page.locator('.tabs-container .tab', { hasText: '年度报告总览' }).first().locator('.codicon-close').click();
  await openOverview();
  assert.equal(await view().locator('#count').innerText(), before);
  await view().locator('#filter').fill('年度报告总览');
  assert.equal(await view().locator('.row').count(), 0, 'the export is not listed');
});

after(async () => {
  await page?.close().catch(() => {});
  await cs?.stop();
});
