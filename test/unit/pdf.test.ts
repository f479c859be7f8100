// PDF reports read with pdf.js and rebuilt from where their text stands: the corpus PDF as
// published (hongze-2024.pdf) gives the hand-checked reading of its README; reports printed in
// three styles (ruled with merged cells; narrow wrapped labels with 表2 broken by a page; no rules)
// read into the same model as the text layouts; every changed cell is caught; a scan, an encrypted
// file, a damaged one and a 50 MB one are said for what they are. The CLI checks and converts them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildPdf } from '../../shared/src/readers/pdf';
import { operatorsPerFile, PDF_LIMITS, readPdfPages, readPdfPagesHere } from '../../server/src/pdf';
import { assertReading, CORPUS, HUAIAN } from '../helpers/corpus';
import { heavyPdf, renderPdf, writePdf, type PdfStyle } from '../helpers/pdf';
import { realisticFigures, render, type Figures } from '../helpers/render';
import { ARITHMETIC, dataRows, root, run, sampleFigures } from '../helpers/util';

const cli = join(root, 'dist', 'cli.js');
const gov = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

async function rebuild(bytes: Uint8Array) {
  const pages = await readPdfPages(bytes);
  assert.ok(pages.ok, pages.ok ? '' : pages.reason);
  const r = rebuildPdf(pages.pages);
  assert.ok(r.ok);
  return r.report;
}

test('hongze-2024.pdf (as published): the hand-checked reading of the corpus README, the findings on their pages', async () => {
  const report = await rebuild(new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'))));
  // The PDF reads as its pdftotext text.
  const expected = { ...CORPUS.find((c) => c.file === 'hongze-2024.txt')! };
  for (const text of [report.markdown, report.text]) {
    const { model, findings } = run(text);
    assertReading(model, findings, expected);
  }
  const { model, findings } = run(report.markdown);
  const pages = findings.map((f) => `${f.ruleId} ${JSON.stringify(report.locate(model.lines.positionAt(f.range.start).line, 0))}`);
  assert.deepEqual(pages, ['text-table {"kind":"pdf","page":1}', 'row-label {"kind":"pdf","page":3}', 'mixed-format {"kind":"pdf","page":4}']);
});

test('huaian-2024.pdf (as published; ruled tables read as a lattice, 表2 broken across pages, labels wrapped in their cells): the hand-checked reading, no finding', async () => {
  const report = await rebuild(new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'corpus', 'huaian-2024.pdf'))));
  for (const text of [report.markdown, report.text]) {
    const { model, findings } = run(text);
    assertReading(model, findings, HUAIAN);
  }
  // The group label broken by the page is one cell again, on the page where it starts.
  assert.match(report.markdown, /（四）无法提供 \| 1\.本机关不掌握相关政府信息 \| 746 \|/);
});

const STYLES: PdfStyle[] = ['ruled', 'wrapped', 'borderless'];

for (const style of STYLES) {
  test(`PDF printed ${style}: the same model as the text layouts, six sections, no finding`, async () => {
    for (const figures of [realisticFigures(), sampleFigures()]) {
      const reference = dataRows(run(render(figures, 'tab')).model);
      const report = await rebuild(renderPdf(figures, style));
      for (const text of [report.markdown, report.text]) {
        const { model, findings } = run(text);
        assert.deepEqual(dataRows(model), reference);
        assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
        assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
      }
    }
  });
}

test('PDF: the wrapped style really wraps labels and breaks 表2 across pages, and the page numbers are dropped', async () => {
  const bytes = renderPdf(realisticFigures(), 'wrapped');
  const pages = await readPdfPages(bytes);
  assert.ok(pages.ok);
  const onPage = (p: number, s: string) => pages.pages[p]!.items.some((i) => i.str.includes(s));
  // 表2 starts on one page and goes on on the next.
  assert.ok(onPage(0, '一、本年新收'));
  assert.ok(onPage(1, '6.属于四类过程性信息'));
  assert.ok(onPage(0, '- 1 -'));
  // A label printed in two lines is one label.
  assert.ok(!pages.pages.some((p) => p.items.some((i) => i.str === '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请')));
  const report = await rebuild(bytes);
  assert.match(report.text, /^\t*（六）其他处理\t1\.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t60\t/m);
  assert.doesNotMatch(report.text, /^- \d+ -$/m);
});

