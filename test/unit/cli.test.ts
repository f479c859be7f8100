// The CLI as a user runs it: the bundled dist/cli.js in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { root } from '../helpers/util';

const cli = join(root, 'dist', 'cli.js');
const gov = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

const Checked = z.object({
    path: z.string(),
    encoding: z.enum(['utf-16le', 'utf-16be', 'gb18030']).optional(),
    notes: z.array(z.string()).optional(),
    diff: z.string().optional(),
    formatVersion: z.enum(['2019', '2021']).nullable(),
    year: z.number().int().nullable(),
    sections: z.array(z.object({ number: z.number().int().min(1).max(6), title: z.string(), line: z.number().int().positive() }).strict()),
    tables: z.array(z.object({ id: z.enum(['table1', 'table2', 'table3']), line: z.number().int().positive(), cellsExpected: z.number().int(), cellsFound: z.number().int() }).strict()),
    findings: z.array(z.object({
      rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(),
      line: z.number().int().positive(), column: z.number().int().positive(), endLine: z.number().int().positive(), endColumn: z.number().int().positive(),
      expected: z.number().nullable(), actual: z.number().nullable(), fixable: z.boolean(),
      decision: z.enum(['confirmed', 'dismissed']).optional(), reason: z.string().optional(), decidedIn: z.enum(['inSource', 'external']).optional(),
    }).strict()),
    dismissed: z.array(z.object({ rule: z.string(), decision: z.literal('dismissed') }).passthrough()).optional(),
  }).strict();
const NotChecked = z.union([
  z.object({ path: z.string(), skipped: z.enum(['empty', 'not-a-report', 'partly-read', 'symlink']), message: z.string() }).strict(),
  z.object({ path: z.string(), error: z.enum(['unreadable', 'binary', 'encoding', 'unwritable', 'not-a-file', 'too-large', 'internal', 'timeout']), message: z.string() }).strict(),
]);
const JsonOutput = z.object({ files: z.array(z.union([Checked, NotChecked])) }).strict();

test('check on the real reports: exit 1 (jinxiang has errors), stylish output with a summary', () => {
  const r = gov('check', 'test/fixtures/real');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /test\/fixtures\/real\/guangshui-2024\.txt\n {2}10:1 {2}警告 {2}标题编号“2、”应为“二、” {2}section-numbering/);
  assert.match(r.stdout, /✖ 5 个文件中共 \d+ 个问题（3 个错误/);
});

test('--format json matches the documented shape exactly', () => {
  const r = gov('check', '--format', 'json', 'test/fixtures/real');
  const parsed = JsonOutput.parse(JSON.parse(r.stdout));
  assert.equal(parsed.files.length, 5);
  const jinxiang = Checked.parse(parsed.files.find((f) => f.path.endsWith('jinxiang-2023.txt')));
  assert.equal(jinxiang.formatVersion, '2021');
  assert.equal(jinxiang.year, 2023);
  assert.deepEqual(jinxiang.tables.map((t) => [t.id, t.cellsExpected, t.cellsFound]), [['table1', 10, 9], ['table2', 175, 173], ['table3', 15, 15]]);
  assert.deepEqual(jinxiang.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
  const total = jinxiang.findings.find((f) => f.rule === 'row-total')!;
  assert.deepEqual([total.line, total.expected, total.actual, total.fixable, total.severity], [67, 0, null, true, 'error']);
});

test('--lang en prints English messages', () => {
  const r = gov('check', '--lang', 'en', 'test/fixtures/real/guangshui-2024.txt');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /10:1 {2}warning {2}Heading number "2、" should be "二、" {2}section-numbering/);
});

test('--format sarif is SARIF 2.1.0 with rules and results', () => {
  const r = gov('check', '--format', 'sarif', 'examples/sample-2023.txt');
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'row-total'));
  const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'wrong-cell');
  assert.equal(result.level, 'error');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 37);
});

test('--fix repairs the sample in place and reports it; a second run has nothing to fix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-'));
  const file = join(dir, 'sample.txt');
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), file);
  const r = gov('check', '--fix', file);
  assert.match(r.stdout, /已修复 3 处问题\n {2}13:1 {2}将编号改为“二、” {2}\(section-numbering\)\n {2}37:31 {2}将“（一）予以公开”·“总计”改为 6 {2}\(wrong-cell\)\n {2}66:9 {2}将总计改为 1 {2}\(review-total\)\n\n/);
  const fixed = readFileSync(file, 'utf8');
  assert.match(fixed, /\n二、主动公开政府信息情况\n/);
  assert.match(fixed, /（一）予以公开\t5\t1\t0\t0\t0\t0\t6\n/);
  assert.equal(r.status, 0, 'only the narrative warning is left');
  const again = gov('check', '--fix', file);
  assert.doesNotMatch(again.stdout, /已修复/);
  assert.equal(readFileSync(file, 'utf8'), fixed);
});

