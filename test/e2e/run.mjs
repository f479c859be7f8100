// Runs the e2e suite in a real VS Code through @vscode/test-electron. The "VS Code executable" is
// code-shim.mjs, which serves the real workbench with code-server and renders it in chromium
// (see scripts/setup-e2e.sh); on a desktop with VS Code, the same runTests call works unchanged.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = mkdtempSync(join(tmpdir(), 'gov-report-e2e-'));
const folder = join(workspace, 'ws');
mkdirSync(folder);
cpSync(join(root, 'test', 'fixtures', 'real'), folder, { recursive: true });
cpSync(join(root, 'test', 'fixtures', 'rules', 'clean-2023.txt'), join(folder, 'clean-2023.txt'));
cpSync(join(root, 'test', 'fixtures', 'rules', 'clean-2023.txt'), join(folder, 'writer-2023.txt'));
cpSync(join(root, 'examples', 'sample-2023.txt'), join(folder, 'closed-sample-2023.txt'));
// A Markdown report named as agencies name them: it must stay Markdown.
cpSync(join(root, 'test', 'fixtures', 'real', 'beiguan-2023.md'), join(folder, '北关区2023年政府信息公开工作年度报告.md'));
writeFileSync(join(folder, '关于做好2023年政府信息公开工作年度报告的通知.txt'), '关于做好2023年政府信息公开工作年度报告编制工作的通知\n\n各单位：\n请于1月31日前报送本单位2023年政府信息公开工作年度报告。\n');
// A published PDF and a Word file, for 检查 PDF/Word 报告.
cpSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'), join(folder, 'hongze-2024.pdf'));
const made = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test', 'e2e', 'make-docx.ts'), join(folder, 'writer-2023.docx')], { cwd: root, stdio: 'inherit' });
if (made.status !== 0) throw new Error('could not write the .docx fixture');
writeFileSync(join(folder, 'notes.txt'), '会议记录\n一、议题 3 项\n二、参会 12 人\n');
// Writers use the Chinese UI: the setting is read by the server through workspace/configuration.
mkdirSync(join(folder, '.vscode'));
// Fix-all on save, as a writer who trusts it would set it.
writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'gov-report.language': 'zh-CN', 'editor.codeActionsOnSave': { 'source.fixAll.gov-report': 'explicit' } }));

try {
  await runTests({
    vscodeExecutablePath: join(root, 'test', 'e2e', 'code-shim.mjs'),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'suite', 'index.js'),
    launchArgs: [folder],
    extensionTestsEnv: { GOV_REPORT_E2E: '1' },
  });
} catch (e) {
  console.error('e2e tests failed:', e instanceof Error ? e.message : e);
  process.exit(1);
}
