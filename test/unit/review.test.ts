// The review record as a reviewer uses it: `gov-report review` records a decision in the folder's
// .gov-report-review.json, and check, SARIF and JSON read it; inline suppressions keep their reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, fingerprint, parse, parseReviewFile, serializeReviewFile, type Decision } from '../../shared/src/index';
import { fixture, root } from '../helpers/util';

const cli = join(root, 'dist', 'cli.js');
const gov = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });

/** A folder with shanghai-2019.html (errors and warnings) and, unless left out, hongze-2024.pdf. */
function folder(pdf = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-review-'));
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'shanghai-2019.html'), join(dir, 'shanghai-2019.html'));
  if (pdf) copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'), join(dir, 'hongze-2024.pdf'));
  return dir;
}

const record = (dir: string) => JSON.parse(readFileSync(join(dir, '.gov-report-review.json'), 'utf8')) as { version: number; decisions: Decision[] };

test('inline suppressions keep their reason (" -- …"): kept, marked dismissed, only when asked; requireReason makes an unexplained one a finding', () => {
  const text = fixture('real', 'beiguan-2023.md');
  const line = text.split('\n').findIndex((l) => /^#{2,4} .*三、/.test(l));
  assert.ok(line > 0);
  const at = (comment: string) => text.split('\n').map((l, k) => (k === line ? `${comment}\n${l}` : l)).join('\n');
  const plain = check(parse(text)).filter((f) => f.ruleId === 'heading-level');
  assert.ok(plain.length > 0);
  for (const [comment, reason] of [['<!-- gov-report-disable-next-line heading-level -- 转换工具生成，已核对 -->', '转换工具生成，已核对'], ['<!-- gov-report-disable-next-line heading-level,row-total -- 理由 -->', '理由'], ['<!-- gov-report-disable-next-line heading-level -->', undefined]] as const) {
    const model = parse(at(comment));
    assert.equal(check(model).filter((f) => f.ruleId === 'heading-level').length, plain.length - 1, comment);
    const kept = check(model, { keepSuppressed: true }).filter((f) => f.review);
    assert.equal(kept.length, 1, comment);
    assert.deepEqual(kept[0]!.review, { decision: 'dismissed', kind: 'inSource', ...(reason ? { reason } : {}) });
    const required = check(model, { requireReason: true }).filter((f) => f.ruleId === 'suppression-reason');
    assert.equal(required.length, reason ? 0 : 1, comment);
  }
});

test('review: a decision is recorded (stable, sorted, atomic), hides a dismissed finding from check, its listing, exit code and --max-warnings, and SARIF carries it as suppressed with its reason', () => {
  const dir = folder();
  const before = gov(dir, 'check', '.', '--format', 'json');
  assert.equal(before.status, 1);
  // Ambiguous: row-total has eleven findings on line 1 of the page; the candidates are listed.
  const ambiguous = gov(dir, 'review', 'shanghai-2019.html', '--dismiss', 'row-total', '--reason', '留空');
  assert.equal(ambiguous.status, 2);
  assert.match(ambiguous.stderr, /规则 row-total 有 11 个问题/);
  assert.match(ambiguous.stderr, /row-total:1:8078/);
  assert.equal(existsSync(join(dir, '.gov-report-review.json')), false, 'nothing written for a usage error');
  // A dismissal needs a reason.
  assert.equal(gov(dir, 'review', 'shanghai-2019.html', '--dismiss', 'review-outcome').status, 2);
  assert.equal(gov(dir, 'review', 'shanghai-2019.html', '--dismiss', 'review-outcome', '--reason', '已核实：均维持').status, 0);
  assert.equal(gov(dir, 'review', 'hongze-2024.pdf', '--dismiss', 'text-table', '--reason', '受理口径不同').status, 0);
  assert.equal(gov(dir, 'review', 'hongze-2024.pdf', '--confirm', 'mixed-format').status, 0);
  const saved = readFileSync(join(dir, '.gov-report-review.json'), 'utf8');
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'written beside and renamed over');
  const parsed = parseReviewFile(saved);
  assert.ok(parsed.ok);
  assert.equal(serializeReviewFile(parsed.decisions), saved, 'the written file is its own stable serialisation');
  assert.deepEqual(record(dir).decisions.map((d) => `${d.report} ${d.rule} ${d.decision}`), ['hongze-2024.pdf mixed-format confirmed', 'hongze-2024.pdf text-table dismissed', 'shanghai-2019.html review-outcome dismissed']);
  assert.ok(record(dir).decisions.every((d) => d.by.length > 0 && /^\d{4}-\d\d-\d\dT/.test(d.at) && /^[0-9a-f]{64}$/.test(d.sha256 ?? '')));

  const after = JSON.parse(gov(dir, 'check', '.', '--format', 'json').stdout) as { files: Array<{ path: string; findings: Array<{ rule: string; decision?: string }>; dismissed?: Array<{ rule: string; reason: string }> }> };
  const shanghai = after.files.find((f) => f.path === 'shanghai-2019.html')!;
  assert.ok(!shanghai.findings.some((f) => f.rule === 'review-outcome'));
  assert.deepEqual(shanghai.dismissed!.map((f) => [f.rule, f.reason]), [['review-outcome', '已核实：均维持']]);
  const hongze = after.files.find((f) => f.path === 'hongze-2024.pdf')!;
  assert.ok(hongze.findings.some((f) => f.rule === 'mixed-format' && f.decision === 'confirmed'));
  // Without the dismissed warning, hongze alone passes --max-warnings 1 (mixed-format is its one warning).
  assert.equal(gov(dir, 'check', 'hongze-2024.pdf', '--max-warnings', '1').status, 0);
  assert.equal(gov(dir, 'check', 'hongze-2024.pdf', '--max-warnings', '0').status, 1);
  // --include-dismissed lists it, marked, and it still counts for nothing.
  const listed = gov(dir, 'check', 'hongze-2024.pdf', '--include-dismissed', '--max-warnings', '1');
  assert.equal(listed.status, 0);
  assert.match(listed.stdout, /text-table 〔已排除：受理口径不同〕/);
  const sarif = JSON.parse(gov(dir, 'check', '.', '--format', 'sarif').stdout) as { runs: Array<{ results: Array<{ ruleId: string; suppressions?: Array<{ kind: string; status: string; justification?: string }> }> }> };
  const suppressed = sarif.runs[0]!.results.filter((r) => r.suppressions);
  assert.deepEqual(suppressed.map((r) => [r.ruleId, r.suppressions![0]]).sort(), [
    ['review-outcome', { kind: 'external', status: 'accepted', justification: '已核实：均维持' }],
    ['text-table', { kind: 'external', status: 'accepted', justification: '受理口径不同' }],
  ]);
});