test('--dry-run prints the unified diff of what --fix would change and writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-'));
  const file = join(dir, 'sample.txt');
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), file);
  const before = readFileSync(file, 'utf8');
  const r = gov('check', '--fix', '--dry-run', file);
  assert.equal(readFileSync(file, 'utf8'), before, 'nothing written');
  assert.match(r.stdout, /--fix 将做 3 处改动（试运行，未写入）/);
  assert.match(r.stdout, /\n@@ -10,7 \+10,7 @@\n/);
  assert.match(r.stdout, /\n-2、主动公开政府信息情况\n\+二、主动公开政府信息情况\n/);
  assert.match(r.stdout, /\n-三、本年度办理结果\t（一）予以公开\t5\t1\t0\t0\t0\t0\t7\n\+三、本年度办理结果\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6\n/);
  assert.equal(r.status, 1, 'the errors are still there');
  // The diff applies: patch(1) reproduces what --fix writes.
  const diff = r.stdout.slice(r.stdout.indexOf('--- a/'), r.stdout.lastIndexOf('@@') + r.stdout.slice(r.stdout.lastIndexOf('@@')).indexOf('\n\n') + 1);
  assert.ok(diff.startsWith('--- a/'));
  gov('check', '--fix', file);
  const fixed = readFileSync(file, 'utf8');
  const removed = diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).map((l) => l.slice(1));
  const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1));
  for (const l of removed) assert.ok(before.includes(l + '\n') && !fixed.split('\n').includes(l), l);
  for (const l of added) assert.ok(fixed.split('\n').includes(l), l);
});

test('exit 0 for a clean report, 2 for bad usage and unreadable files, never a stack trace', () => {
  assert.equal(gov('check', 'test/fixtures/rules/clean-2023.txt').status, 0);
  for (const args of [[], ['lint'], ['check'], ['check', '--format', 'xml', 'x.txt'], ['check', '--nope', 'x.txt'], ['check', 'does-not-exist.txt']]) {
    const r = gov(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /gov-report: /);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-'));
  const binary = join(dir, 'binary.txt');
  writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02]));
  const r = gov('check', binary);
  assert.equal(r.status, 2);
  assert.match(r.stdout, /binary\.txt\n {2}错误 {2}无法读取：不是文本文件/, 'said for the file, in the report');
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /, 'no stack trace');
});

test('--help and --version', () => {
  assert.match(gov('--help').stdout, /用法: gov-report check/);
  assert.match(gov('--version').stdout, /^\d+\.\d+\.\d+\n$/);
});

/** A folder of what a reviewer downloads: a GBK report, a UTF-16 one, a PDF renamed .txt, an empty file, notes. */
function batchFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-batch-'));
  copyFileSync(join(root, 'test', 'fixtures', 'encodings', 'weihui-2023.gb18030.txt'), join(dir, 'a-weihui-gbk.txt'));
  writeFileSync(join(dir, 'b-guangshui-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(root, 'test', 'fixtures', 'real', 'guangshui-2024.txt'), 'utf8'), 'utf16le')]));
  writeFileSync(join(dir, 'c-scan.txt'), readFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf')).subarray(0, 4000));
  writeFileSync(join(dir, 'd-latin1.txt'), Buffer.from('Jahresbericht \xfcber \xe4 \xf6 \xdf\n', 'latin1'));
  writeFileSync(join(dir, 'e-empty.txt'), '');
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'README.md'), join(dir, 'f-notes.md'));
  return dir;
}

