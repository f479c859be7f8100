// The editor's day over the protocol: what the server decided and why (status, output channel),
// the user's per-file choice, completion of labels, and a report being typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hostilePdf } from '../helpers/hostilePdf';
import { LspClient } from '../helpers/lspClient';
import { fixture, REAL, root } from '../helpers/util';

let client: LspClient;
before(async () => {
  client = await LspClient.start(root);
});
after(async () => {
  await client.stop();
});

test('a report: status with its format and counts; the output channel says why', async () => {
  const uri = 'file:///day/weihui-2023.txt';
  const status = client.status(uri);
  const published = client.diagnostics(uri, 1);
  await client.open(uri, fixture('real', 'weihui-2023.txt'));
  const s = await status;
  const d = (await published).diagnostics;
  assert.equal(s.active, true);
  assert.equal(s.decision, 'structure');
  assert.equal(s.format, '2021');
  assert.equal(s.errors, d.filter((x) => x.severity === 1).length);
  assert.equal(s.warnings, d.filter((x) => x.severity === 2).length);
  assert.match(s.detail, /^识别为年度报告：标题“.*年度报告”，6 个部分，3 张表，2021 年格式$/);
  // A response comes after every message sent before it: the log line has arrived by then.
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(client.log.some((l) => l.startsWith('weihui-2023.txt: 识别为年度报告')), JSON.stringify(client.log));
});

test('a notice about the report: not checked, the status says why, and "check this file" makes it checked', async () => {
  const uri = 'file:///day/notice.txt';
  const text = '关于做好2023年政府信息公开工作年度报告编制工作的通知\n\n各单位：\n请于1月31日前报送本单位2023年政府信息公开工作年度报告。\n';
  const status = client.status(uri);
  await client.open(uri, text);
  const s = await status;
  assert.equal(s.active, false);
  assert.equal(s.decision, 'mentions');
  assert.match(s.detail, /^未识别为年度报告/);
  const checked = client.status(uri, (x) => x.decision === 'chosen');
  await client.connection.sendNotification('gov-report/setChoice', { uri, choice: 'check' });
  assert.equal((await checked).active, true);
  const ignored = client.status(uri, (x) => x.decision === 'ignored');
  const cleared = client.diagnostics(uri);
  await client.connection.sendNotification('gov-report/setChoice', { uri, choice: 'ignore' });
  assert.equal((await ignored).active, false);
  assert.deepEqual((await cleared).diagnostics, []);
});

test('typing a report in the report language: the title alone, then the first 表2 row, without a flood', async () => {
  const uri = 'untitled:Untitled-1';
  const title = '某某县人民政府办公室2025年政府信息公开工作年度报告';
  const first = client.diagnostics(uri, 1);
  await client.open(uri, title, 'gov-report');
  assert.deepEqual((await first).diagnostics.map((d) => d.message), ['缺少第一至六部分', '缺少表1“主动公开政府信息情况”、表2“收到和处理政府信息公开申请情况”、表3“政府信息公开行政复议、行政诉讼情况”']);
  const row = `\n\n三、收到和处理政府信息公开申请情况\n\n一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t6`;
  const second = client.diagnostics(uri, 2);
  await client.change(uri, 2, [{ range: { start: { line: 0, character: title.length }, end: { line: 0, character: title.length } }, text: row }]);
  const messages = (await second).diagnostics.map((d) => d.message);
  assert.ok(messages.length <= 4, JSON.stringify(messages));
  assert.ok(messages.some((m) => /^表2 缺少 24 行：/.test(m)), JSON.stringify(messages));
});

test('completion inserts the full official label: sections, 第二十条 items, 表2 rows', async () => {
  const uri = 'file:///day/completion.txt';
  const text = fixture('rules', 'clean-2023.txt') + '\n（一）予以\n';
  const d = client.diagnostics(uri, 1);
  await client.open(uri, text, 'gov-report');
  await d;
  const line = text.split('\n').length - 2;
  const items = await client.request<Array<{ label: string; textEdit: { newText: string; range: { start: { character: number } } } }>>('textDocument/completion', { textDocument: { uri }, position: { line, character: 5 } });
  const granted = items.find((i) => i.label === '（一）予以公开');
  assert.ok(granted, 'the 表2 row');
  assert.equal(granted.textEdit.range.start.character, 0, 'replaces what was typed of it');
  assert.ok(items.some((i) => i.label === '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'));
  assert.ok(items.some((i) => i.label === '五、存在的主要问题及改进情况'));
  assert.ok(items.some((i) => i.label === '第二十条第（八）项'));
  // Inside a sentence nothing is offered.
  const none = await client.request<unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: text.split('\n').findIndex((l) => l.length > 40), character: 40 } });
  assert.deepEqual(none, []);
});

