// UI scenarios through the rendered workbench, with the packaged .vsix installed as a user would:
// squiggles and the Problems panel, the Outline, a hover, a quick fix from the keyboard, and a
// new problem after typing. Each scenario saves a screenshot under test-results/ui/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, launchBrowser, freePort, workbenchUrl, waitForWorkbench, openFile, quickOpen, runCommand } from '../e2e/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VSIX = path.join(root, 'gov-report.vsix');
const SHOTS = path.join(root, 'test-results', 'ui');
const workDir = path.join(root, 'test-results', 'ui-run');
fs.mkdirSync(SHOTS, { recursive: true });

let cs;
let browser;
let page;
const timings = [];

before(async () => {
  assert.ok(fs.existsSync(VSIX), 'build the .vsix first: npm run package');
  cs = await startCodeServer({ port: await freePort(), workDir, installExtensions: [VSIX], settings: { 'gov-report.language': 'zh-CN', 'editor.hover.delay': 100, 'outline.collapseItems': 'alwaysCollapse', 'files.hotExit': 'onExitAndWindowClose' } });
  const folder = path.join(workDir, 'ws');
  fs.mkdirSync(folder, { recursive: true });
  const clean = fs.readFileSync(path.join(root, 'test', 'fixtures', 'rules', 'clean-2023.txt'), 'utf8');
  // One wrong total and nothing else, so fixing it empties the Problems panel.
  fs.writeFileSync(path.join(folder, '年度报告-2023.txt'), clean.replace('（一）予以公开\t5\t1\t0\t0\t0\t0\t6', '（一）予以公开\t5\t1\t0\t0\t0\t0\t7'));
  // Last year's report of the same agency (for the overview's year-over-year charts).
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'rules', 'clean-2022.txt'), path.join(folder, '示例县-2022.txt'));
  // A published PDF report, for 检查 PDF/Word 报告.
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'), path.join(folder, 'hongze-2024.pdf'));
  // And a Word file with one mistyped 总计 (written by the docx library, with real merged cells).
  const made = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'e2e', 'make-docx.ts'), path.join(folder, '示例县2023年报告.docx')], { cwd: root, stdio: 'inherit' });
  assert.equal(made.status, 0, 'the .docx fixture');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(workbenchUrl(cs, { folder }));
  await waitForWorkbench(page);
});

after(async () => {
  if (timings.length) console.log(`[ui timings] ${timings.join('; ')}`);
  await browser?.close().catch(() => {});
  await cs?.stop();
});

test.afterEach(async (t) => {
  if (t.passed === false || t.error) await page?.screenshot({ path: path.join(SHOTS, `failed-${t.name.slice(0, 2)}.png`) }).catch(() => {});
});

const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
const problems = () => page.locator('.markers-panel .monaco-list-row');

/** Puts the cursor at a 1-based line and column. */
async function goTo(line, column) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await runCommand(page, 'Go to Line/Column');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

test('1. a report with a wrong total: the squiggle and the Problems panel row with rule id and message', async () => {
  const t0 = Date.now();
  await openFile(page, '年度报告-2023.txt');
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30000 });
  timings.push(`open → first squiggle ${Date.now() - t0} ms (incl. Quick Open and server start)`);
  await runCommand(page, 'View: Focus Problems');
  const row = problems().filter({ hasText: '为 7，行合计与列合计都表明应为 6' }).first();
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /“（一）予以公开”·“总计”为 7，行合计与列合计都表明应为 6/);
  assert.match(text, /wrong-cell/);
  await shot('1-problems');
});