test('a folder with unreadable, empty and non-report files: each is said, the reports are still checked, exit 2', () => {
  const dir = batchFolder();
  const r = gov('check', dir);
  assert.equal(r.status, 2, 'an unreadable file makes the run exit 2');
  assert.match(r.stdout, /a-weihui-gbk\.txt: 按 GB18030 编码读取/);
  assert.match(r.stdout, /b-guangshui-utf16\.txt: 按 UTF-16LE 编码读取/);
  assert.match(r.stdout, /b-guangshui-utf16\.txt\n {2}10:1 {2}警告 {2}标题编号“2、”应为“二、”/, 'the UTF-16 report is read and checked like its UTF-8 original');
  assert.match(r.stdout, /c-scan\.txt\n {2}错误 {2}无法读取：不是文本文件（二进制内容）/);
  assert.match(r.stdout, /d-latin1\.txt\n {2}错误 {2}无法读取：编码无法识别/);
  assert.match(r.stdout, /e-empty\.txt\n {2}— {2}跳过：文件为空/);
  assert.match(r.stdout, /f-notes\.md\n {2}— {2}跳过：不是政府信息公开工作年度报告/);
  assert.match(r.stdout, /跳过 2 个文件，2 个文件无法读取/);
  assert.doesNotMatch(r.stdout, /未发现问题/, 'never a clean verdict over files it could not read');

  const json = JsonOutput.parse(JSON.parse(gov('check', '--format', 'json', dir).stdout));
  const byName = new Map(json.files.map((f) => [f.path.split(/[\\/]/).pop(), f]));
  assert.equal((byName.get('a-weihui-gbk.txt') as { encoding?: string }).encoding, 'gb18030');
  assert.deepEqual((byName.get('a-weihui-gbk.txt') as { findings: unknown[] }).findings, [], 'weihui read from GBK: clean, as its UTF-8 original');
  assert.equal((byName.get('c-scan.txt') as { error?: string }).error, 'binary');
  assert.equal((byName.get('d-latin1.txt') as { error?: string }).error, 'encoding');
  assert.equal((byName.get('f-notes.md') as { skipped?: string }).skipped, 'not-a-report');

  const sarif = JSON.parse(gov('check', '--format', 'sarif', dir).stdout);
  const invocation = sarif.runs[0].invocations[0];
  assert.equal(invocation.executionSuccessful, false);
  const notes = invocation.toolExecutionNotifications as Array<{ level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
  assert.deepEqual(notes.map((n) => `${n.level} ${n.locations[0]!.physicalLocation.artifactLocation.uri.split('/').pop()}`), ['error c-scan.txt', 'error d-latin1.txt', 'note e-empty.txt', 'note f-notes.md']);
});

test('--fix keeps a UTF-16 file in UTF-16 with its BOM, and leaves a GB18030 file as it is, saying why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-enc-'));
  const sample = readFileSync(join(root, 'examples', 'sample-2023.txt'), 'utf8');
  const u16 = join(dir, 'sample-utf16.txt');
  writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]));
  const gbk = join(dir, 'sample-gbk.txt');
  copyFileSync(join(root, 'test', 'fixtures', 'encodings', 'sample-2023.gb18030.txt'), gbk);
  const gbkBefore = readFileSync(gbk);
  const r = gov('check', '--fix', u16, gbk);
  const written = readFileSync(u16);
  assert.deepEqual([...written.subarray(0, 2)], [0xff, 0xfe], 'the BOM is kept');
  const text = written.subarray(2).toString('utf16le');
  assert.match(text, /（一）予以公开\t5\t1\t0\t0\t0\t0\t6\n/, 'the fix is written, in UTF-16');
  assert.ok(readFileSync(gbk).equals(gbkBefore), 'the GB18030 file is not rewritten');
  assert.match(r.stdout, /sample-gbk\.txt: GB18030 编码的文件不自动改写：请另存为 UTF-8 后再用 --fix/);
});

test('a notice that names the annual report is not a report: skipped, never 9 errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-notice-'));
  const file = join(dir, '关于做好2023年度政府信息公开工作年度报告编制发布工作的通知.txt');
  writeFileSync(file, '关于做好2023年度政府信息公开工作年度报告编制发布工作的通知\n\n各乡镇人民政府，县政府各部门：\n\n根据《中华人民共和国政府信息公开条例》规定，现就做好2023年度政府信息公开工作年度报告编制和发布工作通知如下。\n一、按时发布。各单位应于2024年1月31日前发布本机关年度报告。\n二、规范格式。严格按照国办公开办函〔2021〕30号要求编制。\n');
  const r = gov('check', file);
  // Skipped, so nothing was checked: exit 2, as for an empty folder (never a clean 0).
  assert.equal(r.status, 2);
  assert.match(r.stderr, /没有可检查的报告/);
  assert.match(r.stdout, /跳过：不是政府信息公开工作年度报告/);
  assert.doesNotMatch(r.stdout, /错误/);
});