test('review: a decision survives the report\'s lines moving and its re-export (the PDF saved as Markdown); a changed figure makes it stale, said by check and --list, and --prune removes it', () => {
  const dir = folder();
  assert.equal(gov(dir, 'review', 'hongze-2024.pdf', '--dismiss', 'text-table', '--reason', '受理口径不同').status, 0);
  assert.equal(gov(dir, 'convert', 'hongze-2024.pdf', '--to', 'md', '--out', 'hongze-2024.md').status, 0);
  const md = readFileSync(join(dir, 'hongze-2024.md'), 'utf8');
  // Lines added at the top: every finding moves down.
  writeFileSync(join(dir, 'hongze-2024.md'), `<!-- 审阅用副本 -->\n\n\n${md}`);
  const moved = gov(dir, 'check', 'hongze-2024.md');
  assert.doesNotMatch(moved.stdout, /text-table/);
  assert.match(gov(dir, 'check', 'hongze-2024.md', '--include-dismissed').stdout, /text-table 〔已排除：受理口径不同〕/);
  // The narrative's figure changed: the decision names a finding that is no longer there.
  writeFileSync(join(dir, 'hongze-2024.md'), md.replace('受理政府信息公开申请17件', '受理政府信息公开申请18件'));
  const changed = gov(dir, 'check', 'hongze-2024.md');
  assert.match(changed.stdout, /text-table/);
  assert.match(changed.stdout, /1 条决定找不到对应的问题/);
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'), join(dir, 'hongze-2024.pdf'));
  // The record names hongze-2024.pdf, which still has the finding: current. Removed, the .md stands in for it: stale.
  assert.match(gov(dir, 'review', '--list').stdout, /hongze-2024\.pdf {2}text-table {2}排除 {2}有效/);
  spawnSync('rm', [join(dir, 'hongze-2024.pdf')]);
  assert.match(gov(dir, 'review', '--list').stdout, /hongze-2024\.pdf {2}text-table {2}排除 {2}已过期/);
  assert.match(gov(dir, 'review', '--prune').stdout, /删除了 1 条过期的决定/);
  assert.deepEqual(record(dir).decisions, []);
});

