// The review record in the editor: on each problem, the quick actions 确认问题 and 排除（填写理由）…;
// the decision goes into the folder's .gov-report-review.json (never into the report), the problem
// leaves the Problems panel (or stays as a hint with gov-report.showDismissed), and the record is
// the one the CLI reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lspClient';
import { root } from '../helpers/util';

function report(): { dir: string; path: string; uri: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gov-review-lsp-'));
  const path = join(dir, 'hongze-2024.txt');
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.txt'), path);
  return { dir, path, uri: pathToFileURL(path).toString(), text: readFileSync(path, 'utf8') };
}

interface Action { title: string; command?: { command: string; arguments: unknown[] }; diagnostics?: Array<{ code: string }> }

for (const showDismissed of [false, true]) {
  test(`a reviewer dismisses a problem with a reason from its quick action: recorded in the folder's review record, the report untouched, the problem ${showDismissed ? 'a hint with its reason (showDismissed)' : 'gone from the Problems panel'}; the CLI reads the same record`, async () => {
    const client = await LspClient.start(root, { settings: { showDismissed } });
    try {
      const r = report();
      await client.open(r.uri, r.text);
      const first = await client.diagnostics(r.uri);
      const textTable = first.diagnostics.find((d) => d.code === 'text-table')!;
      assert.ok(textTable, JSON.stringify(first.diagnostics.map((d) => d.code)));
      const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: r.uri }, range: textTable.range, context: { diagnostics: [textTable] } });
      const dismiss = actions.find((a) => a.command?.command === 'gov-report.review.dismiss')!;
      const confirm = actions.find((a) => a.command?.command === 'gov-report.review.confirm')!;
      assert.equal(dismiss.title, '排除（填写理由）…');
      assert.equal(confirm.title, '确认问题（记入审阅记录）');
      // The client asks for the reason, then sends the decision with the action's arguments.
      const [uri, print] = dismiss.command!.arguments as [string, string];
      assert.deepEqual(await client.request('gov-report/recordDecision', { uri, fingerprint: print, decision: 'dismissed', reason: '' }), { ok: false, message: '排除一个问题需要写明理由' });
      const next = client.diagnostics(r.uri);
      const recorded = await client.request<{ ok: boolean; path: string }>('gov-report/recordDecision', { uri, fingerprint: print, decision: 'dismissed', reason: '受理口径不同，已核实' });
      assert.equal(recorded.ok, true);
      const after = await next;
      const shown = after.diagnostics.filter((d) => d.code === 'text-table');
      if (showDismissed) {
        assert.equal(shown.length, 1);
        assert.equal(shown[0]!.severity, 4, 'a hint');
        assert.match(shown[0]!.message, /〔已排除：受理口径不同，已核实〕$/);
      } else assert.deepEqual(shown, []);
      assert.equal(readFileSync(r.path, 'utf8'), r.text, 'the report itself is not changed');
      const record = JSON.parse(readFileSync(join(r.dir, '.gov-report-review.json'), 'utf8')) as { decisions: Array<{ report: string; rule: string; decision: string; reason: string }> };
      assert.deepEqual(record.decisions.map((d) => [d.report, d.rule, d.decision, d.reason]), [['hongze-2024.txt', 'text-table', 'dismissed', '受理口径不同，已核实']]);
      // A decided problem is offered no decision again.
      const again = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: r.uri }, range: textTable.range, context: { diagnostics: [] } });
      assert.ok(!again.some((a) => (a.command?.arguments as string[] | undefined)?.[1] === print));
      // The command line reads the same record.
      const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', 'hongze-2024.txt'], { cwd: r.dir, encoding: 'utf8' });
      assert.doesNotMatch(cli.stdout, /text-table/);
    } finally {
      await client.stop();
    }
  });
}

test('the overview counts each report\'s open, confirmed and dismissed problems', async () => {
  const client = await LspClient.start(root);
  try {
    const r = report();
    await client.open(r.uri, r.text);
    const first = await client.diagnostics(r.uri);
    const pick = (code: string) => first.diagnostics.find((d) => d.code === code)!;
    const printOf = async (code: string) => ((await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: r.uri }, range: pick(code).range, context: { diagnostics: [pick(code)] } })).find((a) => a.command?.command === 'gov-report.review.confirm')!.command!.arguments[1]) as string;
    assert.equal((await client.request<{ ok: boolean }>('gov-report/recordDecision', { uri: r.uri, fingerprint: await printOf('mixed-format'), decision: 'confirmed' })).ok, true);
    assert.equal((await client.request<{ ok: boolean }>('gov-report/recordDecision', { uri: r.uri, fingerprint: await printOf('text-table'), decision: 'dismissed', reason: '口径不同' })).ok, true);
    const overview = await client.request<{ entries: Array<{ decisions: { open: number; confirmed: number; dismissed: number } }> }>('gov-report/overview', { uris: [r.uri], trusted: true });
    assert.deepEqual(overview.entries[0]!.decisions, { open: first.diagnostics.length - 2, confirmed: 1, dismissed: 1 });
  } finally {
    await client.stop();
  }
});