/** A reviewer's folder with a configuration file: the sample (errors, a warning, fixable totals) and a draft. */
function configuredFolder(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-config-'));
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(dir, 'sample-2023.txt'));
  mkdirSync(join(dir, 'drafts'));
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(dir, 'drafts', 'draft.txt'));
  writeFileSync(join(dir, '.gov-report.json'), JSON.stringify(config));
  return dir;
}
const rulesOf = (stdout: string) => JsonOutput.parse(JSON.parse(stdout)).files.flatMap((f) => ('findings' in f ? f.findings.map((x) => x.rule) : []));

test('the configuration file beside the reports: severities, ignored findings (by row), ignored files, language', () => {
  const plain = rulesOf(gov('check', '--format', 'json', join(root, 'examples', 'sample-2023.txt')).stdout);
  assert.ok(plain.includes('text-table') && plain.includes('review-total') && plain.includes('section-numbering'), JSON.stringify(plain));
  const dir = configuredFolder({ rules: { 'text-table': 'off', 'section-numbering': 'info' }, ignoreFindings: [{ rule: 'review-total', row: '表3' }], ignoreFiles: ['drafts/**'], language: 'en' });
  const json = JsonOutput.parse(JSON.parse(spawnSync(process.execPath, [cli, 'check', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' }).stdout));
  assert.deepEqual(json.files.map((f) => f.path), ['sample-2023.txt'], 'the draft is ignored by the configuration (silently, in a folder)');
  const findings = (json.files[0] as { findings: Array<{ rule: string; severity: string; message: string }> }).findings;
  assert.ok(!findings.some((f) => f.rule === 'text-table' || f.rule === 'review-total'));
  assert.equal(findings.find((f) => f.rule === 'section-numbering')?.severity, 'info');
  assert.match(findings.find((f) => f.rule === 'wrong-cell')!.message, /the row total and the column total agree/, 'messages in the configured language');
  // Named on the command line, an ignored file is said.
  const named = spawnSync(process.execPath, [cli, 'check', 'drafts/draft.txt'], { cwd: dir, encoding: 'utf8' });
  assert.match(named.stdout, /drafts\/draft\.txt\n {2}— {2}skipped: ignored by \.gov-report\.json/);
});

test('--config, --ignore, --quiet, --max-warnings', () => {
  const dir = configuredFolder({});
  const elsewhere = join(mkdtempSync(join(tmpdir(), 'gov-report-cfg-')), 'strict.json');
  writeFileSync(elsewhere, JSON.stringify({ rules: { 'wrong-cell': 'off', 'review-total': 'off', 'row-total': 'off' } }));
  const withConfig = rulesOf(gov('check', '--format', 'json', '--config', elsewhere, join(dir, 'sample-2023.txt')).stdout);
  assert.ok(!withConfig.some((r) => ['wrong-cell', 'review-total', 'row-total'].includes(r)), JSON.stringify(withConfig));
  const ignored = JsonOutput.parse(JSON.parse(gov('check', '--format', 'json', '--ignore', '**/drafts/**', dir).stdout));
  assert.deepEqual(ignored.files.map((f) => f.path.split(/[\\/]/).pop()), ['sample-2023.txt']);
  const quiet = JsonOutput.parse(JSON.parse(gov('check', '--format', 'json', '--quiet', join(dir, 'sample-2023.txt')).stdout));
  const severities = (quiet.files[0] as { findings: Array<{ severity: string }> }).findings.map((f) => f.severity);
  assert.ok(severities.length > 0 && severities.every((s) => s === 'error'));
  // Warnings only (errors off): exit 0 within the limit, 1 above it.
  writeFileSync(join(dir, '.gov-report.json'), JSON.stringify({ rules: { 'wrong-cell': 'off', 'review-total': 'off', 'row-total': 'off', 'outcome-total': 'off', balance: 'off' } }));
  const warnings = rulesOf(gov('check', '--format', 'json', join(dir, 'sample-2023.txt')).stdout).length;
  assert.ok(warnings > 0);
  assert.equal(gov('check', '--max-warnings', String(warnings), join(dir, 'sample-2023.txt')).status, 0);
  const over = gov('check', '--max-warnings', String(warnings - 1), join(dir, 'sample-2023.txt'));
  assert.equal(over.status, 1);
  assert.match(over.stderr, new RegExp(`警告数 ${warnings} 超过 --max-warnings ${warnings - 1}`));
  assert.equal(gov('check', '--max-warnings', 'many', dir).status, 2);
});

test('an invalid configuration file: a clear message and exit 2, never a silent default', () => {
  const dir = configuredFolder({ rules: { 'row-totals': 'off' } });
  const r = gov('check', join(dir, 'sample-2023.txt'));
  assert.equal(r.status, 2);
  assert.match(r.stdout, /配置文件 .*\.gov-report\.json 无效：rules: unknown rule "row-totals"/);
  const explicit = gov('check', '--config', join(dir, 'missing.json'), join(dir, 'sample-2023.txt'));
  assert.equal(explicit.status, 2);
  assert.match(explicit.stderr, /配置文件 .*missing\.json 无效：找不到该文件 \/ no such file/);
});

test('the configuration file is looked for up to the project root (.git or package.json), not above it', () => {
  const top = mkdtempSync(join(tmpdir(), 'gov-cfg-'));
  writeFileSync(join(top, '.gov-report.json'), JSON.stringify({ ignoreFindings: [{ rule: '*' }] }));
  const project = join(top, 'project');
  mkdirSync(join(project, '.git'), { recursive: true });
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(project, 'report.txt'));
  const inside = spawnSync(process.execPath, [cli, 'check', 'report.txt'], { cwd: project, encoding: 'utf8' });
  assert.equal(inside.status, 1, 'a config above the project silences nothing');
  // Without the project marker the folder above is the project: its configuration applies.
  const loose = join(top, 'loose');
  mkdirSync(loose);
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(loose, 'report.txt'));
  assert.equal(spawnSync(process.execPath, [cli, 'check', 'report.txt'], { cwd: loose, encoding: 'utf8' }).status, 0);
  // A --config that does not exist is said plainly.
  const missing = spawnSync(process.execPath, [cli, 'check', '--config', 'nope.json', 'report.txt'], { cwd: project, encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stdout + missing.stderr, /找不到该文件 \/ no such file/);
});

test('hostile files in a batch: a device behind a symlink and an oversized file are said, the good report is still checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-hostile-'));
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(dir, 'good.txt'));
  symlinkSync('/dev/zero', join(dir, 'zero.txt'));
  writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(9 * 1024 * 1024, 0x31));
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'good.txt', 'zero.txt', 'huge.txt'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 2);
  const out = JsonOutput.parse(JSON.parse(r.stdout));
  const by = (p: string) => out.files.find((f) => f.path === p) as Record<string, unknown>;
  assert.ok(Array.isArray(by('good.txt').findings) && (by('good.txt').findings as unknown[]).length > 0);
  assert.equal(by('zero.txt').error, 'not-a-file');
  assert.equal(by('huge.txt').error, 'too-large');
  assert.match(String(by('huge.txt').message), /文件过大/);
});