test('review: a malformed or hostile record is an error placed by line; nothing is used from it and nothing in it is lost', () => {
  const dir = folder(false);
  const cases: Array<[string, number]> = [
    ['{\n  "version": 1,\n  "decisions": [\n    { "report": "a.txt", \n', 5],
    [`{\n  "version": 1,\n  "decisions": [\n    ${JSON.stringify({ report: 'a', rule: 'row-total', fingerprint: 'x', subject: 's', decision: 'dismissed', by: 'b', at: 't' })},\n    { "report": "b", "rule": "row-total", "fingerprint": "y", "subject": "s", "decision": "maybe", "by": "b", "at": "t" }\n  ]\n}\n`, 5],
    ['{ "version": 2, "decisions": [] }', 1],
  ];
  for (const [text, line] of cases) {
    writeFileSync(join(dir, '.gov-report-review.json'), text);
    const r = gov(dir, 'check', '.');
    assert.match(r.stderr, new RegExp(`审阅记录 .*第 ${line} 行无法读取`), text);
    assert.equal(gov(dir, 'review', 'shanghai-2019.html', '--confirm', 'text-percentage').status, 2);
    assert.equal(readFileSync(join(dir, '.gov-report-review.json'), 'utf8'), text, 'left as it is');
  }
  // Huge strings are refused by the schema, not kept.
  const huge = parseReviewFile(JSON.stringify({ version: 1, decisions: [{ report: 'x'.repeat(5000), rule: 'r', fingerprint: 'f', subject: 's', decision: 'confirmed', by: 'b', at: 't' }] }));
  assert.equal(huge.ok, false);
});

test('a fingerprint is the rule and what the finding says, not where it stands', () => {
  const a = { ruleId: 'row-total', message: { zh: '“（一）予以公开”行：总计为空，应为 272', en: '' } };
  assert.equal(fingerprint(a), fingerprint({ ...a, message: { zh: '“（一）予以公开”行： 总计为空，应为 272', en: 'x' } }));
  assert.notEqual(fingerprint(a), fingerprint({ ...a, message: { zh: '“（一）予以公开”行：总计为空，应为 273', en: '' } }));
  assert.notEqual(fingerprint(a), fingerprint({ ...a, ruleId: 'balance' }));
});

test('summary hands the decisions over: per report open / confirmed / dismissed, per finding its decision and reason (CSV, JSON, HTML)', () => {
  const dir = folder(false);
  assert.equal(gov(dir, 'review', 'shanghai-2019.html', '--dismiss', 'review-outcome', '--reason', '已核实：均维持').status, 0);
  assert.equal(gov(dir, 'review', 'shanghai-2019.html', '--confirm', 'text-percentage').status, 0);
  const csv = gov(dir, 'summary', '.').stdout.slice(1).split('\n');
  const head = csv[0]!.split(',');
  const row = csv[1]!.split(',');
  const at = (name: string) => row[head.indexOf(name)];
  const checked = JSON.parse(gov(dir, 'check', '.', '--format', 'json').stdout).files[0].findings.length as number;
  assert.deepEqual([at('待处理'), at('已确认'), at('已排除')], [String(checked - 1), '1', '1']);
  const json = JSON.parse(gov(dir, 'summary', '.', '--format', 'json').stdout) as { reports: Array<{ decisions: { open: number; confirmed: number; dismissed: number }; findings: Array<{ rule: string; decision?: string; reason?: string }> }> };
  assert.deepEqual(json.reports[0]!.decisions, { open: checked - 1, confirmed: 1, dismissed: 1 });
  assert.deepEqual(json.reports[0]!.findings.filter((f) => f.decision).map((f) => [f.rule, f.decision, f.reason]), [['text-percentage', 'confirmed', undefined], ['review-outcome', 'dismissed', '已核实：均维持']]);
  const html = gov(dir, 'summary', '.', '--format', 'html').stdout;
  assert.match(html, /<td>已排除<\/td><td>已核实：均维持<\/td>/);
});
