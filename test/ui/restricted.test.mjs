// Restricted Mode in the real workbench: a workspace that is not trusted sets gov-report.scope to
// "workspace" in its own .vscode/settings.json. The extension checks the file the user opens, but
// reads no other file of the workspace until the user trusts it; once trusted, the workspace check
// runs (which shows that the setting was there to be obeyed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, launchBrowser, freePort, workbenchUrl, waitForWorkbench, openFile, runCommand } from '../e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VSIX = path.join(root, 'gov-report.vsix');
const SHOTS = path.join(root, 'test-results', 'ui');
const workDir = path.join(root, 'test-results', 'ui-restricted');
fs.mkdirSync(SHOTS, { recursive: true });

let cs;
let browser;
let page;

before(async () => {
  assert.ok(fs.existsSync(VSIX), 'build the .vsix first: npm run package');
  cs = await startCodeServer({ port: await freePort(), workDir, installExtensions: [VSIX], workspaceTrust: true,
    settings: { 'gov-report.language': 'zh-CN', 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' } });
  const folder = path.join(workDir, 'ws');
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'gov-report.scope': 'workspace' }));
  const clean = fs.readFileSync(path.join(root, 'test', 'fixtures', 'rules', 'clean-2023.txt'), 'utf8');
  // Two reports, each with one wrong total: the one opened, and one that only a workspace read finds.
  const wrong = clean.replace('（一）予以公开\t5\t1\t0\t0\t0\t0\t6', '（一）予以公开\t5\t1\t0\t0\t0\t0\t7');
  fs.writeFileSync(path.join(folder, '打开的报告-2023.txt'), wrong);
  fs.writeFileSync(path.join(folder, '未打开的报告-2023.txt'), wrong);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(workbenchUrl(cs, { folder }));
  await waitForWorkbench(page);
});

after(async () => {
  await browser?.close().catch(() => {});
  await cs?.stop();
});

const rows = () => page.locator('.markers-panel .monaco-list-row');

test('an untrusted workspace: the opened report is checked, no other file is read; trusting it starts the workspace check', async () => {
  await page.getByText('Restricted Mode').first().waitFor({ timeout: 30000 });
  await openFile(page, '打开的报告-2023.txt');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60000 });
  await runCommand(page, 'View: Focus Problems');
  await rows().filter({ hasText: '打开的报告-2023.txt' }).first().waitFor();
  // A negative needs a wait: the workspace check, when it runs, lists the other file within about a
  // second of activation (the trusted half below); give it five.
  await page.waitForTimeout(5000);
  assert.equal(await rows().filter({ hasText: '未打开的报告-2023.txt' }).count(), 0, 'a file of the untrusted workspace was read');
  await page.screenshot({ path: path.join(SHOTS, 'restricted-1-untrusted.png') });
  // Trust the folder: the workspace check runs and finds the other report.
  await runCommand(page, 'Workspaces: Manage Workspace Trust');
  const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
  await trust.waitFor({ timeout: 30000 });
  await trust.click();
  await runCommand(page, 'View: Focus Problems');
  await rows().filter({ hasText: '未打开的报告-2023.txt' }).first().waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(SHOTS, 'restricted-2-trusted.png') });
});