test('the editor and the CLI give the same findings for the same file and configuration (the examples)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-parity-'));
  writeFileSync(join(dir, '.gov-report.json'), JSON.stringify({ rules: { 'section-numbering': 'off', 'text-table': 'info' }, ignoreFindings: [{ rule: 'review-total', row: '表3' }, { rule: 'blank-value', section: '二' }] }));
  for (const name of [...REAL, 'sample-2023.txt']) {
    const path = join(dir, name);
    copyFileSync(name === 'sample-2023.txt' ? join(root, 'examples', name) : join(root, 'test', 'fixtures', 'real', name), path);
    const cli = JSON.parse(spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', path], { encoding: 'utf8' }).stdout) as { files: Array<{ findings: Array<{ rule: string; line: number; column: number; severity: string; message: string }> }> };
    const uri = pathToFileURL(path).toString();
    const published = client.diagnostics(uri, 1);
    await client.open(uri, readFileSync(path, 'utf8'), name.endsWith('.md') ? 'markdown' : 'plaintext');
    const SEVERITY = ['', 'error', 'warning', 'info'];
    assert.deepEqual(
      (await published).diagnostics.map((d) => ({ rule: d.code, line: d.range.start.line + 1, column: d.range.start.character + 1, severity: SEVERITY[d.severity ?? 0], message: d.message })),
      cli.files[0]!.findings.map((f) => ({ rule: f.rule, line: f.line, column: f.column, severity: f.severity, message: f.message })),
      name,
    );
  }
});

test('silencing from the lightbulb: a comment in Markdown, the configuration file in plain text; an invalid file is said', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-silence-'));
  const path = join(dir, 'sample-2023.txt');
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), path);
  const uri = pathToFileURL(path).toString();
  const published = client.diagnostics(uri, 1);
  await client.open(uri, readFileSync(path, 'utf8'));
  const located = (await published).diagnostics.find((d) => d.code === 'wrong-cell')!;
  type Action = { title: string; edit: { documentChanges?: Array<{ kind?: string; uri?: string; textDocument?: { uri: string }; edits?: Array<{ newText: string }> }>; changes?: Record<string, Array<{ newText: string }>> } };
  const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: located.range, context: { diagnostics: [located], only: ['quickfix'] } });
  const titles = actions.map((a) => a.title);
  const ignore = actions.find((a) => a.title === '在此处忽略 wrong-cell（写入 .gov-report.json）');
  const off = actions.find((a) => a.title === '关闭规则 wrong-cell（写入 .gov-report.json）');
  assert.ok(ignore && off, JSON.stringify(titles));
  assert.ok(titles.indexOf('将“（一）予以公开”·“总计”改为 6') < titles.indexOf(ignore.title), 'fixes first');
  const changes = ignore.edit.documentChanges!;
  assert.deepEqual(changes[0], { kind: 'create', uri: pathToFileURL(join(dir, '.gov-report.json')).toString(), options: { ignoreIfExists: true } });
  const written = JSON.parse(changes[1]!.edits![0]!.newText);
  assert.deepEqual(written, { ignoreFindings: [{ rule: 'wrong-cell', row: '（一）予以公开' }] });
  // Written to disk (as the editor would), the finding is gone and the others stay.
  writeFileSync(join(dir, '.gov-report.json'), changes[1]!.edits![0]!.newText);
  const again = client.diagnostics(uri);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.gov-report.json')).toString(), type: 1 }] });
  const after = (await again).diagnostics;
  assert.ok(!after.some((d) => d.code === 'wrong-cell'));
  assert.ok(after.some((d) => d.code === 'review-total'));
  // An invalid file: one warning at the top of the report, the defaults used.
  writeFileSync(join(dir, '.gov-report.json'), '{"rules":{"wrong-cel":"off"}}');
  const invalid = client.diagnostics(uri);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.gov-report.json')).toString(), type: 2 }] });
  const d = (await invalid).diagnostics;
  assert.equal(d[0]!.code, 'config-invalid');
  assert.match(d[0]!.message, /配置文件 .*\.gov-report\.json 无效，已按默认设置检查：rules: unknown rule "wrong-cel"/);
  assert.ok(d.some((x) => x.code === 'wrong-cell'));

  // Markdown, outside a table: a comment before the line.
  const mdUri = 'file:///day/comment.md';
  const md = fixture('real', 'beiguan-2023.md');
  const mdPublished = client.diagnostics(mdUri, 1);
  await client.open(mdUri, md, 'markdown');
  const outside = (await mdPublished).diagnostics.find((x) => x.code === 'heading-level')!;
  {
    const mdActions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri: mdUri }, range: outside.range, context: { diagnostics: [outside], only: ['quickfix'] } });
    const comment = mdActions.find((a) => a.title === `在此处忽略 ${outside.code}（插入注释）`);
    assert.ok(comment, JSON.stringify(mdActions.map((a) => a.title)));
    assert.equal(comment.edit.changes![mdUri]![0]!.newText, `<!-- gov-report-disable-next-line ${outside.code} -->\n`);
  }
});