test('2. the Outline lists sections 一 to 六 with their titles', async () => {
  await runCommand(page, 'Explorer: Focus on Outline View');
  const rows = page.locator('.outline-pane .monaco-list-row');
  // Nested items start collapsed: open the report's root so its six sections show.
  const rootRow = rows.filter({ hasText: '政府信息公开工作年度报告' }).first();
  await rootRow.waitFor();
  // Give the Outline the sidebar's height: fold the file explorer section away.
  const explorerHeader = page.locator('.pane-header', { hasText: 'WS' }).first();
  if ((await explorerHeader.getAttribute('aria-expanded')) === 'true') await explorerHeader.click();
  if ((await rootRow.getAttribute('aria-expanded')) !== 'true') {
    await rootRow.click();
    await page.keyboard.press('ArrowRight');
  }
  await rows.filter({ hasText: '六、其他需要报告的事项' }).first().waitFor();
  const text = (await rows.allInnerTexts()).map((s) => s.trim());
  for (const title of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
    assert.ok(text.some((t) => t.startsWith(title)), `${title} in ${JSON.stringify(text)}`);
  }
  await shot('2-outline');
});

test('3. the hover on 第二十条第（五）项 shows the legal text', async () => {
  const line = fs.readFileSync(path.join(workDir, 'ws', '年度报告-2023.txt'), 'utf8').split('\n').findIndex((l) => l.startsWith('第二十条第（五）项')) + 1;
  await goTo(line, 3);
  await runCommand(page, 'Show or Focus Hover');
  const hover = page.locator('.monaco-hover', { hasText: '第二十条第（五）项' }).first();
  await hover.waitFor();
  // Wait for the fade-in to finish so the screenshot shows the hover, not its ghost.
  await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover')].some((h) => h.textContent?.includes('第二十条') && getComputedStyle(h).opacity === '1'));
  assert.match(await hover.innerText(), /办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果/);
  await shot('3-hover');
  await page.keyboard.press('Escape');
});

test('4. the quick fix from the keyboard corrects the total and the Problems panel empties', async () => {
  const lines = fs.readFileSync(path.join(workDir, 'ws', '年度报告-2023.txt'), 'utf8').split('\n');
  const n = lines.findIndex((l) => l.includes('（一）予以公开'));
  await goTo(n + 1, lines[n].lastIndexOf('7') + 1);
  await page.keyboard.press('Control+.');
  const item = page.locator('.action-widget .monaco-list-row', { hasText: '将“（一）予以公开”·“总计”改为 6' }).first();
  await item.waitFor();
  await shot('4a-quickfix-menu');
  for (let i = 0; i < 10 && !(await item.evaluate((el) => el.classList.contains('focused'))); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .view-lines', { hasText: '（一）予以公开' }).first().waitFor();
  await problems().filter({ hasText: 'wrong-cell' }).first().waitFor({ state: 'detached' });
  await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'detached' });
  await shot('4b-after-fix');
});

test('5. typing a wrong number makes a new problem appear', async () => {
  const lines = fs.readFileSync(path.join(workDir, 'ws', '年度报告-2023.txt'), 'utf8').split('\n');
  const n = lines.findIndex((l) => l.startsWith('（七）总计'));
  await goTo(n + 1, lines[n].lastIndexOf('13') + 1);
  const t0 = Date.now();
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('14');
  await problems().filter({ hasText: '“（七）总计”·“总计”为 14' }).first().waitFor();
  timings.push(`keystroke → problem shown ${Date.now() - t0} ms`);
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  await shot('5-typed-wrong-number');
});

test('6. the status bar says the file is checked as a 2021-format report, with its counts', async () => {
  await openFile(page, '年度报告-2023.txt');
  const item = page.locator('.statusbar-item', { hasText: '年度报告 2021 格式' }).first();
  await item.waitFor({ timeout: 30000 });
  assert.match(await item.innerText(), /年度报告 2021 格式/);
  await item.hover();
  await page.locator('.monaco-hover, .statusbar-item-hover, [role="tooltip"]', { hasText: '识别为年度报告' }).first().waitFor({ timeout: 10000 }).catch(() => {});
  await noDetectedLanguageHint();
  await shot('6-status-bar');
});

/** VS Code's language detection offers no other language for a report (its hint is a status bar item). */
async function noDetectedLanguageHint() {
  // Detection runs a moment after a change: give it the time before looking.
  await page.waitForTimeout(2000);
  const bar = await page.locator('.part.statusbar').innerHTML();
  assert.doesNotMatch(bar, /Detected Language|检测到的语言/);
}

