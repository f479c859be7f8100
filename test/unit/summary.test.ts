// `gov-report summary`: the reviewer's overview of a folder, exported as CSV, JSON, HTML and XLSX,
// each read back (the CSV parsed, the workbook opened with the library that wrote it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EXPORT_MARKER, entriesRelativeTo, isOwnExport, notCheckedEntry, overviewTable, REVIEW_COLUMNS, reviewCsv, reviewEntry } from '../../shared/src/outputs/review';
import { check, parse } from '../../shared/src/index';
import { root } from '../helpers/util';

const cli = join(root, 'dist', 'cli.js');
const corpus = join(root, 'test', 'fixtures', 'corpus');
const gov = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

/** RFC 4180: quoted fields with doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

test('summary --format csv: UTF-8 with BOM, one row per file, the figures a reviewer compares (huaian: 新收 3119, 公开率 (1362 + 454) ÷ 3050)', () => {
  const r = gov(corpus, 'summary', '.');
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.startsWith('\uFEFF'), 'a byte order mark, so that Excel reads the Chinese');
  const [head, ...rows] = parseCsv(r.stdout.slice(1));
  assert.deepEqual(head!.slice(0, 12), ['文件', '机关', '年度', '格式', '状态', '错误', '警告', '提示', '待处理', '已确认', '已排除', '本年新收']);
  assert.equal(rows.length, 16, 'the fifteen report files (hongze as PDF and text) and the README (skipped, with why)');
  const row = (file: string) => Object.fromEntries(head!.map((h, i) => [h, rows.find((x) => x[0] === file)![i]]));
  const huaian = row('huaian-2024.pdf');
  assert.deepEqual([huaian['机关'], huaian['年度'], huaian['格式'], huaian['状态']], ['淮安市人民政府', '2024', '2021', '完整读取']);
  assert.deepEqual([huaian['本年新收'], huaian['上年结转'], huaian['办理总计'], huaian['结转下年度'], huaian['予以公开'], huaian['部分公开']], ['3119', '34', '3050', '103', '1362', '454']);
  assert.equal(huaian['公开率'], `${(((1362 + 454) / 3050) * 100).toFixed(1)}%`);
  assert.deepEqual([huaian['行政复议'], huaian['复议纠正'], huaian['行政诉讼'], huaian['诉讼纠正']], ['351', '64', '46', '5']);
  // A figure the report leaves blank is empty, never a guess (shanghai's blank 表2 totals).
  assert.equal(row('shanghai-2019.html')['予以公开'], '');
  // The crawler's glued text: read in part, and said so.
  assert.match(row('pingtan-2019-web.txt')['状态']!, /部分无法可靠读取（flattened-row）/);
  assert.match(row('README.md')['状态']!, /^跳过：不是政府信息公开工作年度报告/);
  // English headers and statuses with --lang en.
  const en = parseCsv(gov(corpus, 'summary', '.', '--lang', 'en').stdout.slice(1));
  assert.deepEqual(en[0]!.slice(0, 3), ['File', 'Agency', 'Year']);
});

test('summary --format json: every file with its figures and findings (the CLI\'s own findings, places included)', () => {
  const r = gov(corpus, 'summary', '.', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const { reports } = JSON.parse(r.stdout) as { reports: Array<{ path: string; state: string; figures: Record<string, number | null> | null; findings: Array<{ rule: string; place?: string }>; counts: Record<string, number> }> };
  const huaian = reports.find((x) => x.path === 'huaian-2024.pdf')!;
  assert.equal(huaian.figures!.disclosureRate, (1362 + 454) / 3050);
  const check = JSON.parse(gov(corpus, 'check', '.', '--format', 'json').stdout) as { files: Array<{ path: string; findings?: Array<{ rule: string }> }> };
  for (const file of check.files) {
    const entry = reports.find((x) => x.path === file.path)!;
    assert.deepEqual(entry.findings.map((f) => f.rule), (file.findings ?? []).map((f) => f.rule), file.path);
  }
  assert.ok(reports.find((x) => x.path === 'hongze-2024.pdf')!.findings.every((f) => /^第 \d+ 页$/.test(f.place ?? '')));
});

test('summary --format xlsx: two sheets read back with the library that wrote them (报告: a row per file; 问题: a row per finding)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-summary-'));
  const r = gov(corpus, 'summary', '.', '--format', 'xlsx', '-o', join(dir, 'review.xlsx'));
  assert.equal(r.status, 0, r.stderr);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(join(dir, 'review.xlsx')) as never);
  assert.deepEqual(book.worksheets.map((w) => w.name), ['报告', '问题']);
  const [reports, findings] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
  const json = JSON.parse(gov(corpus, 'summary', '.', '--format', 'json').stdout) as { reports: Array<{ path: string; findings: unknown[] }> };
  assert.equal(reports.rowCount, json.reports.length + 1);
  assert.equal(findings.rowCount, json.reports.reduce((n, x) => n + x.findings.length, 0) + 1);
  const header = (reports.getRow(1).values as unknown[]).slice(1);
  const huaian = reports.getRows(2, reports.rowCount - 1)!.find((row) => row.getCell(1).value === 'huaian-2024.pdf')!;
  const at = (name: string) => huaian.getCell(header.indexOf(name) + 1);
  assert.equal(at('本年新收').value, 3119);
  assert.equal(at('公开率').value, (1362 + 454) / 3050);
  assert.equal(at('公开率').numFmt, '0.0%');
  assert.deepEqual((findings.getRow(1).values as unknown[]).slice(1), ['文件', '位置', '规则', '级别', '问题', '处理', '理由']);
});

test('summary with the folder rules: copied-report takes part; usage errors are short and clear', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-summary-rules-'));
  copyFileSync(join(root, 'test', 'fixtures', 'rules', 'clean-2022.txt'), join(dir, 'a-2022.txt'));
  copyFileSync(join(root, 'test', 'fixtures', 'rules', 'clean-2023.txt'), join(dir, 'a-2023.txt'));
  const { reports } = JSON.parse(gov(dir, 'summary', '.', '--format', 'json').stdout) as { reports: Array<{ path: string; findings: Array<{ rule: string }> }> };
  assert.ok(reports.find((x) => x.path === 'a-2023.txt')!.findings.some((f) => f.rule === 'copied-report'));
  for (const [args, said] of [
    [['summary', '.', '--format', 'sarif'], /可选：csv, json, html, xlsx/],
    [['summary', '.', '--format', 'xlsx'], /--format xlsx 需要 -o/],
    [['summary', '.', '--fix'], /summary 不修改文件/],
    [['check', '.', '--format', 'csv'], /可选：stylish, json, sarif, github/],
  ] as const) {
    const bad = gov(dir, ...args);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, said);
    assert.ok(bad.stderr.split('\n').length <= 3, 'a short usage error, not the whole help');
  }
});

test('an HTML export is the tool\'s own (a marker in its head): saved in the folder it describes, the next summary never lists it; named, it is said', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-summary-own-'));
  copyFileSync(join(root, 'test', 'fixtures', 'rules', 'clean-2022.txt'), join(dir, 'a-2022.txt'));
  copyFileSync(join(root, 'test', 'fixtures', 'rules', 'clean-2023.txt'), join(dir, 'a-2023.txt'));
  // The default name of the overview's export, in the folder itself.
  const r = gov(dir, 'summary', '.', '--format', 'html', '-o', '年度报告总览.html');
  assert.equal(r.status, 0, r.stderr);
  const html = readFileSync(join(dir, '年度报告总览.html'), 'utf8');
  assert.ok(html.slice(0, 400).includes(EXPORT_MARKER) && isOwnExport(html));
  // A report published as HTML is no export of this tool.
  assert.equal(isOwnExport(readFileSync(join(corpus, 'shanghai-2019.html'), 'utf8')), false);
  const again = JSON.parse(gov(dir, 'summary', '.', '--format', 'json').stdout) as { reports: Array<{ path: string }> };
  assert.deepEqual(again.reports.map((x) => x.path).sort(), ['a-2022.txt', 'a-2023.txt'], 'the export is not listed, not even as skipped');
  const csv = gov(dir, 'summary', '.').stdout;
  assert.ok(!csv.includes('年度报告总览.html'));
  const named = gov(dir, 'check', '年度报告总览.html', 'a-2023.txt');
  assert.match(named.stdout + named.stderr, /年度报告总览\.html[\s\S]*跳过：gov-report 导出的审查汇总，不是年度报告/);
});

test('the HTML export\'s overview table: names never wrap a few characters a line (no wrapping, a minimum width for the agency, the table scrolls sideways)', () => {
  const html = gov(corpus, 'summary', '.', '--format', 'html').stdout;
  assert.match(html, /<div class="wide"><table class="overview">/);
  assert.match(html, /\.wide\{overflow-x:auto\}/);
  assert.match(html, /table\.overview th,table\.overview td\{white-space:nowrap\}/);
  assert.match(html, /table\.overview td\.col-agency\{min-width:8em\}/);
  assert.match(html, /<td class="text col-agency">淮安市人民政府<\/td>/);
});

test('exports of the overview name each file relative to its folder (as the CLI does), not by URI', () => {
  const base = 'file:///home/reviewer/%E6%8A%A5%E5%91%8A';
  const entries = [`${base}/sub/huaian-2024.pdf`, `${base}/%E7%A4%BA%E4%BE%8B%E5%8E%BF-2023.txt`, 'file:///elsewhere/x.txt'].map((p) => notCheckedEntry(p, 'skipped'));
  assert.deepEqual(entriesRelativeTo(entries, base).map((e) => e.path), ['sub/huaian-2024.pdf', '示例县-2023.txt', '/elsewhere/x.txt']);
  assert.deepEqual(entriesRelativeTo(entries, `${base}/`).map((e) => e.path)[0], 'sub/huaian-2024.pdf');
  const csv = reviewCsv(entriesRelativeTo(entries, base));
  assert.ok(!csv.includes('file:'), csv);
});

test('the overview\'s columns: short headers (at most two short lines) that fit a narrow column, the full name kept for the tooltip', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    const { columns } = overviewTable([], lang);
    // The exports' columns, with the three decision counts shown as one (审阅).
    assert.deepEqual(columns.map((c) => c.key), REVIEW_COLUMNS.map((c) => c.key).filter((k) => k !== 'confirmed' && k !== 'dismissed').map((k) => (k === 'open' ? 'review' : k)));
    for (const c of columns) {
      const full = REVIEW_COLUMNS.find((x) => x.key === c.key);
      if (full) assert.equal(c.label, lang === 'en' ? full.en : full.zh);
      const lines = c.short.split('\n');
      assert.ok(lines.length <= 2, c.short);
      if (c.kind !== 'text') for (const line of lines) assert.ok(lang === 'en' ? line.length <= 7 : line.length <= 3, `${lang} ${c.key}: "${line}"`);
    }
    assert.equal(columns.find((c) => c.key === 'disclosureRate')!.short, lang === 'en' ? 'Rate' : '公开率');
  }
});

test('a report read in part (PDF pages dropped) is never said to be read fully: its status says part of it was not read', () => {
  const text = readFileSync(join(root, 'test', 'fixtures', 'real', 'weihui-2023.txt'), 'utf8');
  const status = (model: ReturnType<typeof parse>, lang: 'zh-CN' | 'en') => REVIEW_COLUMNS.find((c) => c.key === 'status')!.value(reviewEntry('r.pdf', model, check(model), lang), lang);
  assert.equal(status(parse(text), 'zh-CN'), '完整读取');
  const partly = parse(text, { incomplete: true });
  assert.deepEqual(reviewEntry('r.pdf', partly, check(partly), 'zh-CN').reading, { kind: 'partial', rules: [], unread: true });
  assert.equal(status(partly, 'zh-CN'), '部分读取：文件有内容未能读取');
  assert.equal(status(partly, 'en'), 'read in part: part of the file could not be read');
});
