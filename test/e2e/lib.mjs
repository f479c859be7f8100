// Minimal harness: start code-server, open workbench in Debian chromium via playwright-core.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

// Where setup-code-server.sh installed code-server (default: ./.vscode-e2e under the current directory).
const CODE_SERVER = process.env.CODE_SERVER_BIN || path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '.vscode-e2e', 'node_modules', '.bin', 'code-server');

// workspaceTrust: true leaves Workspace Trust on (a folder opens in Restricted Mode until trusted).
export async function startCodeServer({ port = 8130, workDir, settings = {}, extraArgs = [], installExtensions = [], workspaceTrust = false } = {}) {
  fs.rmSync(workDir, { recursive: true, force: true });
  const ud = path.join(workDir, 'ud'), ext = path.join(workDir, 'ext');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(ext, { recursive: true });
  fs.writeFileSync(path.join(ud, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'update.mode': 'none',
    'security.workspace.trust.enabled': workspaceTrust, 'git.enabled': false, 'editor.hover.delay': 100, 'files.hotExit': 'off',
    ...settings }, null, 2));
  const cfg = path.join(workDir, 'config.yaml');
  fs.writeFileSync(cfg, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  for (const vsix of installExtensions) // e.g. a .vsix built with `vsce package`
    execFileSync(CODE_SERVER, ['--config', cfg, '--user-data-dir', ud, '--extensions-dir', ext, '--install-extension', vsix], { stdio: 'inherit' });
  const t0 = Date.now();
  const log = fs.openSync(path.join(workDir, 'code-server.log'), 'w');
  const proc = spawn(CODE_SERVER, ['--config', cfg, '--user-data-dir', ud, '--extensions-dir', ext,
    '--disable-telemetry', '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--ignore-last-opened', ...extraArgs], { stdio: ['ignore', log, log], detached: true }); // own process group
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try { const r = await fetch(`${url}/healthz`); if (r.ok) break; } catch {}
    if (proc.exitCode !== null) throw new Error('code-server exited, see ' + workDir + '/code-server.log');
    if (Date.now() - t0 > 60000) throw new Error('code-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, url, port, ud, ext, workDir, startupMs: Date.now() - t0,
    // kill the whole process group: code-server, its server process, ext host, file watchers, language servers
    stop: async () => { try { process.kill(-proc.pid, 'SIGTERM'); } catch {} await new Promise((r) => setTimeout(r, 500));
      try { process.kill(-proc.pid, 'SIGKILL'); } catch {} } };
}

/** A TCP port free on the loopback interface now (for code-server). */
export const freePort = () => new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** URL that opens `folder` and optionally loads an extension under development (+ tests) in the Node ext host. */
export function workbenchUrl(cs, { folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = [];
  for (const p of [].concat(extensionDevelopmentPath || [])) payload.push(['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]); // file opened in an editor at startup
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder); else q.set('ew', 'true'); // ew=true: empty window
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${cs.url}/?${q}`;
}

export async function waitForWorkbench(page) {
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
}

/** Open a workspace file through Quick Open (Ctrl+P); retries until the quick input shows up. */
/** Quick Open (Ctrl+P): picks the file `name`. */
export async function quickOpen(page, name) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let i = 0; i < 20 && !(await input.isVisible()); i++) {
    await page.keyboard.press('Control+P');
    try { await input.waitFor({ state: 'visible', timeout: 1000 }); } catch {}
  }
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
}

export async function openFile(page, name) {
  await quickOpen(page, name);
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Run a command from the Command Palette (F1). */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let i = 0; i < 20 && !(await input.isVisible()); i++) {
    await page.keyboard.press('F1');
    try { await input.waitFor({ state: 'visible', timeout: 1000 }); } catch {}
  }
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}