test('7. 新建政府信息公开工作年度报告: the template is saved where the writer says and opens complete, in Markdown, its unfilled placeholders said (infos) and no language hint', async () => {
  const input = await newReportUpToDialog('Markdown', '示例县人民政府办公室');
  // Where to save it: the workspace folder and the report's name are proposed; Enter accepts.
  const name = '示例县人民政府办公室2025年政府信息公开工作年度报告.md';
  // The dialog fills its box a moment after it shows.
  for (let i = 0; i < 50 && !(await input.inputValue()).endsWith(name); i++) await page.waitForTimeout(100);
  assert.match(await input.inputValue(), new RegExp(`/ws/${name.replace('.', '\\.')}$`));
  await shot('7a-save-location');
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).first().waitFor({ timeout: 30000 });
  assert.ok(fs.existsSync(path.join(workDir, 'ws', name)));
  await page.locator('.editor-instance .view-lines', { hasText: '示例县人民政府办公室2025年政府信息公开工作年度报告' }).first().waitFor();
  await page.locator('.statusbar-item', { hasText: '年度报告 2021 格式' }).first().waitFor({ timeout: 30000 });
  await noDetectedLanguageHint();
  await runCommand(page, 'View: Focus Problems');
  // The new report's problems are its seven unfilled placeholders, each said once as an info.
  await problems().filter({ hasText: '尚未填写' }).first().waitFor({ timeout: 30000 });
  assert.equal(await problems().filter({ hasText: '尚未填写' }).count(), 7);
  assert.equal(await problems().filter({ hasText: '尚未填写' }).filter({ has: page.locator('.codicon-error, .codicon-warning') }).count(), 0);
  await shot('7-new-report');
});

/** Opens a PDF or Word file with Quick Open: the extension's editor puts the rebuilt report in its place. */
async function openAndCheck(name) {
  await quickOpen(page, name);
  await page.locator(`.tabs-container .tab[aria-label^="${name}.md"]`).first().waitFor({ timeout: 30000 });
  // Its own editor stepped aside: no tab of the raw file.
  await page.locator(`.tabs-container .tab[aria-label^="${name},"], .tabs-container .tab[aria-label="${name}"]`).first().waitFor({ state: 'detached', timeout: 10000 });
  await page.locator('.editor-instance .view-lines', { hasText: '政府信息公开工作年度报告' }).first().waitFor();
  await runCommand(page, 'View: Focus Problems');
}

test('8. a PDF opened from Quick Open: the rebuilt report opens in its place, with its problems naming their pages', async () => {
  const started = Date.now();
  await openAndCheck('hongze-2024.pdf');
  await problems().filter({ hasText: '第 1 页' }).first().waitFor({ timeout: 30000 });
  timings.push(`PDF: opened → problems with pages ${Date.now() - started} ms`);
  assert.ok(await problems().filter({ hasText: '受理政府信息公开申请17件' }).count() >= 1);
  await shot('8-pdf');
  await page.keyboard.press('Escape');
});

test('9. a Word file: the rebuilt report names the table cell of its wrong total', async () => {
  await openAndCheck('示例县2023年报告.docx');
  await problems().filter({ hasText: '表格 2 第 6 行第 10 格' }).first().waitFor({ timeout: 30000 });
  await shot('9-docx');
});

