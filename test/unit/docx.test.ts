// Word (.docx) reports, written by an independent library (docx) with real merges, Word's own list
// numbering and blank cells: read into the one model with every cell in its true column; every
// changed cell caught; damaged and foreign files said clearly. The CLI reads them, says where in
// the file each finding is, and converts them to Markdown or tab-row text that checks the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import { readDocx } from '../../shared/src/index';
import { delimiterRow, pipeRow, RebuiltWriter } from '../../shared/src/grid/rebuilt';
import { renderDocx } from '../helpers/docx';
import { realisticFigures, render, type Figures } from '../helpers/render';
import { ARITHMETIC, dataRows, root, run, sampleFigures } from '../helpers/util';

const cli = join(root, 'dist', 'cli.js');
const gov = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

async function read(f: Figures, options: Parameters<typeof renderDocx>[1] = {}) {
  const r = readDocx(await renderDocx(f, options));
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.report;
}

for (const [name, figures] of [['realistic', realisticFigures()], ['sample', sampleFigures()]] as const) {
  test(`docx (${name}): merged headers and labels read into the same model as the text layouts, no finding`, async () => {
    const reference = dataRows(run(render(figures, 'tab')).model);
    for (const listNumbering of [true, false]) {
      const report = await read(figures, { listNumbering });
      for (const text of [report.markdown, report.text]) {
        const { model, findings } = run(text);
        assert.deepEqual(dataRows(model), reference);
        assert.deepEqual(model.sections.map((s) => `${s.number} ${s.title}`), ['1 总体情况', '2 主动公开政府信息情况', '3 收到和处理政府信息公开申请情况', '4 政府信息公开行政复议、行政诉讼情况', '5 存在的主要问题及改进情况', '6 其他需要报告的事项']);
        assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
      }
    }
  });
}

test('docx: Word list numbering gives the headings their 一、二、… (numbering.xml, not the text)', async () => {
  const report = await read(realisticFigures(), { listNumbering: true });
  const headings = report.markdown.split('\n').filter((l) => /^[一二三四五六]、/.test(l));
  assert.deepEqual(headings.map((l) => l.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
});

test('docx: a blank cell stays blank in its own column (said as blank, not shifted)', async () => {
  const report = await read(realisticFigures(), { blank: ['table2:granted:4'] });
  const { model, findings } = run(report.markdown);
  const granted = model.tables.table2!.rows.find((r) => r.rowId === 'granted')!;
  assert.deepEqual(granted.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)), [1702, 30, 0, 0, 'blank', 2, 1774]);
  assert.ok(findings.some((f) => f.ruleId === 'blank-value'));
});

test('docx mutation: every single changed cell of 表2 and 表3 is caught', async () => {
  const figures = realisticFigures();
  const cases: Array<[string, Figures]> = [];
  for (const [rowId, values] of Object.entries(figures.table2)) {
    values.forEach((v, k) => {
      const m: Figures = structuredClone(figures);
      m.table2[rowId]![k] = v + 1;
      cases.push([`table2 ${rowId}[${k}]`, m]);
    });
  }
  figures.table3.forEach((v, k) => {
    const m: Figures = structuredClone(figures);
    m.table3[k] = v + 1;
    cases.push([`table3[${k}]`, m]);
  });
  assert.equal(cases.length, 25 * 7 + 15);
  for (const [where, m] of cases) {
    const { findings } = run((await read(m)).markdown);
    assert.ok(findings.some((f) => ARITHMETIC.includes(f.ruleId)), `${where} not caught`);
  }
});

test('docx: damaged and foreign files are said for what they are', () => {
  const ole = new Uint8Array(512);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  assert.deepEqual(readDocx(ole), { ok: false, reason: 'old-format' });
  assert.deepEqual(readDocx(strToU8('一、总体情况\n')), { ok: false, reason: 'not-zip' });
  assert.deepEqual(readDocx(zipSync({ 'readme.txt': strToU8('hello') })), { ok: false, reason: 'not-docx' });
  const zip = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>') });
  assert.deepEqual(readDocx(zip.slice(0, zip.length - 30)), { ok: false, reason: 'corrupt' });
  // A text box inside a paragraph, and its fallback copy for old readers: read once.
  const boxed = '<w:document><w:body><w:p><w:r><w:t>前</w:t></w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent><w:r><w:t>后</w:t></w:r></w:p></w:body></w:document>';
  const r = readDocx(zipSync({ 'word/document.xml': strToU8(boxed) }));
  assert.ok(r.ok);
  assert.deepEqual(r.report.markdown.split('\n').filter(Boolean), ['框内', '前后']);
});

