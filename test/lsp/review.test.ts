// The review record in the editor: on each problem, the quick actions 确认问题 and 排除（填写理由）…;
// the decision goes into the folder's .gov-report-review.json (never into the report), the problem
// leaves the Problems panel (or stays as a hint with gov-report.showDismissed), and the record is
// the one the CLI reads. The overview records a decision too, from a report's row: by the file's
// URI, a PDF's included, each finding named by the fingerprint the overview gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECK_FILES_REQUEST, DISMISS_COMMAND, OVERVIEW_REQUEST, REBUILD_REQUEST, RECORD_DECISION_REQUEST, type CheckFilesResult, type OverviewResult, type RebuildResult, type RecordDecisionResult } from '../../shared/src/protocol';
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

test("the overview's decision on a PDF's finding, by the PDF's URI: into the folder's review record (the PDF untouched), the next overview says dismissed or confirmed, checkFiles no longer counts the dismissed one, its rebuilt report no longer shows it, and the CLI reads the same record", { timeout: 90_000 }, async () => {
  const client = await LspClient.start(root);
  try {
    const dir = mkdtempSync(join(tmpdir(), 'gov-review-pdf-'));
    const path = join(dir, 'hongze-2024.pdf');
    copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'), path);
    const bytes = readFileSync(path);
    const uri = pathToFileURL(path).toString();
    const overview = () => client.request<OverviewResult>(OVERVIEW_REQUEST, { uris: [uri], trusted: true });
    const before = await overview();
    const counted = (c: CheckFilesResult) => c.errors + c.warnings + c.infos;
    const checkedBefore = await client.request<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uri] });
    const entry = before.entries[0]!;
    const prints = before.fingerprints[0]!;
    assert.ok(entry.findings.length >= 3, JSON.stringify(entry.findings.map((f) => f.rule)));
    assert.equal(counted(checkedBefore), entry.findings.length);
    assert.deepEqual(entry.decisions, { open: entry.findings.length, confirmed: 0, dismissed: 0 });
    // A fingerprint for each finding, in the entry's order (rule first), for the page's buttons.
    assert.deepEqual(prints.map((p) => p.split(':')[0]), entry.findings.map((f) => f.rule));
    assert.equal(new Set(prints).size, prints.length);
    // The words of the page's list of problems, as the quick actions name the decisions.
    assert.equal(before.review.confirm, '确认问题（记入审阅记录）');
    assert.equal(before.review.dismiss, '排除（填写理由）…');
    const decision = (k: number) => ({ finding: entry.findings[k]!, print: prints[k]! });
    const dismissed = decision(0);
    const confirmed = decision(1);

    // Recorded by the PDF's URI, as the overview's row names it.
    const refused = await client.request<RecordDecisionResult>(RECORD_DECISION_REQUEST, { uri, fingerprint: dismissed.print, decision: 'dismissed' });
    assert.deepEqual(refused, { ok: false, message: '排除一个问题需要写明理由' });
    const recorded = await client.request<RecordDecisionResult>(RECORD_DECISION_REQUEST, { uri, fingerprint: dismissed.print, decision: 'dismissed', reason: '口径不同，已核实' });
    assert.deepEqual(recorded, { ok: true, path: join(dir, '.gov-report-review.json') });
    assert.equal((await client.request<RecordDecisionResult>(RECORD_DECISION_REQUEST, { uri, fingerprint: confirmed.print, decision: 'confirmed' })).ok, true);
    assert.deepEqual(readFileSync(path), bytes, 'the PDF itself is not changed');
    const record = JSON.parse(readFileSync(join(dir, '.gov-report-review.json'), 'utf8')) as { decisions: Array<{ report: string; rule: string; decision: string; reason?: string; fingerprint: string }> };
    assert.deepEqual(record.decisions.map((d) => [d.report, d.rule, d.fingerprint, d.decision, d.reason]).sort(), [
      ['hongze-2024.pdf', dismissed.finding.rule, dismissed.print, 'dismissed', '口径不同，已核实'],
      ['hongze-2024.pdf', confirmed.finding.rule, confirmed.print, 'confirmed', undefined],
    ].sort());

    // The next overview of that one file: the row's counts and each finding's decision.
    const after = await overview();
    const total = entry.findings.length;
    assert.deepEqual(after.entries[0]!.decisions, { open: total - 2, confirmed: 1, dismissed: 1 });
    const review = after.columns.findIndex((c) => c.key === 'review');
    assert.equal(after.rows[0]!.values[review], `${total - 2}·1·1`);
    const decided = after.entries[0]!.findings.map((f, i) => [after.fingerprints[0]![i], f.decision ?? 'open', f.reason]);
    assert.deepEqual(decided.find(([p]) => p === dismissed.print), [dismissed.print, 'dismissed', '口径不同，已核实']);
    assert.deepEqual(decided.find(([p]) => p === confirmed.print), [confirmed.print, 'confirmed', undefined]);
    // checkFiles counts what the Problems panel lists: the dismissed problem no longer.
    assert.equal(counted(await client.request<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: [uri] })), total - 1);

    // The PDF's rebuilt report (as the client opens it): the dismissed problem is not shown, and no
    // decision is offered again on either.
    const target = `gov-report-rebuilt:${pathToFileURL(path).pathname}.md?${encodeURIComponent(uri)}`;
    const rebuilt = await client.request<RebuildResult>(REBUILD_REQUEST, { source: uri, target });
    assert.ok(rebuilt.ok);
    const published = client.diagnostics(target, 1);
    await client.open(target, rebuilt.markdown, 'markdown');
    const shown = (await published).diagnostics;
    assert.equal(shown.length, total - 1);
    assert.ok(!shown.some((d) => d.code === dismissed.finding.rule && d.message.startsWith(dismissed.finding.message)), 'the dismissed problem is not shown');
    const whole = { start: { line: 0, character: 0 }, end: { line: rebuilt.markdown.split('\n').length, character: 0 } };
    const offered = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: target }, range: whole, context: { diagnostics: shown } });
    const offeredPrints = offered.filter((a) => a.command?.command === DISMISS_COMMAND).map((a) => a.command!.arguments[1]);
    assert.equal(offeredPrints.length, total - 2);
    assert.ok(!offeredPrints.includes(dismissed.print) && !offeredPrints.includes(confirmed.print));

    // The command line reads the same record.
    const cli = JSON.parse(spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', 'hongze-2024.pdf'], { cwd: dir, encoding: 'utf8' }).stdout) as { files: Array<{ findings: Array<{ rule: string; message: string }> }> };
    assert.equal(cli.files[0]!.findings.length, total - 1);
  } finally {
    await client.stop();
  }
});