test('10. 年度报告总览: every report of the folder (PDF and Word included) with its figures; a click opens it; light and dark themes', async () => {
  // From the status bar (the reviewer's entry).
  await page.locator('.statusbar-item', { hasText: /总览|Overview/ }).first().click();
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const row = (name) => view.locator('.row', { hasText: name }).first();
  await row('hongze-2024.pdf').waitFor({ timeout: 60000 });
  // The published PDF: 新收 95, 公开率 (50 + 9) ÷ 95; the Word file and the text report are there too.
  const hongze = await row('hongze-2024.pdf').innerText();
  assert.match(hongze, /淮安市洪泽区人民政府[\s\S]*2024[\s\S]*\b95\b[\s\S]*62\.1%/);
  await row('示例县2023年报告.docx').waitFor();
  await row('年度报告-2023.txt').waitFor();
  // Filtered to the reports with errors: the Word file (its mistyped total) stays, the PDF goes.
  await view.locator('#severity').selectOption('error');
  await row('示例县2023年报告.docx').waitFor();
  assert.equal(await view.locator('.row', { hasText: 'hongze-2024.pdf' }).count(), 0);
  await view.locator('#severity').selectOption('');
  // Each agency year over year: 2022 and 2023 of 示例县市场监督管理局, three charts (Chart.js, bundled).
  // (The report made in scenario 7 and the Word file are another agency's two years.)
  await view.locator('#agency').selectOption('示例县市场监督管理局');
  assert.equal(await view.locator('#agency').inputValue(), '示例县市场监督管理局');
  assert.equal(await view.locator('#years li').count(), 2);
  assert.equal(await view.locator('.charts canvas').count(), 3);
  await shot('10a-overview-light');
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await page.waitForTimeout(500); // the theme's colours are applied by a transition
  await shot('10b-overview-dark');
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  // A click opens the report: the PDF as its rebuilt report.
  // (On the file's name: the review counts at the row's end are a button of their own.)
  await row('hongze-2024.pdf').locator('.col-file').click();
  await page.locator('.tabs-container .tab[aria-label^="hongze-2024.pdf.md"]').first().waitFor({ timeout: 30000 });
  // An edit updates the row: the text report's wrong （七）总计 fixed from the keyboard, its error gone.
  assert.equal(await row('年度报告-2023.txt').locator('.col-errors').innerText(), '1');
  await page.locator('.tabs-container .tab', { hasText: '年度报告总览' }).first().click();
  // The click puts the cursor on the report's first problem (its wrong total).
  await row('年度报告-2023.txt').locator('.col-file').click();
  await page.locator('.tabs-container .tab.active[aria-label^="年度报告-2023.txt"]').first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row.focused').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: '年度报告总览' }).first().click();
  await view.locator('.row', { hasText: '年度报告-2023.txt' }).locator('.col-errors', { hasText: /^0$/ }).waitFor({ timeout: 30000 });
  await shot('10c-overview-after-edit');
});

/** Closes the editor tabs whose label starts with `name` (none of them dirty). */
async function closeTabs(name) {
  const tabs = page.locator(`.tabs-container .tab[aria-label^="${name}"]`);
  for (let i = 0; i < 10 && (await tabs.count()) > 0; i++) {
    await tabs.first().click();
    await runCommand(page, 'View: Close Editor');
    await page.waitForTimeout(200);
  }
  assert.equal(await tabs.count(), 0, `${name} closed`);
}

/** The cursor's place as the status bar says it ("Ln 30, Col 7"). */
const cursorAt = async () => (await page.locator('#status\\.editor\\.selection').first().innerText()).trim();

test("11. a PDF's problem in the Problems panel (the workspace check) opens its rebuilt report at the problem, not at line 1", async () => {
  // Its rebuilt report closed (scenarios 8 and 10 opened it): the problems as the workspace check leaves them.
  await closeTabs('hongze-2024.pdf.md');
  await runCommand(page, '检查工作区中的所有年度报告');
  await runCommand(page, 'View: Focus Problems');
  const row = problems().filter({ hasText: '受理政府信息公开申请17件' }).first();
  await row.waitFor({ timeout: 60000 });
  // Listed under the rebuilt report (where a click can go), at its line and column.
  const label = (await row.getAttribute('aria-label')) ?? '';
  const [, line, column] = /line (\d+) and character (\d+)/.exec(label) ?? [];
  assert.ok(Number(line) > 1, label);
  await row.dblclick();
  await page.locator('.tabs-container .tab.active[aria-label^="hongze-2024.pdf.md"]').first().waitFor({ timeout: 30000 });
  // The problem's range selected (the figure 17), the cursor at its end.
  const at = new RegExp(`^Ln ${line}, Col \\d+ \\(2 selected\\)$`);
  for (let i = 0; i < 50 && !at.test(await cursorAt()); i++) await page.waitForTimeout(100);
  assert.match(await cursorAt(), at);
  assert.equal(Number(/Col (\d+)/.exec(await cursorAt())[1]), Number(column) + 2);
  await page.locator('.editor-instance .view-lines', { hasText: '受理政府信息公开申请' }).first().waitFor();
  await shot('11-pdf-problem-opened');
});