test('a file that runs past the time budget is said as such (exit 2), never a stalled batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-budget-'));
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(dir, 'report.txt'));
  // A budget of a microsecond: the check overruns it (every rule is linear; this is the backstop).
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'report.txt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOV_REPORT_TIME_MS: '0.001' } });
  assert.equal(r.status, 2, r.stderr);
  const file = JsonOutput.parse(JSON.parse(r.stdout)).files[0] as Record<string, unknown>;
  assert.equal(file.error, 'timeout');
  assert.match(String(file.message), /检查超时/);
  // Under the normal budget the same file is checked.
  const normal = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'report.txt'], { cwd: dir, encoding: 'utf8' });
  assert.ok(Array.isArray((JSON.parse(normal.stdout).files[0] as Record<string, unknown>).findings));
});

test('--quiet hides warnings but --max-warnings still counts them (as ESLint does)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-quiet-'));
  const text = readFileSync(join(root, 'test', 'fixtures', 'real', 'guangshui-2024.txt'), 'utf8');
  writeFileSync(join(dir, 'r.txt'), text);
  const base = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'r.txt'], { cwd: dir, encoding: 'utf8' });
  const findings = (JSON.parse(base.stdout).files[0].findings as Array<{ severity: string }>);
  assert.ok(findings.some((f) => f.severity === 'warning') && !findings.some((f) => f.severity === 'error'), 'the fixture has warnings only');
  assert.equal(spawnSync(process.execPath, [cli, 'check', '--quiet', 'r.txt'], { cwd: dir, encoding: 'utf8' }).status, 0);
  assert.equal(spawnSync(process.execPath, [cli, 'check', '--quiet', '--max-warnings', '0', 'r.txt'], { cwd: dir, encoding: 'utf8' }).status, 1);
});