test('CLI: check reads .docx with the place in the file; convert gives Markdown and tab text that check the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-docx-'));
  const good = realisticFigures();
  writeFileSync(join(dir, 'good.docx'), await renderDocx(good));
  const bad: Figures = structuredClone(good);
  bad.table2.granted![6] = 1775;
  writeFileSync(join(dir, 'bad.docx'), await renderDocx(bad));
  const ole = new Uint8Array(512);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  writeFileSync(join(dir, 'old.doc'), ole);
  writeFileSync(join(dir, 'fake.docx'), zipSync({ 'a.txt': strToU8('x') }));

  const r = gov(dir, 'check', '--format', 'json', '.');
  assert.equal(r.status, 2, r.stderr);
  const files = JSON.parse(r.stdout).files as Array<Record<string, unknown>>;
  const byPath = new Map(files.map((f) => [f.path, f]));
  assert.deepEqual(byPath.get('good.docx')?.findings, []);
  assert.equal(byPath.get('good.docx')?.rebuiltFrom, 'docx');
  const findings = byPath.get('bad.docx')?.findings as Array<{ rule: string; source?: unknown; expected: number | null }>;
  const rowTotal = findings.find((f) => f.rule === 'wrong-cell');
  // 表2 is the document's second table; 予以公开 is its 6th row (three header rows, 一, 二); 总计 is the 10th grid cell.
  assert.deepEqual(rowTotal?.source, { table: 2, row: 6, cell: 10 });
  assert.equal(rowTotal?.expected, 1774);
  assert.equal(byPath.get('old.doc')?.error, 'old-format');
  assert.match(String(byPath.get('old.doc')?.message), /另存为 \.docx/);
  assert.equal(byPath.get('fake.docx')?.error, 'not-docx');

  const stylish = gov(dir, 'check', 'bad.docx');
  assert.equal(stylish.status, 1);
  assert.match(stylish.stdout, /\d+:\d+ \(表格 2 第 6 行第 10 格\) {2}错误/);
  const sarif = JSON.parse(gov(dir, 'check', '--format', 'sarif', 'bad.docx').stdout);
  const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'wrong-cell');
  assert.deepEqual(result.properties.source, { table: 2, row: 6, cell: 10 });
  assert.equal(result.locations[0].physicalLocation.region, undefined);
  assert.equal(result.fixes, undefined);

  // --fix never rewrites a Word file; it says so.
  const before = readFileSync(join(dir, 'bad.docx'));
  const fixed = gov(dir, 'check', '--fix', 'bad.docx');
  assert.match(fixed.stdout, /未修改 Word 文件/);
  assert.deepEqual(readFileSync(join(dir, 'bad.docx')), before);

  for (const to of ['md', 'txt']) {
    const out = `good.${to}`;
    assert.equal(gov(dir, 'convert', 'good.docx', '--to', to, '--out', out).status, 0);
    const c = gov(dir, 'check', '--format', 'json', out);
    assert.equal(c.status, 0, c.stdout);
    assert.deepEqual(JSON.parse(c.stdout).files[0].findings, []);
    // --out never overwrites.
    const again = gov(dir, 'convert', 'good.docx', '--to', to, '--out', out);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /EEXIST/);
  }
  assert.match(gov(dir, 'convert', 'good.docx').stdout, /^\| 一、本年新收政府信息公开申请数量 \|  \|  \| 3001 \|/m);
  assert.equal(gov(dir, 'convert', 'good.docx', '--to', 'pdf').status, 2);
  const oldConvert = gov(dir, 'convert', 'old.doc');
  assert.equal(oldConvert.status, 2);
  assert.match(oldConvert.stderr, /另存为 \.docx/);
});