test("12. a rule page opens beside the report in a locked preview: the next Markdown file opened does not replace it", async () => {
  await runCommand(page, 'View: Focus Problems');
  // The PDF's text-table problem: its rule link.
  const row = problems().filter({ hasText: '受理政府信息公开申请17件' }).first();
  await row.waitFor({ timeout: 30000 });
  await row.locator('a.monaco-link', { hasText: 'text-table' }).first().click();
  const rulePage = page.locator('.tabs-container .tab[aria-label^="[Preview] text-table.md"]');
  await rulePage.first().waitFor({ timeout: 30000 });
  // Once (in this browser workbench the link opens the page's file, whose tab gives way to the preview).
  await page.waitForTimeout(1500);
  assert.equal(await rulePage.count(), 1, 'one preview of the page');
  // Another Markdown file opened in the report's group: the preview beside it still shows the rule.
  await page.locator('.tabs-container .tab[aria-label^="hongze-2024.pdf.md"]').first().click();
  const other = '示例县人民政府办公室2025年政府信息公开工作年度报告.md';
  const otherTab = page.locator(`.tabs-container .tab[aria-label^="${other}"]`).first();
  // (From the Explorer: Quick Open, with the preview beside, was seen to take Enter before its list was filtered.)
  const explorerHeader = page.locator('.pane-header', { hasText: 'WS' }).first();
  if ((await explorerHeader.getAttribute('aria-expanded')) !== 'true') await explorerHeader.click();
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: other }).first().click();
  await otherTab.waitFor({ timeout: 30000 });
  await page.waitForTimeout(1500);
  assert.equal(await rulePage.count(), 1, 'the rule page is still there');
  assert.equal(await page.locator('.tabs-container .tab[aria-label^="[Preview] 示例县"], .tabs-container .tab[aria-label^="Preview 示例县"]').count(), 0, 'no preview followed the other file');
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('body', { hasText: 'text-table' }).first().waitFor({ timeout: 30000 }).catch(() => {});
  await shot('12-rule-page-locked');
  await rulePage.first().hover();
  await rulePage.first().locator('.codicon-close').first().click();
  await rulePage.first().waitFor({ state: 'detached' });
});

test('13. 将重建的报告另存为 Markdown: the clean report `gov-report convert --to md` writes (the title on one line, # headings, whole paragraphs)', async () => {
  // The rebuilt report (opened by scenario 11, or again).
  const rebuiltTab = page.locator('.tabs-container .tab[aria-label^="hongze-2024.pdf.md"]').first();
  if (await rebuiltTab.count()) await rebuiltTab.click();
  else await openAndCheck('hongze-2024.pdf');
  await page.locator('.tabs-container .tab.active[aria-label^="hongze-2024.pdf.md"]').first().waitFor();
  await runCommand(page, 'Save the Rebuilt Report as Markdown');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  for (let i = 0; i < 50 && !(await input.inputValue()).endsWith('/ws/hongze-2024.md'); i++) await page.waitForTimeout(100);
  assert.match(await input.inputValue(), /\/ws\/hongze-2024\.md$/);
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active[aria-label^="hongze-2024.md"]').first().waitFor({ timeout: 30000 });
  const saved = path.join(workDir, 'ws', 'hongze-2024.md');
  for (let i = 0; i < 50 && !fs.existsSync(saved); i++) await page.waitForTimeout(100);
  const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'convert', path.join(workDir, 'ws', 'hongze-2024.pdf'), '--to', 'md'], { encoding: 'utf8' });
  assert.equal(fs.readFileSync(saved, 'utf8'), cli.stdout);
  assert.match(cli.stdout, /^# 淮安市洪泽区.*政府信息公开工作年度报告$/m);
  await page.locator('.editor-instance .view-lines', { hasText: '# 淮安市洪泽区' }).first().waitFor();
  await shot('13-rebuilt-saved-as-markdown');
});

