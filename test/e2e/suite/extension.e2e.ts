// Runs inside the real VS Code extension host (code-server's Node host): the extension as a user
// gets it. Waits on events, never on fixed sleeps.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

const REAL = ['beiguan-2023.md', 'guangshui-2024.txt', 'jinxiang-2023.txt', 'weihui-2023.txt', 'yichuan-2020.txt'];

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves when the diagnostics of `uri` change and satisfy `accept` (or already do). */
function diagnosticsFor(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching diagnostics for ${uri.toString()} within ${timeoutMs} ms; have ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.code))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (accept(d)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

/** The CLI's findings for the same file (the bundled CLI of this extension). */
function cliFindings(file: string): Array<{ rule: string; line: number; column: number; message: string }> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'gov-report');
  assert.ok(ext, 'the gov-report extension is loaded');
  // Exit code 1 means "errors found": the output is what matters.
  const r = spawnSync(process.execPath.includes('node') ? process.execPath : 'node', [path.join(ext.extensionPath, 'dist', 'cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout).files[0].findings;
}

interface Status { decision: string; active: boolean; format?: string; errors: number; warnings: number; infos: number }

/** The status bar's state for `uri`, once it satisfies `accept` (the server reports after each check). */
async function statusOf(uri: vscode.Uri, accept: (s: Status) => boolean, timeoutMs = 30_000): Promise<Status> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await vscode.commands.executeCommand<Status | undefined>('gov-report.statusOf', uri.toString());
    if (s && accept(s)) return s;
    if (Date.now() > until) throw new Error(`status of ${uri.toString()}: ${JSON.stringify(s)}`);
    // The state arrives by notification: poll the command on the event loop, not on a fixed sleep.
    await new Promise((r) => setTimeout(r, 20));
  }
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

export function tests(): void {
  describe('gov-report in a real VS Code', () => {
    const timings: string[] = [];
    after(() => console.log(`[e2e timings] ${timings.join('; ')}`));

    for (const name of REAL) {
      it(`${name}: diagnostics equal the CLI's findings`, async () => {
        const uri = workspaceFile(name);
        const expected = cliFindings(uri.fsPath);
        const started = Date.now();
        const ours = (d: readonly vscode.Diagnostic[]) => d.filter((x) => x.source === 'gov-report');
        const waiting = expected.length > 0 ? diagnosticsFor(uri, (d) => ours(d).length === expected.length) : undefined;
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        // Other extensions (Markdown's link checks) may report too: compare ours.
        const diagnostics = ours(waiting ? await waiting : vscode.languages.getDiagnostics(uri));
        if (waiting) timings.push(`${name}: first diagnostics ${Date.now() - started} ms after open`);
        assert.deepEqual(
          diagnostics.map((d) => ({ rule: codeOf(d), line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message })),
          expected.map((f) => ({ rule: f.rule, line: f.line, column: f.column, message: f.message })),
        );
      });

      it(`${name}: the Outline shows each of the six sections once`, async () => {
        const uri = workspaceFile(name);
        await vscode.workspace.openTextDocument(uri);
        // VS Code merges every provider's symbols: for .md files Markdown's own outline lists the
        // headings (once its language server is up), and ours adds only the tables.
        const titles = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '行政复议、行政诉讼情况', '改进情况', '其他需要报告的事项'];
        const until = Date.now() + 30_000;
        let names: string[] = [];
        for (;;) {
          const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
          names = [];
          const walk = (list: readonly vscode.DocumentSymbol[]) => list.forEach((s) => { names.push(s.name); walk(s.children); });
          walk(symbols);
          if (titles.every((t) => names.some((n) => n.includes(t))) || Date.now() > until) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        for (const title of titles) {
          assert.equal(names.filter((n) => /^(#+\s*)?[一二三四五六2][、.]/.test(n) && n.includes(title)).length, 1, `${title}: ${JSON.stringify(names)}`);
        }
        assert.equal(names.filter((n) => n.startsWith('表2')).length, 1);
      });
    }

    it('hover on 第二十条第（五）项 gives the text of the Regulations', async () => {
      const uri = workspaceFile('weihui-2023.txt');
      const doc = await vscode.workspace.openTextDocument(uri);
      const line = doc.getText().split('\n').findIndex((l) => l.includes('第二十条第（五）项'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 4));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果/);
    });

    it('a broken total: the located cause is shown, its quick fix offered, and applying it clears the diagnostic', async () => {
      const uri = workspaceFile('clean-2023.txt');
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      const lineNo = doc.getText().split('\n').findIndex((l) => l.includes('（一）予以公开'));
      const lineText = doc.lineAt(lineNo).text;
      const col = lineText.lastIndexOf('6');
      const typed = Date.now();
      const broken = diagnosticsFor(uri, (d) => d.some((x) => codeOf(x) === 'wrong-cell'));
      await editor.edit((b) => b.replace(new vscode.Range(lineNo, col, lineNo, col + 1), '7'));
      const diagnostics = await broken;
      timings.push(`keystroke → updated diagnostic ${Date.now() - typed} ms`);
      const located = diagnostics.find((x) => codeOf(x) === 'wrong-cell')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, located.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === '将“（一）予以公开”·“总计”改为 6');
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
      const cleared = diagnosticsFor(uri, (d) => !d.some((x) => x.source === 'gov-report'));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await cleared;
      assert.equal(doc.lineAt(lineNo).text, lineText);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it("the writer's case: a figure typed into a cell gives one finding on it, its fix is offered, and fix-all on save keeps what was typed", async () => {
      const uri = workspaceFile('writer-2023.txt');
      const doc = await vscode.workspace.openTextDocument(uri);
      const original = doc.getText();
      const editor = await vscode.window.showTextDocument(doc);
      const lineNo = original.split('\n').findIndex((l) => l.includes('（一）予以公开'));
      const col = doc.lineAt(lineNo).text.indexOf('\t5\t') + 1;
      const broken = diagnosticsFor(uri, (d) => d.some((x) => codeOf(x) === 'wrong-cell'));
      await editor.edit((b) => b.replace(new vscode.Range(lineNo, col, lineNo, col + 1), '15'));
      const typed = doc.getText();
      const ours = (await broken).filter((x) => x.source === 'gov-report');
      assert.deepEqual(ours.map(codeOf), ['wrong-cell'], 'one finding for one typed figure');
      assert.equal(ours[0]!.range.start.line, lineNo);
      assert.equal(ours[0]!.range.start.character, col);
      assert.equal(ours[0]!.message, '“（一）予以公开”·“自然人”为 15，行合计与列合计都表明应为 5');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, ours[0]!.range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(actions.some((a) => a.title === '将“（一）予以公开”·“自然人”改为 5'), JSON.stringify(actions.map((a) => a.title)));
      // The preferred fix is 更新合计 (the totals follow the typed figure); the correction to 5 is offered too.
      assert.match(actions[0]!.title, /^更新合计/);
      // Saving with source.fixAll on: the typed figure is never undone; its totals, computed in the
      // file as opened, follow it (the row's 总计 6 → 16).
      assert.ok(await doc.save());
      const saved = doc.lineAt(lineNo).text.split('\t');
      assert.equal(saved[saved.length - 7], '15', 'fix-all on save kept the typed figure');
      assert.equal(saved[saved.length - 1], '16', 'and the row total followed it');
      assert.notEqual(doc.getText(), typed);
      // Back to the file as it was (the writer's own edit, saved: nothing for fix-all to do).
      const cleared = diagnosticsFor(uri, (d) => !d.some((x) => x.source === 'gov-report'));
      const all = new vscode.WorkspaceEdit();
      all.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      assert.ok(await vscode.workspace.applyEdit(all));
      await cleared;
      assert.equal(doc.getText(), original);
      assert.ok(await doc.save());
    });

    it('a Markdown report named …年度报告.md keeps Markdown (language, preview) and is checked', async () => {
      const uri = workspaceFile('北关区2023年政府信息公开工作年度报告.md');
      const expected = cliFindings(uri.fsPath);
      const checked = diagnosticsFor(uri, (d) => d.filter((x) => x.source === 'gov-report').length === expected.length);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.languageId, 'markdown');
      await checked;
      assert.equal(doc.languageId, 'markdown', 'still Markdown after the check');
      await vscode.commands.executeCommand('markdown.showPreviewToSide');
      await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    });

    it('the status bar: a report shows its format and counts; a notice about the report is not checked until asked', async () => {
      const report = workspaceFile('weihui-2023.txt');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
      const s = await statusOf(report, (x) => x.active);
      assert.equal(s.format, '2021');
      assert.equal(s.errors, vscode.languages.getDiagnostics(report).filter((d) => d.source === 'gov-report' && d.severity === vscode.DiagnosticSeverity.Error).length);
      const notice = workspaceFile('关于做好2023年政府信息公开工作年度报告的通知.txt');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notice));
      const n = await statusOf(notice, (x) => x.decision === 'mentions');
      assert.equal(n.active, false);
      assert.deepEqual(vscode.languages.getDiagnostics(notice).filter((d) => d.source === 'gov-report'), []);
      await vscode.commands.executeCommand('gov-report.checkThisFile');
      assert.equal((await statusOf(notice, (x) => x.decision === 'chosen')).active, true);
      await vscode.commands.executeCommand('gov-report.ignoreThisFile');
      assert.equal((await statusOf(notice, (x) => x.decision === 'ignored')).active, false);
    });

    it('a new untitled file becomes a report when its title is typed, and stays one as lines are added', async () => {
      const doc = await vscode.workspace.openTextDocument({ content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      const claimed = new Promise<vscode.TextDocument>((resolve) => {
        const sub = vscode.workspace.onDidOpenTextDocument((d) => {
          if (d.uri.toString() === doc.uri.toString() && d.languageId === 'gov-report') {
            sub.dispose();
            resolve(d);
          }
        });
      });
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '\n\n某某县人民政府办公室2025年政府信息公开工作年度报告\n'));
      const report = await claimed;
      const current = vscode.window.activeTextEditor!;
      for (const line of ['一、总体情况', '（一）主动公开', '全年主动公开政府信息 120 条。']) {
        await current.edit((b) => b.insert(new vscode.Position(report.lineCount, 0), `${line}\n`));
      }
      assert.equal(vscode.window.activeTextEditor!.document.languageId, 'gov-report');
      const s = await statusOf(report.uri, (x) => x.active);
      assert.equal(s.decision, 'language');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('an untitled report in Markdown (as restored after a reload: plain text) goes back to Markdown; a report is never taken by language detection', async () => {
      const text = ['# 某某县人民政府办公室2025年政府信息公开工作年度报告', '', '## 一、总体情况', '', '全年主动公开政府信息 120 条。', '', '## 二、主动公开政府信息情况', ''].join('\n');
      const doc = await vscode.workspace.openTextDocument({ content: text });
      await vscode.window.showTextDocument(doc);
      const languageOf = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString())?.languageId;
      // The language changes by a message from the extension host: polled on the event loop.
      for (const until = Date.now() + 20_000; languageOf() !== 'markdown' && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
      assert.equal(languageOf(), 'markdown');
      const s = await statusOf(doc.uri, (x) => x.active);
      assert.equal(s.decision, 'structure');
      // VS Code's language detection never switches a report away from the report language.
      assert.equal(vscode.workspace.getConfiguration('workbench.editor', { languageId: 'gov-report' }).get('languageDetection'), false);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('新建政府信息公开工作年度报告: the skeleton is written to the chosen file and opens complete; with zeros it has no error or warning, only its seven unfilled placeholders said', async () => {
      const target = workspaceFile('新建-2025.md');
      const made = await vscode.commands.executeCommand<vscode.Uri>('gov-report.newReport', { agency: '示例县人民政府办公室', year: 2025, layout: 'markdown', cells: 'zero', target: target.toString() });
      assert.equal(made?.toString(), target.toString());
      const doc = vscode.window.activeTextEditor!.document;
      // A file, not an untitled editor: no language-detection hint, the same language after a reload, its own name on Save.
      assert.equal(doc.uri.toString(), target.toString());
      assert.equal(doc.isUntitled, false);
      assert.equal(doc.languageId, 'markdown');
      assert.match(doc.lineAt(0).text, /^# 示例县人民政府办公室2025年政府信息公开工作年度报告$/);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), doc.getText());
      const s = await statusOf(doc.uri, (x) => x.active);
      // With zeros: no error, no warning; each （请在此填写） of the prose is said once (unfilled-text).
      assert.equal(s.errors + s.warnings, 0);
      assert.equal(s.infos, 7);
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
      assert.ok(symbols.length > 0);
      // A file that exists is never replaced.
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('已有的文字'));
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('gov-report.newReport', { agency: '示例县人民政府办公室', year: 2025, layout: 'markdown', cells: 'zero', target: target.toString() });
      assert.equal(again, undefined);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), '已有的文字');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(target);
    });

    it('新建报告 in plain text: the skeleton is a .txt file (or untitled, named after its title, when no file is chosen) in the report language, checked as a report (its unfilled placeholders said, nothing else), and has its outline', async () => {
      const target = workspaceFile('新建-2025.txt');
      await vscode.commands.executeCommand('gov-report.newReport', { agency: '示例县人民政府办公室', year: 2025, layout: 'text', cells: 'zero', target: target.toString() });
      for (const untitled of [false, true]) {
        if (untitled) await vscode.commands.executeCommand('gov-report.newReport', { agency: '示例县人民政府办公室', year: 2025, layout: 'text', cells: 'zero', untitled: true });
        const doc = vscode.window.activeTextEditor!.document;
        assert.equal(doc.isUntitled, untitled);
        // The report language (its editing defaults, word wrap) on the .txt file; the switch is asynchronous.
        const s = await statusOf(doc.uri, (x) => x.active && vscode.window.activeTextEditor!.document.languageId === 'gov-report');
        assert.equal(s.errors + s.warnings, 0);
        assert.equal(s.infos, 7, 'each （请在此填写） is said once (unfilled-text)');
        const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
        assert.ok(symbols.length > 0);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      await vscode.workspace.fs.delete(target);
    });

    it('检查工作区中的所有年度报告: closed reports, PDF and Word included, get their problems without being opened', async () => {
      const closed = workspaceFile('closed-sample-2023.txt');
      const expected = cliFindings(closed.fsPath);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'not open');
      const shown = diagnosticsFor(closed, (d) => d.filter((x) => x.source === 'gov-report').length === expected.length);
      const pdf = workspaceFile('hongze-2024.pdf');
      const pdfExpected = cliFindings(pdf.fsPath);
      // A PDF's problems stand on its rebuilt report, at their lines, so that a click opens it there.
      const rebuilt = vscode.Uri.from({ scheme: 'gov-report-rebuilt', path: `${pdf.path}.md`, query: pdf.toString() });
      const pdfShown = diagnosticsFor(rebuilt, (d) => d.filter((x) => x.source === 'gov-report').length === pdfExpected.length);
      const total = await vscode.commands.executeCommand<{ checked: number; reports: number; errors: number; warnings: number; infos: number }>('gov-report.checkWorkspace');
      const d = await shown;
      assert.deepEqual(d.map((x) => `${codeOf(x)}@${x.range.start.line + 1}`), expected.map((f) => `${f.rule}@${f.line}`));
      // The PDF is counted and its problems name their pages; the summary counts every severity.
      assert.deepEqual((await pdfShown).map((x) => codeOf(x)), pdfExpected.map((f) => f.rule));
      assert.ok((await pdfShown).every((x) => /第 \d+ 页/.test(x.message)));
      assert.ok(total.reports >= 8 && total.infos > 0, JSON.stringify(total));
      assert.ok(!vscode.workspace.textDocuments.some((x) => x.uri.toString() === closed.toString()), 'still not open');
    });

    it("a diagnostic's rule link points at the page shipped with the extension, and the page opens rendered (a Markdown preview)", async () => {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('guangshui-2024.txt')));
      const file = workspaceFile('guangshui-2024.txt');
      const ours = (x: readonly vscode.Diagnostic[]) => x.some((y) => y.source === 'gov-report');
      const d = ours(vscode.languages.getDiagnostics(file)) ? vscode.languages.getDiagnostics(file) : await diagnosticsFor(file, ours);
      const code = d.find((x) => x.source === 'gov-report')!.code as { value: string; target: vscode.Uri };
      // This workbench runs in a browser: the link is the page itself (on the desktop it is the
      // extension's own URI, handled by gov-report.showRule's handler).
      const ext = vscode.extensions.getExtension('gov-report.gov-report')!;
      if (vscode.env.uiKind === vscode.UIKind.Web) assert.equal(code.target.toString(), vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', `${code.value}.md`).toString());
      else assert.equal(code.target.path, `/rule/${code.value}`);
      const opened = new Promise<void>((resolve) => {
        const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
          if (vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes(code.value)))) {
            sub.dispose();
            resolve();
          }
        });
      });
      await vscode.commands.executeCommand('gov-report.showRule', code.value);
      await opened;
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      // What a click on the link does in the browser workbench: the page's file opened. It is shown
      // rendered instead, and no editable tab of it stays.
      const page = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', `${code.value}.md`);
      const preview = new Promise<void>((resolve) => {
        const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
          if (vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes(code.value)))) {
            sub.dispose();
            resolve();
          }
        });
      });
      await vscode.commands.executeCommand('vscode.open', page);
      await preview;
      const textTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.path === page.path);
      for (const until = Date.now() + 10_000; textTabs().length && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
      assert.equal(textTabs().length, 0, 'the page is not left open as an editable file');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('检查 PDF/Word 报告: a published PDF and a .docx open rebuilt beside them, read-only, with diagnostics naming the page or cell and the six sections in the Outline', async () => {
      const cases: Array<[string, string, RegExp]> = [
        ['hongze-2024.pdf', 'text-table', /（第 1 页）$/],
        ['writer-2023.docx', 'wrong-cell', /（表格 2 第 6 行第 10 格）$/],
      ];
      for (const [name, rule, where] of cases) {
        const started = Date.now();
        const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('gov-report.checkPdfOrWord', workspaceFile(name));
        assert.ok(doc, name);
        assert.equal(doc.uri.scheme, 'gov-report-rebuilt');
        assert.equal(doc.languageId, 'markdown');
        const ours = (d: readonly vscode.Diagnostic[]) => d.filter((x) => x.source === 'gov-report');
        const has = (d: readonly vscode.Diagnostic[]) => ours(d).some((x) => codeOf(x) === rule);
        const diagnostics = has(vscode.languages.getDiagnostics(doc.uri)) ? vscode.languages.getDiagnostics(doc.uri) : await diagnosticsFor(doc.uri, has);
        timings.push(`${name}: rebuilt and checked ${Date.now() - started} ms after the command`);
        const finding = ours(diagnostics).find((x) => codeOf(x) === rule)!;
        assert.match(finding.message, where);
        const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
        const names = symbols.map((s) => s.name);
        for (const section of ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项']) {
          assert.equal(names.filter((n) => n.includes(section)).length, 1, `${name}: ${section} in ${JSON.stringify(names)}`);
        }
        // The rebuilt text is the file's: nothing to save (the editor shows it read-only).
        assert.equal(doc.isDirty, false);
      }
      // Saved as Markdown to edit: a new file with the same text, never over an existing one.
      const target = workspaceFile('hongze-2024-rebuilt.md');
      const rebuiltDoc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'gov-report-rebuilt' && d.uri.path.endsWith('hongze-2024.pdf.md'))!;
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('notes.txt')));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gov-report.saveRebuilt', { target: target.toString() });
      assert.equal(written, undefined, 'without a rebuilt editor active nothing is saved');
      await vscode.window.showTextDocument(rebuiltDoc);
      assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('gov-report.saveRebuilt', { target: target.toString() }))?.toString(), target.toString());
      // The clean report, exactly as `gov-report convert --to md` writes it (whole paragraphs, Markdown headings).
      const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'gov-report')!;
      const converted = spawnSync('node', [path.join(ext.extensionPath, 'dist', 'cli.js'), 'convert', workspaceFile('hongze-2024.pdf').fsPath, '--to', 'md'], { encoding: 'utf8' });
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), converted.stdout);
      assert.equal(await vscode.commands.executeCommand('gov-report.saveRebuilt', { target: target.toString() }), undefined, 'an existing file is not replaced');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('a PDF or Word file opened as from the Explorer: the rebuilt report opens in its place (its own editor steps aside); the original is one command away', async () => {
      for (const [name, rule] of [['hongze-2024.pdf', 'text-table'], ['writer-2023.docx', 'wrong-cell']] as const) {
        const file = workspaceFile(name);
        const rebuilt = new Promise<vscode.TextEditor>((resolve) => {
          const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
            if (e?.document.uri.scheme === 'gov-report-rebuilt' && e.document.uri.path.endsWith(`${name}.md`)) {
              sub.dispose();
              resolve(e);
            }
          });
        });
        await vscode.commands.executeCommand('vscode.open', file);
        const editor = await rebuilt;
        const has = (d: readonly vscode.Diagnostic[]) => d.some((x) => x.source === 'gov-report' && codeOf(x) === rule);
        if (!has(vscode.languages.getDiagnostics(editor.document.uri))) await diagnosticsFor(editor.document.uri, has);
        // No tab of the raw file is left behind.
        const rawTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => (tab.input as { uri?: vscode.Uri } | undefined)?.uri?.toString() === file.toString());
        for (const until = Date.now() + 10_000; rawTabs().length && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
        assert.equal(rawTabs().length, 0, `${name}: its own editor stepped aside`);
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('stays silent on an ordinary text file', async () => {
      const uri = workspaceFile('notes.txt');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      // The symbol request is answered after the server has seen the document (messages are ordered).
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
      assert.deepEqual(symbols, []);
      assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
    });
  });
}