const doc = (body: string) => zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${body}</w:body></w:document>`) });
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

test('docx, hostile: a huge gridSpan, a huge list level and a bad character reference are bounded or dropped, never a crash', () => {
  const span = readDocx(doc(`<w:tbl>${'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr>' + para('x') + '</w:tc></w:tr>'.repeat(1)}${'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000"/></w:tcPr>' + para('1') + '</w:tc></w:tr>'.repeat(100)}</w:tbl>`));
  assert.ok(span.ok);
  assert.ok(span.report.markdown.length < 100_000, `${span.report.markdown.length} characters`);
  const numbering = '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="1000000000"><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
  const level = readDocx(zipSync({ 'word/document.xml': strToU8(`<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="1000000000"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p></w:body></w:document>`), 'word/numbering.xml': strToU8(numbering) }));
  assert.ok(level.ok);
  const bad = readDocx(doc(para('一、总体情况&#x110000;&#99999999999;')));
  assert.ok(bad.ok, 'one out-of-range character reference does not make the file corrupt');
  assert.match(bad.report.markdown, /一、总体情况/);
});

test('docx, hostile: a zip bomb is refused by its sizes before inflating; an encrypted Word file is said as such', () => {
  // 40 MB of spaces in the body: a few KB in the zip.
  const bomb = zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${' '.repeat(40 * 1024 * 1024)}</w:body></w:document>`) }, { level: 9 });
  assert.ok(bomb.length < 200_000);
  assert.deepEqual(readDocx(bomb), { ok: false, reason: 'too-large' });
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  ole.set([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
  assert.deepEqual(readDocx(ole), { ok: false, reason: 'encrypted' });
});