/** 新建报告 from the palette, up to its save dialog (whose input is returned). */
async function newReportUpToDialog(layout, agency) {
  await runCommand(page, '新建政府信息公开工作年度报告');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: layout }).first().waitFor();
  await input.fill(layout);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: '机关名称' }).first().waitFor();
  await input.fill(agency);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: '报告年度' }).first().waitFor();
  await input.fill('2025');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '填 0' }).first().waitFor();
  await input.fill('填 0');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: '保存位置' }).first().waitFor();
  return input;
}

/** The language the status bar names for the active editor. */
const languageShown = async () => (await page.locator('#status\\.editor\\.mode').first().innerText()).trim();

test('14. 新建报告 as plain text, saved as .txt: the file stays .txt and gets the report language, with its editor defaults (word wrap)', async () => {
  const name = '示例县财政局2025年政府信息公开工作年度报告.txt';
  const input = await newReportUpToDialog('纯文本', '示例县财政局');
  for (let i = 0; i < 50 && !(await input.inputValue()).endsWith(name); i++) await page.waitForTimeout(100);
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).first().waitFor({ timeout: 30000 });
  for (let i = 0; i < 50 && (await languageShown()) !== '政府信息公开年度报告'; i++) await page.waitForTimeout(100);
  assert.equal(await languageShown(), '政府信息公开年度报告');
  assert.ok(fs.existsSync(path.join(workDir, 'ws', name)));
  // Word wrap: 表2's long header row wraps instead of running off the editor (no horizontal scroll).
  await page.setViewportSize({ width: 900, height: 950 });
  await page.waitForTimeout(500);
  const scrollable = await page.locator('.editor-instance .monaco-editor .monaco-scrollable-element.editor-scrollable').first().evaluate((el) => {
    const bar = el.querySelector('.scrollbar.horizontal');
    return bar ? !bar.classList.contains('invisible') && bar.getBoundingClientRect().height > 0 && getComputedStyle(bar).display !== 'none' && bar.querySelector('.slider') !== null && bar.querySelector('.slider').getBoundingClientRect().width > 0 : false;
  });
  assert.equal(scrollable, false, 'no horizontal scrollbar: lines wrap');
  await shot('14-txt-report-language');
  await page.setViewportSize({ width: 1500, height: 950 });
});

test('15. 新建报告 without a file: the untitled report is named "<title>.txt" / "<title>.md", keeps its language after a window reload, and Save As proposes that name', async () => {
  const cases = [
    { layout: '纯文本', agency: '示例县教育局', name: '示例县教育局2025年政府信息公开工作年度报告.txt', language: '政府信息公开年度报告' },
    { layout: 'Markdown', agency: '示例县卫生健康委员会', name: '示例县卫生健康委员会2025年政府信息公开工作年度报告.md', language: 'Markdown' },
  ];
  for (const c of cases) {
    await newReportUpToDialog(c.layout, c.agency);
    // No file chosen (Escape): the report opens untitled all the same, under the proposed name.
    await page.keyboard.press('Escape');
    await page.locator(`.tabs-container .tab.active[aria-label^="${c.name}"]`).first().waitFor({ timeout: 30000 });
    assert.ok(!fs.existsSync(path.join(workDir, 'ws', c.name)), 'not written');
    for (let i = 0; i < 50 && (await languageShown()) !== c.language; i++) await page.waitForTimeout(100);
    assert.equal(await languageShown(), c.language);
  }
  await shot('15a-untitled-reports');
  // A window reload: the untitled reports come back (hot exit) with their names and languages.
  // (Give the backups a moment: they are written shortly after a change.)
  await page.waitForTimeout(2000);
  await page.reload();
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60000 });
  for (const c of cases) {
    const tab = page.locator(`.tabs-container .tab[aria-label^="${c.name}"]`).first();
    await tab.waitFor({ timeout: 60000 });
    await tab.click();
    await page.locator('.editor-instance .view-lines', { hasText: '政府信息公开工作年度报告' }).first().waitFor({ timeout: 30000 });
    // The extension is active again once the status bar says the report is checked.
    await page.locator('.statusbar-item', { hasText: '年度报告 2021 格式' }).first().waitFor({ timeout: 60000 });
    await page.waitForTimeout(1000);
    assert.equal(await languageShown(), c.language, `${c.name}: its language after the reload`);
    await runCommand(page, 'File: Save As...');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor();
    for (let i = 0; i < 50 && !(await input.inputValue()).endsWith(c.name); i++) await page.waitForTimeout(100);
    assert.match(await input.inputValue(), new RegExp(`/ws/${c.name.replace('.', '\\.')}$`));
    await shot(`15${c.layout === 'Markdown' ? 'c' : 'b'}-save-as-${c.layout === 'Markdown' ? 'md' : 'txt'}`);
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Revert and Close Editor');
  }
});