test('checking the workspace: closed reports (PDF and Word too) are read from disk and their problems published; other files stay silent', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-ws-'));
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(dir, 'sample-2023.txt'));
  copyFileSync(join(root, 'test', 'fixtures', 'real', 'guangshui-2024.txt'), join(dir, 'guangshui-2024.txt'));
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'), join(dir, 'hongze-2024.pdf'));
  writeFileSync(join(dir, 'notes.txt'), '会议记录\n一、议题 3 项\n');
  const names = ['sample-2023.txt', 'guangshui-2024.txt', 'hongze-2024.pdf', 'notes.txt'];
  const uris = names.map((n) => pathToFileURL(join(dir, n)).toString());
  const sample = client.diagnostics(uris[0]!);
  const pdf = client.diagnostics(uris[2]!);
  const summary = await client.request<{ checked: number; reports: number; errors: number; warnings: number; infos: number }>('gov-report/checkFiles', { uris });
  const cli = JSON.parse(spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--format', 'json', ...names.slice(0, 3).map((n) => join(dir, n))], { encoding: 'utf8' }).stdout) as { files: Array<{ findings: Array<{ rule: string; line: number; severity: string; message: string }> }> };
  const all = cli.files.flatMap((f) => f.findings);
  const count = (severity: string) => all.filter((f) => f.severity === severity).length;
  assert.deepEqual(summary, { checked: 4, reports: 3, errors: count('error'), warnings: count('warning'), infos: count('info') });
  // The PDF's problems stand on the file itself, each naming its page, as the CLI lists them.
  const onPdf = (await pdf).diagnostics;
  assert.ok(onPdf.length > 0);
  assert.deepEqual(onPdf.map((d) => d.code), cli.files[2]!.findings.map((f) => f.rule));
  for (const d of onPdf) {
    assert.match(d.message, /第 \d+ 页/);
    assert.deepEqual(d.range.start, { line: 0, character: 0 });
  }
  const published = await sample;
  assert.equal(published.version, undefined, 'no editor version for a closed file');
  assert.deepEqual(published.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`), cli.files[0]!.findings.map((f) => `${f.rule}@${f.line}`));
  assert.ok(!client.published.some((p) => p.uri === uris[3] && p.diagnostics.length > 0), "notes.txt is no report");
});

test('the workspace scope: closing a report keeps its problems (as saved); the open-files scope clears them', async () => {
  const scoped = await LspClient.start(root, { settings: { scope: 'workspace' } });
  try {
    const dir = mkdtempSync(join(tmpdir(), 'gov-report-scope-'));
    const path = join(dir, 'sample-2023.txt');
    copyFileSync(join(root, 'examples', 'sample-2023.txt'), path);
    const uri = pathToFileURL(path).toString();
    const opened = scoped.diagnostics(uri, 1);
    await scoped.open(uri, readFileSync(path, 'utf8'));
    const whileOpen = (await opened).diagnostics.length;
    assert.ok(whileOpen > 0);
    const afterClose = scoped.diagnostics(uri);
    await scoped.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.equal((await afterClose).diagnostics.length, whileOpen);
  } finally {
    await scoped.stop();
  }
  const uri = 'file:///day/closing.txt';
  const opened = client.diagnostics(uri, 1);
  await client.open(uri, fixture('..', '..', 'examples', 'sample-2023.txt'));
  await opened;
  const cleared = client.diagnostics(uri);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  assert.deepEqual((await cleared).diagnostics, []);
});

test('hover on a figure the narrative quotes: the cell or sum it is compared with, written out', async () => {
  const uri = 'file:///day/shuyang-2025.md';
  const text = fixture('corpus', 'shuyang-2025.md');
  const d = client.diagnostics(uri, 1);
  await client.open(uri, text, 'markdown');
  await d;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('受理政府信息公开申请 749 件'));
  const character = lines[line]!.indexOf('749') + 1;
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  assert.equal(hover.contents.value, '表2“一、本年新收”总计 = 713\n\n文中 749 = 新收 713 + 上年结转 36 ✓');
  const sampleUri = 'file:///day/sample-hover.txt';
  const sample = fixture('..', '..', 'examples', 'sample-2023.txt');
  const d2 = client.diagnostics(sampleUri, 1);
  await client.open(sampleUri, sample);
  await d2;
  const l2 = sample.split('\n').findIndex((l) => l.includes('申请14件'));
  const h2 = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: sampleUri }, position: { line: l2, character: sample.split('\n')[l2]!.indexOf('14') } });
  assert.equal(h2.contents.value, '表2“一、本年新收”总计 = 15\n\n文中 14 与表格不符 ✗');
});

test('PDF and Word reports: gov-report/rebuild reads the file, the rebuilt document is checked as a report, and each problem names its page', async () => {
  const source = pathToFileURL(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf')).toString();
  const target = 'gov-report-rebuilt:/corpus/hongze-2024.pdf.md';
  const r = await client.request<{ ok: boolean; markdown: string; from: string }>('gov-report/rebuild', { source, target });
  assert.equal(r.ok, true);
  assert.equal(r.from, 'pdf');
  const published = client.diagnostics(target, 1);
  const status = client.status(target);
  await client.open(target, r.markdown, 'markdown');
  const d = (await published).diagnostics;
  // The status bar says where the report came from (not "you chose to check this file").
  assert.equal((await status).decision, 'rebuilt');
  assert.deepEqual(d.map((x) => [x.code, /（第 (\d) 页）$/.exec(x.message)?.[1]]), [['text-table', '1'], ['row-label', '3'], ['mixed-format', '4']]);
  const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: target } });
  assert.ok(symbols.length > 0);
  // Not a PDF or Word file, or a file that is not there: a clear answer, no document.
  const missing = await client.request<{ ok: boolean; message: string }>('gov-report/rebuild', { source: pathToFileURL(join(root, 'nothing-here.pdf')).toString(), target: 'gov-report-rebuilt:/x.pdf.md' });
  assert.equal(missing.ok, false);
  assert.match(missing.message, /ENOENT/);
  const text = await client.request<{ ok: boolean }>('gov-report/rebuild', { source: pathToFileURL(join(root, 'README.md')).toString(), target: 'gov-report-rebuilt:/README.md.md' });
  assert.equal(text.ok, false);
});

test('a rule page shipped with the extension (docs/rules) is read, never checked as a report', async () => {
  // The server runs from dist/: its rule pages are docs/rules beside it.
  const page = join(root, 'docs', 'rules', 'row-total.md');
  const uri = pathToFileURL(page).href;
  const status = client.status(uri);
  const published = client.diagnostics(uri, 1);
  await client.open(uri, readFileSync(page, 'utf8'), 'markdown');
  assert.equal((await status).active, false);
  assert.deepEqual((await published).diagnostics, []);
});

test('the overview over the protocol: a PDF read in part is said so (部分读取), and one whose readable part shows no report is not called "not a report"', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-partly-'));
  writeFileSync(join(dir, 'four.pdf'), hostilePdf('nested', { depth: 6, pages: 4 }));
  writeFileSync(join(dir, 'one.pdf'), hostilePdf('nested', { depth: 6 }));
  const uris = ['four.pdf', 'one.pdf'].map((n) => pathToFileURL(join(dir, n)).toString());
  const r = await client.request<{ columns: Array<{ key: string }>; rows: Array<{ uri: string; values: unknown[]; state: string }> }>('gov-report/overview', { uris });
  const status = (name: string) => {
    const row = r.rows.find((x) => x.uri.endsWith(name))!;
    return [row.state, String(row.values[r.columns.findIndex((c) => c.key === 'status')])];
  };
  assert.deepEqual(status('four.pdf'), ['skipped', '跳过：已读取的部分没有报告标题，也没有报告的部分或表格，但文件有内容未能读取（第 2、3、4、5、6 页过于复杂，未读取），无法判断是否为政府信息公开工作年度报告']);
  assert.deepEqual(status('one.pdf'), ['checked', '部分读取：文件有内容未能读取']);
});

test('the overview over the protocol: a row per file (the PDF with its figures, a file that is no report with why); its exports read back (CSV, XLSX)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-overview-'));
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(dir, 'sample-2023.txt'));
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'huaian-2024.pdf'), join(dir, 'huaian-2024.pdf'));
  writeFileSync(join(dir, 'notes.txt'), '会议记录\n一、议题 3 项\n');
  const uris = ['sample-2023.txt', 'huaian-2024.pdf', 'notes.txt'].map((n) => pathToFileURL(join(dir, n)).toString());
  const r = await client.request<{ columns: Array<{ key: string }>; rows: Array<{ uri: string; values: unknown[]; state: string }>; entries: unknown[] }>('gov-report/overview', { uris });
  const at = (key: string) => r.columns.findIndex((c) => c.key === key);
  const huaian = r.rows.find((x) => x.uri.endsWith('huaian-2024.pdf'))!;
  assert.deepEqual([huaian.values[at('received')], huaian.values[at('handled')], huaian.values[at('disclosureRate')]], [3119, 3050, (1362 + 454) / 3050]);
  const notes = r.rows.find((x) => x.uri.endsWith('notes.txt'))!;
  assert.equal(notes.state, 'skipped');
  assert.match(String(notes.values[at('status')]), /^跳过：不是政府信息公开工作年度报告/);
  const csv = await client.request<{ text: string }>('gov-report/export', { entries: r.entries, format: 'csv' });
  assert.ok(csv.text.startsWith('\uFEFF文件,机关,年度'));
  assert.equal(csv.text.trim().split('\r\n').length, 4);
  const xlsx = await client.request<{ base64: string }>('gov-report/export', { entries: r.entries, format: 'xlsx' });
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
  assert.deepEqual(book.worksheets.map((w) => [w.name, w.rowCount]), [['报告', 4], ['问题', 1 + (r.entries as Array<{ findings: unknown[] }>).reduce((n, e) => n + e.findings.length, 0)]]);
});

test('the overview in Restricted Mode (trusted: false) reads no PDF or Word file (each listed as waiting for trust), and reads them once trusted; the tool\'s own export is never listed; exports name files relative to the folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-overview-trust-'));
  copyFileSync(join(root, 'examples', 'sample-2023.txt'), join(dir, 'sample-2023.txt'));
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'huaian-2024.pdf'), join(dir, 'huaian-2024.pdf'));
  // An earlier export of the overview, saved (under its default name) in the folder it describes.
  const names = ['sample-2023.txt', 'huaian-2024.pdf'];
  type Overview = { columns: Array<{ key: string }>; rows: Array<{ uri: string; values: unknown[]; state: string }>; entries: unknown[] };
  const uris = (list: string[]) => list.map((n) => pathToFileURL(join(dir, n)).toString());
  // Untrusted: the text report is read, the PDF is listed without being read.
  const untrusted = await client.request<Overview>('gov-report/overview', { uris: uris(names), trusted: false });
  const at = (key: string) => untrusted.columns.findIndex((c) => c.key === key);
  const pdf = untrusted.rows[1]!;
  assert.equal(pdf.state, 'skipped');
  assert.match(String(pdf.values[at('status')]), /^待读取：受限模式下不读取 PDF 和 Word 文件，信任此工作区后读取/);
  assert.equal(pdf.values[at('received')], null);
  assert.equal(untrusted.rows[0]!.state, 'checked', 'a text report is read');
  // Trusted: the PDF is read.
  const first = await client.request<Overview>('gov-report/overview', { uris: uris(names), trusted: true });
  assert.equal(first.rows[1]!.values[at('received')], 3119);
  // Its HTML export saved (under the overview's default name) in the folder it describes: never listed again.
  const html = await client.request<{ text: string }>('gov-report/export', { entries: first.entries, format: 'html', base: pathToFileURL(dir).toString() });
  writeFileSync(join(dir, '年度报告总览.html'), html.text);
  const all = uris([...names, '年度报告总览.html']);
  for (const trusted of [true, false]) {
    const again = await client.request<Overview>('gov-report/overview', { uris: all, trusted });
    assert.deepEqual(again.rows.map((r) => r.uri), all.slice(0, 2), 'the export is not listed, not even as skipped');
  }
  // The exports: files by their path in the folder, never file:// URIs.
  assert.ok(!html.text.includes('file:'), 'no file: URI in the HTML export');
  assert.match(html.text, /<td class="text col-file">huaian-2024\.pdf<\/td>/);
  const csv = await client.request<{ text: string }>('gov-report/export', { entries: first.entries, format: 'csv', base: pathToFileURL(dir).toString() });
  assert.deepEqual(csv.text.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]), names);
  const xlsx = await client.request<{ base64: string }>('gov-report/export', { entries: first.entries, format: 'xlsx', base: pathToFileURL(dir).toString() });
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
  assert.deepEqual([2, 3].map((n) => book.worksheets[0]!.getRow(n).getCell(1).value), names);
});