test('CLI: a Word file with no text in it is said as such, not as an empty file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-docx-empty-'));
  writeFileSync(join(dir, 'blank.docx'), zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${'<?'.repeat(1000)}</w:body></w:document>`) }));
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', 'blank.docx'], { cwd: dir, encoding: 'utf8' });
  assert.match(r.stdout, /跳过：Word 文件中没有可读取的文字/);
});

/** A .docx whose document.xml inflates to `mb` MB of spaces while its zip says 1,000 bytes. */
function lyingBomb(mb: number): Uint8Array {
  // One megabyte deflated without a final block, repeated, then an empty final block: a valid
  // stream of `mb` MB made in no time.
  const piece = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  const data = new Uint8Array(piece.length * mb + 2);
  for (let i = 0; i < mb; i++) data.set(piece, i * piece.length);
  data.set([0x03, 0x00], piece.length * mb);
  const name = strToU8('word/document.xml');
  const le = (n: number, bytes: number) => Array.from({ length: bytes }, (_, i) => (n >>> (8 * i)) & 255);
  const local = [...le(0x04034b50, 4), ...le(20, 2), 0, 0, ...le(8, 2), 0, 0, 0, 0, ...le(0, 4), ...le(data.length, 4), ...le(1000, 4), ...le(name.length, 2), 0, 0];
  const central = [...le(0x02014b50, 4), ...le(20, 2), ...le(20, 2), 0, 0, ...le(8, 2), 0, 0, 0, 0, ...le(0, 4), ...le(data.length, 4), ...le(1000, 4), ...le(name.length, 2), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...le(0, 4)];
  const cdOffset = local.length + name.length + data.length;
  const end = [...le(0x06054b50, 4), 0, 0, 0, 0, ...le(1, 2), ...le(1, 2), ...le(central.length + name.length, 4), ...le(cdOffset, 4), 0, 0];
  const out = new Uint8Array(cdOffset + central.length + name.length + end.length);
  out.set(local, 0);
  out.set(name, local.length);
  out.set(data, local.length + name.length);
  out.set(central, cdOffset);
  out.set(name, cdOffset + central.length);
  out.set(end, cdOffset + central.length + name.length);
  return out;
}

test('docx, hostile: a zip that understates a size is refused while inflating, at the limit (the work does not grow with the stream)', () => {
  const time = (bytes: Uint8Array) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      assert.deepEqual(readDocx(bytes), { ok: false, reason: 'too-large' });
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const small = time(lyingBomb(64));
  const large = time(lyingBomb(1024));
  // Sixteen times the stream: the same work (up to the 32 MB limit); inflating it all would take ×16.
  assert.ok(large < Math.max(small, 20) * 2.5, `64 MB ${small.toFixed(1)} ms, 1 GB ${large.toFixed(1)} ms`);
});

test('docx, hostile: malformed XML (unclosed <?, <!--, tags) is read in linear time', () => {
  for (const junk of ['<?', '<!--', '<w:p ', '<']) {
    const times = [25_000, 50_000, 100_000, 200_000].map((n) => {
      const bytes = doc(para('一、总体情况') + junk.repeat(n / junk.length));
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        readDocx(bytes);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    });
    assert.ok(times[3]! <= 2.5 ** 3 * Math.max(times[0]!, 4), `${junk}: ${times.map((x) => x.toFixed(1)).join(' → ')} ms`);
  }
});

test('docx: a fix that --fix would make in a text file is not counted as fixable in a Word file (it is never rewritten)', async () => {
  const f = realisticFigures();
  f.table2.granted![6] = 1784; // a typing slip of 1774
  const dir = mkdtempSync(join(tmpdir(), 'gov-docx-fixable-'));
  writeFileSync(join(dir, 'r.docx'), await renderDocx(f));
  const json = gov(dir, 'check', '--format', 'json', 'r.docx');
  const findings = JSON.parse(json.stdout).files[0].findings as Array<{ rule: string; fixable: boolean }>;
  assert.ok(findings.some((x) => x.rule === 'wrong-cell'));
  assert.ok(findings.every((x) => !x.fixable));
  assert.doesNotMatch(gov(dir, 'check', 'r.docx').stdout, /可用 --fix 自动修复/);
});

test('the rebuilt-document writer shared by the Word and PDF readers: the same lines as Markdown and text, a table as a pipe table, each Markdown line mapped to its source', () => {
  const write = (blankBy: 'markdown' | 'text') => {
    const w = new RebuiltWriter<number>(blankBy);
    w.gap(1);
    w.line('一、总体情况', 1);
    w.gap(1);
    const header = w.row(['', '甲|乙'], '\t甲|乙', 2);
    w.delimiter(2);
    w.row(['1', ''], '1\t', 2);
    // A header row of blank cells: its text is empty, its pipe row is not.
    w.row([''], '', 3);
    w.gap(3);
    w.line('二、主动公开', 3);
    w.rewrite(header, ['', '甲乙'], '\t甲乙');
    return w.finish((page, column, line) => ({ kind: 'pdf', page: page * 100 + Math.min(column, line.length) }));
  };
  const byMarkdown = write('markdown');
  assert.equal(byMarkdown.markdown, '一、总体情况\n\n|  | 甲乙 |\n| --- | --- |\n| 1 |  |\n|  |\n\n二、主动公开\n');
  assert.equal(byMarkdown.text, '一、总体情况\n\n\t甲乙\n1\t\n\n\n二、主动公开\n');
  // The PDF reader asks the text whether the last line is blank: no second blank line.
  const byText = write('text');
  assert.equal(byText.markdown, '一、总体情况\n\n|  | 甲乙 |\n| --- | --- |\n| 1 |  |\n|  |\n二、主动公开\n');
  assert.equal(byText.text, '一、总体情况\n\n\t甲乙\n1\t\n\n二、主动公开\n');
  assert.deepEqual([0, 1, 2, 3, 9].map((line) => byMarkdown.locate(line, 4)), [{ kind: 'pdf', page: 104 }, { kind: 'pdf', page: 100 }, { kind: 'pdf', page: 204 }, undefined, undefined]);
  // A pipe inside a cell is written full-width (it would split the cell).
  assert.equal(pipeRow(['a|b', '']), '| a｜b |  |');
  assert.equal(delimiterRow(3), '| --- | --- | --- |');
});