test('16. a reviewer dismisses a problem with a reason (排除（填写理由）…): the review record holds it, the problem leaves the Problems panel, the overview counts it and filters by it', async () => {
  const name = '洪泽区-2024-审阅.txt';
  const file = path.join(workDir, 'ws', name);
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.txt'), file);
  await quickOpen(page, name);
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).first().waitFor({ timeout: 30000 });
  await runCommand(page, 'View: Focus Problems');
  const row = problems().filter({ hasText: '受理政府信息公开申请17件' });
  await row.first().waitFor({ timeout: 30000 });
  // The narrative's 17 against 新收 95 (text-table, at 25:8): the reviewer's quick actions there.
  await goTo(25, 9);
  await page.keyboard.press('Control+.');
  const item = page.locator('.action-widget .monaco-list-row', { hasText: '排除（填写理由）' }).first();
  await item.waitFor();
  await shot('16a-review-actions');
  for (let i = 0; i < 12 && !(await item.evaluate((el) => el.classList.contains('focused'))); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.locator('.quick-input-widget', { hasText: '排除这个问题' }).first().waitFor();
  await input.fill('受理口径不同，已与办公室核实');
  await shot('16b-reason');
  await page.keyboard.press('Enter');
  await row.first().waitFor({ state: 'detached', timeout: 30000 });
  const record = JSON.parse(fs.readFileSync(path.join(workDir, 'ws', '.gov-report-review.json'), 'utf8'));
  assert.deepEqual(record.decisions.map((d) => [d.report, d.rule, d.decision, d.reason]), [[name, 'text-table', 'dismissed', '受理口径不同，已与办公室核实']]);
  assert.equal(fs.readFileSync(file, 'utf8'), fs.readFileSync(path.join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.txt'), 'utf8'), 'the report itself is not changed');
  await shot('16c-dismissed');
  // The overview counts it: 审阅 (待处理 · 已确认 · 已排除) ends in 1 on the report's row.
  await runCommand(page, '年度报告总览');
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await view.locator('.row', { hasText: name }).locator('.col-review', { hasText: /^\d+·0·1$/ }).waitFor({ timeout: 60000 });
  // Filtered by decision: only the reports with a dismissed problem (this one, and the same report
  // saved as the PDF and its Markdown, matched by agency and year).
  await view.locator('#severity').selectOption('dismissed');
  await view.locator('.row', { hasText: '年度报告-2023.txt' }).first().waitFor({ state: 'detached' });
  const shownRows = await view.locator('.row .col-review').allInnerTexts();
  assert.ok(shownRows.length >= 1 && shownRows.every((t) => /·[1-9]\d*$/.test(t.trim())), JSON.stringify(shownRows));
  await shot('16d-overview-dismissed');
  await view.locator('#severity').selectOption('');
});