test('PDF: a blank cell stays blank in its own column (ruled columns, or the columns the figures share)', async () => {
  for (const style of ['ruled', 'borderless'] as const) {
    const report = await rebuild(renderPdf(realisticFigures(), style, { blank: ['table2:granted:4', 'table2:carryOver:6'] }));
    const { model, findings } = run(report.markdown);
    const row = (id: string) => model.tables.table2!.rows.find((r) => r.rowId === id)!.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind));
    assert.deepEqual(row('granted'), [1702, 30, 0, 0, 'blank', 2, 1774], style);
    assert.deepEqual(row('carryOver'), [105, 2, 0, 0, 2, 0, 'blank'], style);
    assert.ok(findings.some((f) => f.ruleId === 'blank-value'), style);
  }
});

test('PDF mutation: a changed cell in each row of 表2 and each column of 表3 is caught (ruled and wrapped)', async () => {
  for (const style of ['ruled', 'wrapped'] as const) {
    const figures = realisticFigures();
    const cases: Array<[string, Figures]> = [];
    Object.entries(figures.table2).forEach(([rowId, values], i) => {
      const k = i % 7;
      const m: Figures = structuredClone(figures);
      m.table2[rowId]![k] = values[k]! + 1;
      cases.push([`table2 ${rowId}[${k}]`, m]);
    });
    figures.table3.forEach((v, k) => {
      const m: Figures = structuredClone(figures);
      m.table3[k] = v + 1;
      cases.push([`table3[${k}]`, m]);
    });
    for (const [where, m] of cases) {
      const { findings } = run((await rebuild(renderPdf(m, style))).markdown);
      assert.ok(findings.some((f) => ARITHMETIC.includes(f.ruleId)), `${style}: ${where} not caught`);
    }
  }
});

test('PDF: the published and office-printed reports use a small part of the operator budget (issue 31): every page is read', async () => {
  const dirs = [join(root, 'test', 'fixtures', 'corpus'), join(root, 'test', 'fixtures', 'office'), join(root, 'test', 'fixtures', 'office', 'repeat')];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.pdf')).map((f) => join(d, f)));
  assert.ok(files.length >= 10);
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const r = await readPdfPagesHere(bytes);
    assert.ok(r.ok, file);
    assert.deepEqual(r.tooComplex, [], file);
    // A tenth of a page's budget, and of the file's: the budget stops hostile files only.
    assert.ok(Math.max(...r.operators) < PDF_LIMITS.operatorsPerPage / 10, `${file}: ${r.operators.join(', ')}`);
    assert.ok(r.operators.reduce((a, b) => a + b, 0) < operatorsPerFile(bytes.length) / 10, `${file}: ${r.operators.join(', ')}`);
  }
});

test('PDF: a scan, an encrypted file, a damaged file and a 50 MB file are each said for what they are', async () => {
  const scan = await readPdfPages(writePdf([{ texts: [], rules: [], image: 10_000 }, { texts: [], rules: [], image: 10_000 }]));
  assert.ok(scan.ok);
  assert.deepEqual(rebuildPdf(scan.pages), { ok: false, reason: 'scan' });
  const locked = writePdf([{ texts: [{ x: 72, y: 700, size: 12, str: '一、总体情况' }], rules: [] }], { userPassword: 'secret' });
  assert.deepEqual(await readPdfPages(locked), { ok: false, reason: 'encrypted' });
  const good = writePdf([{ texts: [{ x: 72, y: 700, size: 12, str: '一、总体情况' }], rules: [] }]);
  const damaged = await readPdfPages(good.slice(0, 120));
  assert.equal(damaged.ok ? 'ok' : damaged.reason, 'corrupt');
  assert.deepEqual(await readPdfPages(new TextEncoder().encode('一、总体情况\n')), { ok: false, reason: 'not-pdf' });
  // 50 MB of page image and no text: read as a scan, in bounded time (the figures are in the note).
  const big = writePdf([{ texts: [], rules: [], image: 50_000_000 }]);
  assert.ok(big.length > 50_000_000);
  const started = performance.now();
  const r = await readPdfPages(big);
  assert.ok(r.ok);
  assert.equal(rebuildPdf(r.pages).ok, false);
  process.stdout.write(`# 50 MB PDF read in ${Math.round(performance.now() - started)} ms, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB\n`);
});