test('the CLI a linter user expects: stdin, --output-file, --rule, --format github, init, print-config, short usage errors, nothing to check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-cli2-'));
  const sample = readFileSync(join(root, 'examples', 'sample-2023.txt'));
  writeFileSync(join(dir, 'r.txt'), sample);
  const at = (args: string[], input?: Buffer) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', ...(input ? { input } : {}) });
  // Standard input, named for its messages.
  const piped = at(['check', '-', '--stdin-filename', 'piped.txt', '--format', 'json'], sample);
  assert.equal(piped.status, 1, piped.stderr);
  const files = JSON.parse(piped.stdout).files as Array<{ path: string; findings: unknown[] }>;
  assert.equal(files[0]!.path, 'piped.txt');
  assert.ok(files[0]!.findings.length > 0);
  // GitHub annotations, one line per finding, file and place as properties.
  const gh = at(['check', '--format', 'github', 'r.txt']);
  assert.match(gh.stdout, /^::error file=r\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=wrong-cell::/m);
  // --rule: a severity for this run; an unknown rule is a usage error with a suggestion, in two lines.
  const off = at(['check', '--format', 'json', '--rule', 'wrong-cell:off', 'r.txt']);
  assert.ok(!(JSON.parse(off.stdout).files[0].findings as Array<{ rule: string }>).some((f) => f.rule === 'wrong-cell'));
  const bad = at(['check', '--rule', 'row-totals:off', 'r.txt']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown rule "row-totals" \(did you mean "row-total"\?\)/);
  assert.ok(bad.stderr.split('\n').filter(Boolean).length <= 2, 'no whole help for a usage error');
  // --output-file: the report in a file, nothing on stdout.
  const out = at(['check', '-o', 'out.json', '--format', 'json', 'r.txt']);
  assert.equal(out.stdout, '');
  assert.ok(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).files.length === 1);
  // init writes a configuration the checker accepts, and never over one; print-config shows it.
  assert.equal(at(['init']).status, 0);
  assert.equal(at(['init']).status, 2);
  const printed = JSON.parse(at(['print-config', 'r.txt']).stdout);
  assert.equal(printed.file, '.gov-report.json');
  assert.equal(printed.config.format, '2021');
  assert.equal(at(['check', 'r.txt']).status, 1);
  // An empty folder: nothing was checked, and that is no success.
  mkdirSync(join(dir, 'empty'));
  const none = at(['check', 'empty']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /没有找到要检查的文件/);
  // English counts read right.
  assert.match(at(['check', '--lang', 'en', 'r.txt']).stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ info\) in 1 file\n/);
});

test('a symbolic link in a folder is not followed, and is said', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-link-'));
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(dir, 'good.txt'));
  symlinkSync('/etc/hostname', join(dir, 'link.txt'));
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  const files = JsonOutput.parse(JSON.parse(r.stdout)).files as Array<{ path: string; skipped?: string }>;
  assert.equal(files.find((f) => f.path === 'link.txt')?.skipped, 'symlink');
  assert.ok(files.some((f) => f.path === 'good.txt'));
});

