// Restricted Mode in the real workbench: a workspace that is not trusted sets gov-report.scope to
// "workspace" in its own .vscode/settings.json. The extension checks the file the user opens, but
// reads no other file of the workspace until the user trusts it; once trusted, the workspace check
// runs (which shows that the setting was there to be obeyed). In a second untrusted folder: the
// workspace check asked for by hand waits and says why; the overview lists the text reports but reads
// no PDF or Word file (a notice says so, with a button to manage trust) until the folder is trusted.
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

// ---- a second folder, not trusted either: the overview and the workspace check asked for by hand
let second;
const overview = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

test('another untrusted folder: the workspace check asked for waits and says why, with the way to trust the folder', async () => {
  second = path.join(workDir, 'ws2');
  fs.mkdirSync(second, { recursive: true });
  const clean = fs.readFileSync(path.join(root, 'test', 'fixtures', 'rules', 'clean-2023.txt'), 'utf8');
  fs.writeFileSync(path.join(second, '文本报告-2023.txt'), clean);
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'), path.join(second, 'hongze-2024.pdf'));
  await page.goto(workbenchUrl(cs, { folder: second }));
  await waitForWorkbench(page);
  await page.getByText('Restricted Mode').first().waitFor({ timeout: 30000 });
  // A report opened (which activates the extension: its status bar item shows) before the command is looked for.
  await openFile(page, '文本报告-2023.txt');
  await page.locator('.statusbar-item', { hasText: /总览|Overview/ }).first().waitFor({ timeout: 60000 });
  await runCommand(page, '检查工作区中的所有年度报告');
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: '受限模式：此工作区未受信任，暂不检查其中的全部报告' }).first();
  await toast.waitFor({ timeout: 15000 });
  await toast.locator('.monaco-button', { hasText: '管理工作区信任' }).waitFor();
  await page.waitForTimeout(500); // the toast slides in
  await page.screenshot({ path: path.join(SHOTS, 'restricted-3-check-waits.png') });
  await toast.locator('.codicon-notifications-clear, .codicon-close').first().click().catch(() => {});
  // Nothing was read: the PDF's problems are not in the Problems panel.
  await runCommand(page, 'View: Focus Problems');
  await page.waitForTimeout(3000);
  assert.equal(await rows().filter({ hasText: 'hongze-2024.pdf' }).count(), 0, 'a PDF of the untrusted workspace was read');
  assert.equal(await page.locator('.notification-toast, .notifications-center', { hasText: /已检查 \d+ 个文件/ }).count(), 0, 'the workspace check ran');
});

test('the overview in an untrusted folder: text reports listed, the PDF listed as waiting (not read), a notice with 管理工作区信任; trusting reads it', async () => {
  assert.ok(second, 'the folder of the test before');
  await page.locator('.statusbar-item', { hasText: /总览|Overview/ }).first().click();
  const row = (name) => overview().locator('.row', { hasText: name }).first();
  await row('文本报告-2023.txt').waitFor({ timeout: 60000 });
  const notice = overview().locator('#trust');
  await notice.waitFor();
  assert.match(await notice.innerText(), /受限模式：此工作区未受信任，PDF 和 Word 文件（1 个）暂不读取，信任此工作区后读取。/);
  const pdf = row('hongze-2024.pdf');
  assert.match(await pdf.locator('.col-status').innerText(), /^待读取：受限模式下不读取 PDF 和 Word 文件/);
  assert.equal(await pdf.locator('.col-received').innerText(), '');
  assert.equal(await row('文本报告-2023.txt').locator('.col-received').innerText(), '15');
  await page.screenshot({ path: path.join(SHOTS, 'restricted-4-overview-untrusted.png') });
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await overview().locator('body.vscode-dark').waitFor();
  await page.waitForTimeout(500); // the workbench's colours follow by a transition
  await page.screenshot({ path: path.join(SHOTS, 'restricted-4b-overview-untrusted-dark.png') });
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await overview().locator('body.vscode-light').waitFor();
  // The notice's button opens the trust editor; trusted, the PDF is read and its row filled in.
  await notice.locator('button').click();
  const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
  await trust.waitFor({ timeout: 30000 });
  await trust.click();
  await page.locator('.tabs-container .tab', { hasText: '年度报告总览' }).first().click();
  await pdf.locator('.col-received', { hasText: /^95$/ }).waitFor({ timeout: 60000 });
  assert.match(await pdf.locator('.col-status').innerText(), /^完整读取/);
  assert.equal(await overview().locator('#trust').isVisible(), false, 'the notice is gone');
  // The workspace check asked for in Restricted Mode has run now, and says what it found.
  await page.locator('.notifications-toasts .notification-toast', { hasText: /已检查 2 个文件（含 PDF 和 Word）：2 份年度报告/ }).first().waitFor({ timeout: 60000 });
  await page.waitForTimeout(500); // the toast slides in
  await page.screenshot({ path: path.join(SHOTS, 'restricted-5-overview-trusted.png') });
});