test('CLI: check and convert a PDF; a scan and an encrypted file are said, with exit code 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-pdf-'));
  writeFileSync(join(dir, 'hongze.pdf'), readFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf')));
  const r = gov(dir, 'check', '--format', 'json', 'hongze.pdf');
  assert.equal(r.status, 0, r.stderr);
  const file = JSON.parse(r.stdout).files[0];
  assert.equal(file.rebuiltFrom, 'pdf');
  assert.deepEqual(file.findings.map((f: { rule: string; source: unknown }) => [f.rule, f.source]), [['text-table', { page: 1 }], ['row-label', { page: 3 }], ['mixed-format', { page: 4 }]]);
  assert.match(gov(dir, 'check', 'hongze.pdf').stdout, /\d+:\d+ \(第 1 页\) {2}警告 {2}正文说“受理政府信息公开申请17件”/);

  assert.equal(gov(dir, 'convert', 'hongze.pdf', '--out', 'hongze.md').status, 0);
  const md = JSON.parse(gov(dir, 'check', '--format', 'json', 'hongze.md').stdout).files[0];
  assert.deepEqual(md.findings.map((f: { rule: string }) => f.rule), ['text-table', 'row-label', 'mixed-format']);
  const converted = readFileSync(join(dir, 'hongze.md'), 'utf8');
  assert.match(converted, /^\|  \|  \| 一、本年新收政府信息公开申请数量 \| 95 \| 0 \| 0 \| 0 \| 0 \| 0 \| 95 \|$/m);
  // For a reader to edit: the title and the sections as Markdown headings, and a paragraph the
  // PDF broke at its line ends (“中华人民共和\n国政府信息公开条例”) whole again, apart from the next.
  assert.ok(converted.startsWith('# 淮安市洪泽区人民政府2024年政府信息公开工作年度报告\n\n'));
  for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) assert.match(converted, new RegExp(`\n\n## ${h}\n\n`));
  assert.match(converted, /\n本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）[^\n]*0517-87290606）。\n\n/);
  assert.match(converted, /均已在法定期限内予以答复。\n\n（三）政府信息管理情况。/);

  writeFileSync(join(dir, 'scan.pdf'), writePdf([{ texts: [], rules: [], image: 10_000 }]));
  writeFileSync(join(dir, 'locked.pdf'), writePdf([{ texts: [{ x: 72, y: 700, size: 12, str: '报告' }], rules: [] }], { userPassword: 'x' }));
  const bad = gov(dir, 'check', 'scan.pdf', 'locked.pdf');
  assert.equal(bad.status, 2);
  assert.match(bad.stdout, /scan\.pdf\n {2}错误 {2}无法读取：PDF 没有文字层（1 页都只有图像，是扫描件）/);
  assert.match(bad.stdout, /locked\.pdf\n {2}错误 {2}无法读取：PDF 已加密/);
});

test('PDF: a hostile image (8000×8000 pixels in 200 KB of deflated zeros) is never decoded: the text is read, memory stays bounded', async () => {
  const bytes = writePdf([{ texts: [{ x: 72, y: 700, size: 12, str: '一、总体情况' }], rules: [], declaredImage: 8000 }]);
  assert.ok(bytes.length < 1024 * 1024, `${bytes.length} bytes`);
  const before = process.memoryUsage().rss;
  const pages = await readPdfPages(bytes);
  assert.ok(pages.ok);
  assert.ok(pages.pages[0]!.items.some((i) => i.str.includes('总体情况')));
  assert.ok(process.memoryUsage().rss - before < 120 * 1024 * 1024, `${Math.round((process.memoryUsage().rss - before) / 1024 / 1024)} MB`);
});