test('convert --to grid: the tables as read, each cell in its column, the guessed ones marked (any report file)', () => {
  const grid = (file: string) => {
    const r = spawnSync(process.execPath, [cli, 'convert', file, '--to', 'grid'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const cellsOf = (out: string, label: string) => out.split('\n').find((l) => l.startsWith(label))!.slice(label.length).trim().split(/\s+/);
  // Text: a row read in place, 表3's blank 总计 in its own column (not shifted), nothing guessed.
  const sample = grid('examples/sample-2023.txt');
  assert.deepEqual(cellsOf(sample, '一、本年新收政府信息公开申请数量'), ['12', '2', '0', '0', '1', '0', '15']);
  assert.deepEqual(cellsOf(sample, '表3 数据行'), ['1', '0', '0', '0', '·', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
  assert.doesNotMatch(sample.split('说明')[0]!, /[?≈!]\S/);
  // HTML with &nbsp; blanks: the blanks stay in their columns.
  const html = grid('test/fixtures/corpus/shanghai-2019.html');
  assert.deepEqual(cellsOf(html, '（一）予以公开'), ['258', '12', '·', '·', '1', '1', '·']);
  // Under it, the reader's grid as found: the group label spans 20 rows and 1 column, and the
  // rows below it start in the column after the ones it covers.
  const read = html.split('读取器给出的网格')[2]!;
  assert.match(read, /三、本年度办理结果⟨1×20⟩ \| （一）予以公开⟨2×1⟩ \| 258 \| 12 \| · \| · \| 1 \| 1 \| ·/);
  assert.match(read, /（自第 3 列）2\.其他法律行政法规禁止公开 \| · \| ·/);
  // PDF text: the figures split off a line by its spaces are marked as guessed (~).
  assert.match(grid('test/fixtures/derived/huaian-2024.layout.txt'), /一、本年新收政府信息公开申请数量 \| ~3001 \| ~53 \| ~0/);
  // A PDF (ruled table read as a lattice).
  assert.deepEqual(cellsOf(grid('test/fixtures/corpus/huaian-2024.pdf'), '一、本年新收政府信息公开申请数量'), ['3001', '53', '0', '0', '61', '4', '3119']);
  // Crawler text: a split chosen by the identities is marked ≈; rows that cannot be read, !, and listed.
  const glued = grid('test/fixtures/corpus/pingtan-2019-web.txt');
  assert.deepEqual(cellsOf(glued, '一、本年新收政府信息公开申请数量'), ['≈23', '≈0', '≈0', '≈0', '≈0', '≈0', '≈23']);
  assert.match(glued, /! 无法可靠读取: 规范性文件；行政许可/);
  // Converter Markdown: rows placed by position are marked.
  assert.match(grid('test/fixtures/corpus/kewei-2024.md'), /^2\.其他法律行政法规禁止公开 \[按位置\]/m);
  // A row with fewer values than columns: placed in order, every cell marked.
  const dir = mkdtempSync(join(tmpdir(), 'gov-grid-'));
  const short = readFileSync(join(root, 'examples', 'sample-2023.txt'), 'utf8').replace(/（一）予以公开\t5\t1\t0\t0\t0\t0\t7/, '（一）予以公开\t5\t1');
  writeFileSync(join(dir, 'short.txt'), short);
  const r = spawnSync(process.execPath, [cli, 'convert', 'short.txt', '--to', 'grid'], { cwd: dir, encoding: 'utf8' });
  assert.deepEqual(cellsOf(r.stdout, '（一）予以公开'), ['?5', '?1', '?—', '?—', '?—', '?—', '?—']);
});

test('--dry-run without --fix is a usage error, never a silent fix or a silent check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-dry-'));
  const file = join(dir, 'sample.txt');
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), file);
  const before = readFileSync(file, 'utf8');
  const r = gov('check', '--dry-run', file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /gov-report: --dry-run 需要与 --fix 同用 \/ --dry-run needs --fix\n/);
  assert.equal(r.stdout, '', 'no diff and no check');
  assert.equal(readFileSync(file, 'utf8'), before);
  assert.equal(gov('check', '--dry-run', '--fix', file).status, 1, 'with --fix, in either order, it is the dry run');
});

test('a misspelt option gets the closest known option suggested, as a misspelt rule id does', () => {
  const typo = gov('check', '--fromat', 'json', 'examples/sample-2023.txt');
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /未知选项 “--fromat”（是否想用 --format？） \/ unknown option "--fromat" \(did you mean "--format"\?\)/);
  assert.match(gov('check', '--outfile', 'x.json', 'examples').stderr, /did you mean "--output-file"\?/);
  assert.match(gov('check', '--dryrun', '--fix', 'examples').stderr, /did you mean "--dry-run"\?/);
  // Nothing near: no guess (two edits are most of a short name).
  const far = gov('check', '--x', 'examples');
  assert.equal(far.status, 2);
  assert.match(far.stderr, /unknown option "--x"\n/);
});

test('a run whose every file is ignored or not a report checked nothing: exit 2 and said, as for an empty folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-none-'));
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'README.md'), join(dir, 'notes.md'));
  mkdirSync(join(dir, 'drafts'));
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(dir, 'drafts', 'draft.txt'));
  const at = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  const r = at('check', '--ignore', 'drafts/**', '.');
  assert.equal(r.status, 2, r.stdout);
  assert.match(r.stdout, /notes\.md\n {2}— {2}跳过：不是政府信息公开工作年度报告/, 'why the file was skipped is still said');
  assert.doesNotMatch(r.stdout, /✔|已检查 0 个文件|未发现问题/, 'no verdict over nothing');
  assert.match(r.stderr, /^gov-report: 没有可检查的报告：找到的 2 个文件均被忽略或跳过\n$/);
  const en = at('check', '--lang', 'en', '--ignore', 'drafts/**', '.');
  assert.equal(en.status, 2);
  assert.match(en.stderr, /^gov-report: nothing to check: all 2 files found were ignored or skipped\n$/);
  // Every file of the folder ignored: nothing on standard output, as for an empty folder.
  const ignored = at('check', '--ignore', '**', '.');
  assert.equal(ignored.status, 2);
  assert.equal(ignored.stdout, '');
  assert.match(ignored.stderr, /没有可检查的报告/);
  // One report among them is a check, as before.
  assert.equal(at('check', '.').status, 1);
});

