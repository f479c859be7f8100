// The HTML review report of `gov-report summary` opened in Chromium as a colleague would open it:
// self-contained (nothing fetched), every report in the overview, the agency charts drawn, and it
// prints to PDF. Screenshots under test-results/ui/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = path.join(root, 'test-results', 'ui');

test('the HTML review report: self-contained, every report listed, charts drawn, prints to PDF', async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, 'test-results', 'summary-'));
  // The examples, the corpus and a chain of years (for the per-agency charts).
  for (const f of fs.readdirSync(path.join(root, 'test', 'fixtures', 'real'))) fs.copyFileSync(path.join(root, 'test', 'fixtures', 'real', f), path.join(dir, f));
  for (const f of fs.readdirSync(path.join(root, 'test', 'fixtures', 'corpus'))) fs.copyFileSync(path.join(root, 'test', 'fixtures', 'corpus', f), path.join(dir, f));
  for (const y of ['2022', '2023']) fs.copyFileSync(path.join(root, 'test', 'fixtures', 'rules', `clean-${y}.txt`), path.join(dir, `示例县-${y}.txt`));
  const out = `${dir}.html`; // beside the folder, not in it (it would be listed as a file that is not a report)
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'summary', '.', '--format', 'html', '-o', out], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = JSON.parse(spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'summary', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' }).stdout).reports;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const requests = [];
    page.on('request', (q) => { if (!q.url().startsWith('file:')) requests.push(q.url()); });
    await page.goto(`file://${out}`);
    assert.equal(await page.title(), '政府信息公开工作年度报告审查汇总');
    // One overview row per file.
    assert.equal(await page.locator('table').first().locator('tbody tr').count(), files.length);
    assert.ok(await page.locator('tbody tr', { hasText: 'huaian-2024.pdf' }).first().innerText().then((t) => t.includes('3119') && t.includes('59.5%')));
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
    await browser.close();
  }
});