test('PDF: a native canvas module planted in a parent node_modules is never loaded', () => {
  const top = mkdtempSync(join(tmpdir(), 'gov-canvas-'));
  const marker = join(top, 'loaded');
  for (const name of ['@napi-rs/canvas', 'canvas']) {
    const dir = join(top, 'node_modules', ...name.split('/'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = {};`);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
  }
  const app = join(top, 'app');
  cpSync(join(root, 'dist'), join(app, 'dist'), { recursive: true });
  writeFileSync(join(app, 'report.pdf'), readFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf')));
  const r = spawnSync(process.execPath, [join(app, 'dist', 'cli.js'), 'check', 'report.pdf'], { cwd: app, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  assert.ok(!existsSync(marker), 'the planted module ran');
});

test('PDF: readers are reused from one PDF to the next, and one ended for overrunning its budget is never reused (the PDFs after it read as alone)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-pdf-pool-'));
  const hongze = readFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'));
  const names = ['heavy.pdf', 'a.pdf', 'b.pdf', 'c.pdf', 'heavy2.pdf', 'd.pdf', 'e.pdf', 'f.pdf', 'g.pdf', 'h.pdf', 'i.pdf'];
  // About five seconds of reading here (twenty pages of 15,000 items, each within the operator
  // budget), well over the time budget below; hongze-2024.pdf takes a tenth of it.
  const pages = Array.from({ length: 20 }, () => ({ texts: Array.from({ length: 15_000 }, (_, k) => ({ x: 20 + (k % 50) * 11, y: 800 - (Math.floor(k / 50) % 50) * 15, size: 8, str: '一' })), rules: [] }));
  pages[0]!.texts.push({ x: 72, y: 820, size: 12, str: '一、总体情况' });
  const heavy = writePdf(pages);
  // Each file its own bytes (a comment after the end): the CLI reads the same bytes only once.
  for (const name of names) writeFileSync(join(dir, name), Buffer.concat([name.startsWith('heavy') ? heavy : hongze, Buffer.from(`\n% ${name}\n`)]));
  const alone = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'a.pdf'], { cwd: dir, encoding: 'utf8' });
  const expected = (JSON.parse(alone.stdout).files[0] as { findings: Array<{ rule: string; line: number }> }).findings.map((f) => `${f.rule}@${f.line}`);
  assert.ok(expected.length > 0);
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...names], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOV_REPORT_PDF_TIME_MS: '2000' } });
  const files = JSON.parse(r.stdout).files as Array<{ path: string; message?: string; findings?: Array<{ rule: string; line: number }> }>;
  for (const f of files) {
    if (f.path.startsWith('heavy')) assert.match(f.message ?? '', /超时/, f.path);
    else assert.deepEqual((f.findings ?? []).map((x) => `${x.rule}@${x.line}`), expected, f.path);
  }
  assert.equal(files.length, names.length);
});

test('PDF: a file that overruns the reading budget is said (the worker reading it is ended); the other files are still checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-pdf-budget-'));
  writeFileSync(join(dir, 'heavy.pdf'), heavyPdf());
  writeFileSync(join(dir, 'good.txt'), readFileSync(join(root, 'examples', 'sample-2023.txt')));
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'heavy.pdf', 'good.txt'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GOV_REPORT_PDF_TIME_MS: '100' } });
  assert.equal(r.status, 2, r.stderr);
  const files = JSON.parse(r.stdout).files as Array<{ path: string; error?: string; message?: string; findings?: unknown[] }>;
  assert.match(files.find((f) => f.path === 'heavy.pdf')!.message!, /超时/);
  assert.ok((files.find((f) => f.path === 'good.txt')!.findings ?? []).length > 0);
});