test('the unknown-command message names every command there is', () => {
  const r = gov('lint');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /未知命令 “lint”（可用：check、summary、review、convert、init、print-config） \/ unknown command "lint" \(use: check, summary, review, convert, init, print-config\)/);
  // Each named command is one run() dispatches (a usage error of its own, not "unknown command").
  for (const command of ['check', 'summary', 'review', 'convert', 'print-config']) assert.doesNotMatch(gov(command).stderr + gov(command).stdout, /未知命令|unknown command/, command);
});

test('the --max-warnings message follows --lang', () => {
  const file = 'test/fixtures/real/guangshui-2024.txt';
  const en = gov('check', '--lang', 'en', '--max-warnings', '0', file);
  assert.equal(en.status, 1);
  assert.match(en.stderr, /^\d+ warnings? exceeds? --max-warnings 0\n$/);
  assert.doesNotMatch(en.stderr, /\p{Script=Han}/u);
  assert.match(gov('check', '--max-warnings', '0', file).stderr, /^警告数 \d+ 超过 --max-warnings 0\n$/);
});

test('output into a pipe its reader closed (`| head`): no EPIPE crash, the run ends with its own exit code', () => {
  // The reader (`true`) is gone before the CLI has started, so every write meets a closed pipe.
  const r = spawnSync('sh', ['-c', `{ "${process.execPath}" "${cli}" check test/fixtures/rules/clean-2023.txt; echo "exit $?" >&2; } | true`], { cwd: root, encoding: 'utf8' });
  assert.doesNotMatch(r.stderr, /EPIPE|\n\s+at /, 'no crash, no stack trace');
  assert.equal(r.stderr, 'exit 0\n', 'the clean report still exits 0');
});

test('the extension\'s own rule pages (Markdown quoting table rows) are not reports', () => {
  const r = gov('check', '--format', 'json', 'docs/rules');
  const files = JsonOutput.parse(JSON.parse(r.stdout)).files;
  assert.deepEqual(files.filter((f) => !('skipped' in f)).map((f) => f.path), [], 'every page skipped');
  assert.equal(r.status, 2, 'nothing checked');
});

test('summary: the agency of a web page\'s title leaves out the site name after "-"', () => {
  const r = gov('summary', '--format', 'json', 'test/fixtures/corpus/shuyang-fgj-2023.html');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).reports[0].agency, '沭阳县发展和改革局');
});

test('checking a text report starts no PDF reader and loads no workbook library: pdf.js and exceljs only when a PDF or an xlsx is involved', () => {
  // Preloaded into the CLI's process: which bundles it required, and whether it started a worker thread (a PDF's reader).
  const dir = mkdtempSync(join(tmpdir(), 'gov-cli-loads-'));
  const probe = join(dir, 'probe.cjs');
  writeFileSync(probe, `const Module = require('node:module'); const load = Module._load; const seen = [];
Module._load = function (request, ...rest) { seen.push(String(request)); return load.call(this, request, ...rest); };
const threads = require('node:worker_threads'); const Worker = threads.Worker; let workers = 0;
threads.Worker = class extends Worker { constructor(...a) { workers++; super(...a); } };
process.on('exit', () => process.stderr.write('\\nPROBE ' + JSON.stringify({ xlsx: seen.some((s) => s.endsWith('xlsx.js')), workers }) + '\\n'));`);
  const probed = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--require', probe, cli, ...args], { cwd: root, encoding: 'utf8' });
    return JSON.parse(/PROBE (.*)/.exec(r.stderr)?.[1] ?? 'null') as { xlsx: boolean; workers: number };
  };
  // (the workbook library is bundled into dist/xlsx.js, the PDF reader runs pdf.js in a worker thread)
  assert.deepEqual(probed('check', 'test/fixtures/real'), { xlsx: false, workers: 0 });
  assert.deepEqual(probed('summary', '--format', 'csv', 'test/fixtures/real'), { xlsx: false, workers: 0 });
  // The probe sees them when they are wanted.
  assert.ok(probed('check', 'test/fixtures/corpus/hongze-2024.pdf').workers > 0, 'a PDF is read in a worker thread');
  assert.equal(probed('summary', '--format', 'xlsx', '-o', join(dir, 'out.xlsx'), 'test/fixtures/real').xlsx, true);
});
