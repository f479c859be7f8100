// Protocol tests: dist/server.js --stdio driven as an editor would drive it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, LineIndex } from '../../shared/src/index';
import { CHECK_FILES_REQUEST, CONVERT_REQUEST, EXPORT_REQUEST, OVERVIEW_REQUEST, REBUILD_REQUEST, RECORD_DECISION_REQUEST, REQUEST_METHODS, type RequestMethod, type RequestParams } from '../../shared/src/protocol';
import { LspClient, type Diagnostic } from '../helpers/lspClient';
import { fixture, REAL, root, run } from '../helpers/util';

let client: LspClient;
before(async () => {
  client = await LspClient.start(root);
});
after(async () => {
  await client.stop();
});

const uriOf = (name: string) => `file:///reports/${name}`;
const languageOf = (name: string) => (name.endsWith('.md') ? 'markdown' : name.endsWith('.html') ? 'html' : 'plaintext');

interface TextEdit { range: Diagnostic['range']; newText: string }
interface SymbolNode { name: string; range: Diagnostic['range']; children?: SymbolNode[] }
function applyLspEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, edits.map((e) => ({ range: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })));
}

for (const name of REAL) {
  test(`${name}: diagnostics after didOpen equal the CLI's findings`, async () => {
    const text = fixture('real', name);
    const uri = uriOf(name);
    const published = client.diagnostics(uri, 1);
    await client.open(uri, text, languageOf(name));
    const p = await published;
    const { model, findings } = run(text);
    const expected = findings.map((f) => ({ code: f.ruleId, start: model.lines.positionAt(f.range.start), message: f.message.zh }));
    assert.deepEqual(p.diagnostics.map((d) => ({ code: d.code, start: d.range.start, message: d.message })), expected);
    for (const d of p.diagnostics) assert.equal(d.source, 'gov-report');
  });

  test(`${name}: documentSymbol gives the six sections with their names and lines`, async () => {
    const symbols = await client.request<SymbolNode[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(name) } });
    const { model } = run(fixture('real', name));
    if (languageOf(name) === 'markdown') {
      // Markdown's own outline lists its headings: only the tables (and what Markdown does not show) are added.
      assert.ok(model.sections.every((s) => s.markdownLevel > 0));
      assert.deepEqual(symbols.filter((s) => /^[一二三四五六]、/.test(s.name)), [], 'no section twice');
      assert.deepEqual(symbols.filter((s) => s.name.startsWith('表')).map((s) => s.name.slice(0, 2)), ['表1', '表2', '表3']);
      const table2 = symbols.find((c) => c.name.startsWith('表2'))!;
      assert.deepEqual((table2.children ?? []).map((c) => c.name.replace(/\s/g, '').slice(0, 2)), ['一、', '二、', '三、', '四、']);
      const folds = await client.request<Array<{ startLine: number }>>('textDocument/foldingRange', { textDocument: { uri: uriOf(name) } });
      const headingLines = new Set(model.sections.map((s) => model.lines.positionAt(s.headingRange.start).line));
      assert.ok(folds.length >= 3 && folds.every((f) => !headingLines.has(f.startLine)), 'Markdown folds its headings itself');
      return;
    }
    const top = symbols.length === 1 ? symbols[0]!.children! : symbols;
    const sections = top.filter((s) => /^[一二三四五六2]\s*、|^[一二三四五六]、/.test(s.name));
    assert.equal(sections.length, 6);
    assert.deepEqual(sections.map((s) => s.range.start.line), model.sections.map((s) => model.lines.positionAt(s.headingRange.start).line));
    assert.deepEqual(sections.map((s) => s.name), model.sections.map((s) => model.text.slice(s.numeralRange.start, s.numeralRange.end) + s.title));
    // 表2 sits under section 三 with rows 一 二 三 四.
    const table2 = (sections[2]!.children ?? []).find((c) => c.name.startsWith('表2'));
    assert.ok(table2, 'table 2 under section 三');
    assert.deepEqual((table2.children ?? []).map((c) => c.name.replace(/\s/g, '').slice(0, 2)), ['一、', '二、', '三、', '四、']);
  });

  test(`${name}: hover on every 第二十条第（N）项 gives item N's text`, async () => {
    const text = fixture('real', name);
    const lines = text.split('\n');
    let count = 0;
    for (let i = 0; i < lines.length; i++) {
      const m = /第二十条第（([一二三四五六七八九])）项/.exec(lines[i]!);
      if (!m) continue;
      count++;
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uriOf(name) }, position: { line: i, character: m.index + 3 } });
      assert.ok(hover, `hover at line ${i + 1}`);
      const itemText = { 一: '行政法规、规章和规范性文件', 五: '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果', 六: '实施行政处罚、行政强制的依据', 八: '行政事业性收费项目及其依据、标准', 九: '政府集中采购项目的目录、标准及实施情况' }[m[1] as '一'];
      assert.ok(hover.contents.value.includes(itemText), hover.contents.value);
    }
    assert.ok(count >= 4);
  });
}

test('an edit that breaks a total gives a new diagnostic for that version; the quick fix restores a clean document', async () => {
  const uri = 'file:///reports/clean.txt';
  let text = fixture('rules', 'clean-2023.txt');
  const first = client.diagnostics(uri, 1);
  await client.open(uri, text);
  assert.deepEqual((await first).diagnostics, []);
  // Change （一）予以公开's total 6 → 7 with an incremental edit.
  const lineNo = text.split('\n').findIndex((l) => l.includes('（一）予以公开'));
  const line = text.split('\n')[lineNo]!;
  const character = line.lastIndexOf('6');
  const broken = client.diagnostics(uri, 2);
  await client.change(uri, 2, [{ range: { start: { line: lineNo, character }, end: { line: lineNo, character: character + 1 } }, text: '7' }]);
  text = applyLspEdits(text, [{ range: { start: { line: lineNo, character }, end: { line: lineNo, character: character + 1 } }, newText: '7' }]);
  const p = await broken;
  // One finding, on the wrong cell: the located cause; the two relations it breaks are related.
  assert.deepEqual(p.diagnostics.map((d) => d.code), ['wrong-cell']);
  const located = p.diagnostics[0]!;
  assert.equal(located.range.start.line, lineNo);
  assert.equal(located.range.start.character, character);
  assert.match(located.message, /“（一）予以公开”·“总计”为 7，行合计与列合计都表明应为 6/);
  assert.equal((located.relatedInformation ?? []).length, 2);
  const actions = await client.request<Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: located.range, context: { diagnostics: [located], only: ['quickfix'] },
  });
  const quick = actions.find((a) => a.title === '将“（一）予以公开”·“总计”改为 6');
  assert.ok(quick?.isPreferred, JSON.stringify(actions.map((a) => a.title)));
  const edits = quick.edit.changes[uri]!;
  const fixed = applyLspEdits(text, edits);
  const clean = client.diagnostics(uri, 3);
  await client.change(uri, 3, [{ text: fixed }]);
  assert.deepEqual((await clean).diagnostics, []);
});

test('an ambiguous wrong cell offers each candidate as a quick fix, none preferred, and fix-all leaves it', async () => {
  const uri = 'file:///reports/ambiguous.txt';
  // 表3 行政复议 1|0|0|0|1 → 1|0|0|0|2: the total or any part could be the slip.
  const text = fixture('rules', 'clean-2023.txt').replace('\n1\t0\t0\t0\t1\t0', '\n1\t0\t0\t0\t2\t0');
  const d = client.diagnostics(uri, 1);
  await client.open(uri, text);
  const located = (await d).diagnostics.find((x) => x.code === 'wrong-cell');
  assert.ok(located, 'one located finding');
  assert.match(located.message, /种同样小的改法/);
  const actions = await client.request<Array<{ title: string; isPreferred?: boolean; kind: string }>>('textDocument/codeAction', {
    textDocument: { uri }, range: located.range, context: { diagnostics: [located], only: ['quickfix'] },
  });
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('将表3“行政复议”·“总计”改为 1'), JSON.stringify(titles));
  assert.ok(titles.includes('将表3“行政复议”·“结果维持”改为 2'), JSON.stringify(titles));
  assert.ok(actions.every((a) => !a.isPreferred));
  const all = await client.request<Array<{ kind: string }>>('textDocument/codeAction', {
    textDocument: { uri }, range: located.range, context: { diagnostics: [], only: ['source.fixAll.gov-report'] },
  });
  assert.deepEqual(all, [], 'nothing determined, nothing to fix all');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('1\t0\t0\t0\t2'));
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: 8 } });
  assert.match(hover.contents.value, /表3“行政复议”的总计：2 ≠ 1 ✗（相差 1）/);
  assert.match(hover.contents.value, /可能的原因之一（共 \d 种同样小的改法）/);
});

test('the quick-fix menu offers only what changes something: "fix all" beside a fixable problem, not under a missing row', async () => {
  const uri = 'file:///reports/menu.txt';
  // The sample has determined totals to fill; without "2.重复申请" it also lacks a row.
  const text = fixture('..', '..', 'examples', 'sample-2023.txt').split('\n').filter((l) => !l.includes('2.重复申请')).join('\n');
  const d = client.diagnostics(uri, 1);
  await client.open(uri, text);
  const diagnostics = (await d).diagnostics;
  const titlesAt = async (diagnostic: (typeof diagnostics)[number]) => (await client.request<Array<{ title: string }>>('textDocument/codeAction', {
    textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
  })).map((a) => a.title);
  const missing = diagnostics.find((x) => x.code === 'row-missing')!;
  assert.equal(missing.message, '表2 缺少“2.重复申请”行');
  // The row can be inserted, the finding silenced, or a reviewer's decision recorded; nothing else
  // (no fix-all that would not touch it).
  assert.deepEqual(await titlesAt(missing), ['插入“2.重复申请”行（数值留空）', '在此处忽略 row-missing（写入 .gov-report.json）', '关闭规则 row-missing（写入 .gov-report.json）', '确认问题（记入审阅记录）', '排除（填写理由）…']);
  const fillable = diagnostics.find((x) => x.code === 'review-total')!;
  const titles = await titlesAt(fillable);
  assert.ok(titles.some((t) => t.startsWith('修复本文档所有可确定的问题')), JSON.stringify(titles));
});

test('source.fixAll.gov-report fixes every determined problem with minimal edits', async () => {
  const uri = 'file:///reports/sample.txt';
  const text = fixture('..', '..', 'examples', 'sample-2023.txt');
  const d = client.diagnostics(uri, 1);
  await client.open(uri, text);
  await d;
  const actions = await client.request<Array<{ kind: string; edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gov-report'] },
  });
  assert.equal(actions.length, 1);
  const edits = actions[0]!.edit.changes[uri]!;
  assert.equal(edits.length, 3);
  const fixed = applyLspEdits(text, edits);
  assert.deepEqual(run(fixed).findings.map((f) => f.ruleId), ['text-table']);
});

test('hover on a total cell writes out the sum; hover on a 表2 row label gives its basis', async () => {
  const uri = 'file:///reports/clean.txt';
  const text = fixture('rules', 'clean-2023.txt');
  const lines = text.split('\n');
  const lineNo = lines.findIndex((l) => l.startsWith('（七）总计'));
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: lineNo, character: lines[lineNo]!.lastIndexOf('13') + 1 } });
  assert.match(hover.contents.value, /11 \+ 1 \+ 0 \+ 0 \+ 1 \+ 0 = 13 ✓/);
  assert.match(hover.contents.value, /6 \+ 2 \+ 0 \+ 0 \+ 1 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 \+ 3 \+ 0 \+ 0 \+ 1 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 13 ✓/);
  // The relations the cell takes part in, each with its difference.
  assert.match(hover.contents.value, /“（七）总计”行合计：13 = 13 ✓/);
  assert.match(hover.contents.value, /“总计”列的收支平衡（一 \+ 二 = （七）\+ 四）：16 = 16 ✓/);
  const refused = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));
  const h2 = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: refused, character: lines[refused]!.indexOf('保护') } });
  assert.match(h2.contents.value, /第十五条/);
  const inquiry = lines.findIndex((l) => l.includes('8.属于行政查询事项'));
  const h3 = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: inquiry, character: lines[inquiry]!.indexOf('查询') } });
  assert.match(h3.contents.value, /没有专门条款/);
});

test('a non-report plain-text file gets no diagnostics and no symbols', async () => {
  const uri = 'file:///notes/todo.txt';
  const d = client.diagnostics(uri, 1);
  await client.open(uri, '购物清单\n一、苹果 3\n二、梨 5\n');
  assert.deepEqual((await d).diagnostics, []);
  assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
});

test('folding ranges cover the sections and tables', async () => {
  const ranges = await client.request<Array<{ startLine: number; endLine: number }>>('textDocument/foldingRange', { textDocument: { uri: uriOf('weihui-2023.txt') } });
  assert.ok(ranges.length >= 9);
  assert.ok(ranges.some((r) => r.startLine === 36)); // 三、收到和处理… (0-based)
});

test('English UI when the client locale is en', async () => {
  const en = await LspClient.start(root, { locale: 'en' });
  try {
    const uri = uriOf('guangshui-2024.txt');
    const d = en.diagnostics(uri, 1);
    await en.open(uri, fixture('real', 'guangshui-2024.txt'));
    assert.equal((await d).diagnostics[0]?.message, 'Heading number "2、" should be "二、"');
  } finally {
    await en.stop();
  }
});

test('per-rule severity settings are honoured (zod-validated; junk ignored)', async () => {
  const c = await LspClient.start(root, { settings: { severity: { 'section-numbering': 'off', 'row-total': 'bogus' }, language: 42 } });
  try {
    const uri = uriOf('guangshui-2024.txt');
    await new Promise((r) => setTimeout(r, 100));
    const d = c.diagnostics(uri, 1);
    await c.open(uri, fixture('real', 'guangshui-2024.txt'));
    let p = await d;
    // The first publication may predate the settings; wait for the one after them if needed.
    if (p.diagnostics.length > 0) p = await c.diagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
  } finally {
    await c.stop();
  }
});

test('two open reports of one agency for consecutive years are checked against each other', async () => {
  const uri2022 = 'file:///reports/2022.txt';
  const uri2023 = 'file:///reports/2023.txt';
  const text2022 = fixture('rules', 'clean-2022.txt').replace('四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1', '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2');
  const first = client.diagnostics(uri2023, 1);
  await client.open(uri2023, fixture('rules', 'clean-2023.txt'));
  assert.deepEqual((await first).diagnostics, []);
  // Opening last year's report re-checks this year's: row II no longer follows from row IV.
  const again = new Promise<void>((resolve) => {
    const check = () => (client.published.some((p) => p.uri === uri2023 && p.diagnostics.some((d) => d.code === 'carry-over')) ? resolve() : setTimeout(check, 5));
    check();
  });
  await client.open(uri2022, text2022);
  await again;
  const latest = client.published.filter((p) => p.uri === uri2023).at(-1)!;
  // (And copied-report: the 2022 fixture's narrative is the 2023 one with other figures, truly.)
  assert.deepEqual(latest.diagnostics.map((d) => d.code), ['carry-over', 'carry-over', 'copied-report']);
  assert.match(latest.diagnostics[0]!.message, /2022 年报告“四、结转下年度继续办理”为 2/);
});

test('更新合计: the totals follow the figures typed into the zero template (preferred quick fix; fix-all on save), and the typed figures stay', async () => {
  const uri = 'file:///reports/follow.txt';
  const { reportSkeleton } = await import('../../shared/src/index');
  let text = reportSkeleton({ agency: '示例县', year: 2025, layout: 'text', cells: 'zero' });
  let version = 1;
  const d = client.diagnostics(uri, version);
  await client.open(uri, text);
  await d;
  const lineOf = (start: string) => text.split('\n').findIndex((l) => l.startsWith(start));
  const cellsOf = (start: string) => text.split('\n')[lineOf(start)]!.split('\t');
  const actions = (only: string[], at = { line: 0, character: 0 }) => client.request<Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only },
  });
  /** Types `figure` over the 自然人 cell of the row starting with `start`, as the writer would. */
  const type = async (start: string, figure: string) => {
    const line = lineOf(start);
    const cells = cellsOf(start);
    const natural = cells.length - 7;
    const character = cells.slice(0, natural).join('\t').length + 1;
    const published = client.diagnostics(uri, ++version);
    await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character: character + cells[natural]!.length } }, text: figure }]);
    text = text.split('\n').map((l, k) => (k === line ? [...cells.slice(0, natural), figure, ...cells.slice(natural + 1)].join('\t') : l)).join('\n');
    return { diagnostics: (await published).diagnostics, at: { line, character } };
  };
  /** Saves with fix-all: its edits applied as the editor applies them. */
  const save = async () => {
    const edits = (await actions(['source.fixAll.gov-report']))[0]?.edit.changes[uri] ?? [];
    const published = client.diagnostics(uri, ++version);
    text = applyLspEdits(text, edits);
    await client.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length + 5, character: 0 } }, text }]);
    return (await published).diagnostics;
  };
  const ARITHMETIC = ['wrong-cell', 'balance', 'outcome-total', 'row-total', 'review-total'];
  // 12 new applications from natural persons: 一's total and 四 follow (一 + 二 − （七）).
  const first = await type('一、本年新收', '12');
  assert.ok(first.diagnostics.some((x) => ARITHMETIC.includes(String(x.code))));
  const quick = await actions(['quickfix'], first.at);
  assert.match(quick[0]!.title, /^更新合计（按所填数字重算 3 个合计）$/);
  assert.equal(quick[0]!.isPreferred, true);
  assert.deepEqual((await save()).filter((x) => ARITHMETIC.includes(String(x.code))), []);
  assert.deepEqual(cellsOf('一、本年新收').slice(-7), ['12', '0', '0', '0', '0', '0', '12']);
  assert.deepEqual(cellsOf('四、结转下年度继续办理').slice(-7), ['12', '0', '0', '0', '0', '0', '12']);
  // Then 12 of them granted: （七） follows, and 四 (written by the last save, not typed) follows again.
  await type('三、本年度办理结果\t（一）予以公开', '12');
  assert.deepEqual((await save()).filter((x) => ARITHMETIC.includes(String(x.code))), []);
  assert.deepEqual(cellsOf('三、本年度办理结果\t（一）予以公开').slice(-7), ['12', '0', '0', '0', '0', '0', '12']);
  assert.deepEqual(cellsOf('（七）总计').slice(-7), ['12', '0', '0', '0', '0', '0', '12']);
  assert.deepEqual(cellsOf('四、结转下年度继续办理').slice(-7), ['0', '0', '0', '0', '0', '0', '0']);
  assert.deepEqual(cellsOf('一、本年新收').slice(-7), ['12', '0', '0', '0', '0', '0', '12'], 'the first typed figure stays');
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('更新合计 is never applied by fix-all to a total that was a figure of its own when the file was opened', async () => {
  const uri = 'file:///reports/own-total.txt';
  // 一's total was 99 when opened (not its parts' sum): the writer's own figure.
  const text = fixture('rules', 'clean-2023.txt').replace(/(一、本年新收政府信息公开申请数量\t\t\d+\t\d+\t\d+\t\d+\t\d+\t\d+\t)\d+/, '$199');
  const d = client.diagnostics(uri, 1);
  await client.open(uri, text);
  await d;
  const line = text.split('\n').findIndex((l) => l.startsWith('一、本年新收'));
  const cells = text.split('\n')[line]!.split('\t');
  const character = cells.slice(0, cells.length - 7).join('\t').length + 1;
  const typed = client.diagnostics(uri, 2);
  await client.change(uri, 2, [{ range: { start: { line, character }, end: { line, character: character + cells[cells.length - 7]!.length } }, text: '20' }]);
  await typed;
  const edits = (await client.request<Array<{ edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gov-report'] },
  }))[0]?.edit.changes[uri] ?? [];
  assert.ok(!edits.some((e) => e.range.start.line === line), JSON.stringify(edits));
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('the writer types into the zero template: fix-all on save keeps every typed figure (a slip or not), and fixes a slip it did not see typed', async () => {
  const uri = 'file:///reports/typed.txt';
  const { reportSkeleton } = await import('../../shared/src/index');
  const text = reportSkeleton({ agency: '示例县', year: 2025, layout: 'text', cells: 'zero' });
  const d = client.diagnostics(uri, 1);
  await client.open(uri, text);
  await d;
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  const cells = lines[line]!.split('\t');
  const natural = cells.length - 7; // the 自然人 cell
  const fixAllEdits = async () => (await client.request<Array<{ edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gov-report'] },
  }))[0]?.edit.changes[uri] ?? [];
  // "1" typed over the 0 (one digit changed: a slip to the identities), then "12" (another length).
  for (const [version, typedText] of [[2, '1'], [3, '12']] as const) {
    const typedLine = cells.map((c, k) => (k === natural ? typedText : c)).join('\t');
    const published = client.diagnostics(uri, version);
    await client.change(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: lines[line]!.length } }, text: typedLine }]);
    lines[line] = typedLine;
    const diags = (await published).diagnostics;
    assert.ok(diags.some((x) => x.code === 'wrong-cell' || x.code === 'balance' || x.code === 'row-total'), `${typedText}: the totals disagree`);
    const edits = await fixAllEdits();
    const after = applyLspEdits(lines.join('\n'), edits);
    assert.ok(after.split('\n')[line]!.split('\t').includes(typedText), `${typedText}: the typed figure stays (${JSON.stringify(edits)})`);
  }
  // A slip in a file opened as it is (not typed here) is fixed by fix-all: 4 for 5 in （一）予以公开.
  const other = 'file:///reports/slip.txt';
  const clean = fixture('rules', 'clean-2023.txt');
  const slipText = clean.replace(/（一）予以公开\t5\t/, "（一）予以公开\t4\t");
  assert.notEqual(slipText, clean);
  const od = client.diagnostics(other, 1);
  await client.open(other, slipText);
  await od;
  const fixes = await client.request<Array<{ edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri: other }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gov-report'] },
  });
  assert.equal(applyLspEdits(slipText, fixes[0]?.edit.changes[other] ?? []), clean);
});

test('a PDF checked from disk and opened as its rebuilt report: its problems are listed once, on the rebuilt report while it is open, on the file otherwise', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-once-'));
  const path = join(dir, 'hongze-2024.pdf');
  copyFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'), path);
  const file = pathToFileURL(path).toString();
  // As the client names it: the original's URI in the query.
  const target = `gov-report-rebuilt:${pathToFileURL(path).pathname}.md?${encodeURIComponent(file)}`;
  const latest = (uri: string) => client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? [];
  // Checked from disk (the workspace check, the workspace scope, the overview): listed on the file, counted once.
  const onFile = client.diagnostics(file);
  const total = await client.request<{ errors: number; warnings: number; infos: number }>('gov-report/checkFiles', { uris: [file] });
  const fromDisk = (await onFile).diagnostics;
  assert.ok(fromDisk.length > 0);
  assert.equal(total.errors + total.warnings + total.infos, fromDisk.length);
  // Opened (a click in the overview, the PDF from the Explorer): the problems move to the rebuilt report.
  const r = await client.request<{ ok: boolean; markdown: string }>('gov-report/rebuild', { source: file, target });
  assert.equal(r.ok, true);
  const cleared = client.diagnostics(file);
  const onRebuilt = client.diagnostics(target, 1);
  await client.open(target, r.markdown, 'markdown');
  assert.deepEqual((await cleared).diagnostics, []);
  const shown = (await onRebuilt).diagnostics;
  assert.deepEqual(shown.map((d) => `${d.code} ${d.message}`), fromDisk.map((d) => `${d.code} ${d.message}`));
  assert.ok(shown.some((d) => d.range.start.line > 0), 'on the rebuilt report, each at its line');
  // Checked from disk again while it is open: still listed once, on the rebuilt report.
  const again = client.diagnostics(file);
  await client.request('gov-report/checkFiles', { uris: [file] });
  assert.deepEqual((await again).diagnostics, []);
  assert.equal(latest(target).length + latest(file).length, fromDisk.length);
  // Closed: back on the file, as the check from disk left them; the rebuilt report's are cleared.
  const back = client.diagnostics(file);
  const gone = client.diagnostics(target);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: target } });
  assert.deepEqual((await back).diagnostics.map((d) => `${d.code} ${d.message}`), fromDisk.map((d) => `${d.code} ${d.message}`));
  assert.deepEqual((await gone).diagnostics, []);
  assert.equal(latest(target).length + latest(file).length, fromDisk.length);
});

test('the empty template: each table not filled in yet has one quick fix 空白单元格填 0 that fills all its blank cells; fix-all and fix-on-save never write those 0s', async () => {
  const uri = 'file:///reports/empty-template.md';
  const { reportSkeleton } = await import('../../shared/src/index');
  const text = reportSkeleton({ agency: '示例县', year: 2025, layout: 'markdown', cells: 'empty' });
  const published = client.diagnostics(uri, 1);
  await client.open(uri, text, 'markdown');
  const diagnostics = (await published).diagnostics;
  // Every placeholder said once, as an info; each unfilled table once.
  assert.equal(diagnostics.filter((d) => d.code === 'unfilled-text' && d.severity === 3).length, 7);
  const table2 = diagnostics.find((d) => d.code === 'blank-value' && d.message.startsWith('表2尚未填写'))!;
  assert.ok(table2);
  const actions = await client.request<Array<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: table2.range, context: { diagnostics: [table2], only: ['quickfix'] },
  });
  const fill = actions.filter((a) => a.title.startsWith('空白单元格填 0'));
  assert.deepEqual(fill.map((a) => a.title), ['空白单元格填 0（表2，175 处）']);
  assert.ok(!fill[0]!.isPreferred);
  const edits = fill[0]!.edit.changes[uri]!;
  assert.equal(edits.length, 175);
  assert.ok(edits.every((e) => e.newText === '0'));
  const filled = applyLspEdits(text, edits);
  const after = run(filled).findings;
  assert.ok(!after.some((f) => f.ruleId === 'blank-value' && f.message.zh.startsWith('表2')));
  assert.deepEqual(after.map((f) => f.ruleId), run(text).findings.filter((f) => !(f.ruleId === 'blank-value' && f.message.zh.startsWith('表2'))).map((f) => f.ruleId));
  const fixAll = await client.request<Array<{ edit: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gov-report'] },
  });
  assert.deepEqual(fixAll.flatMap((a) => a.edit.changes[uri] ?? []), []);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('issue 28: a figure typed into the zero template, saved and reopened, is read as typed: 更新合计 first and preferred, no fix reverts it, fix-all keeps it and the totals follow', async () => {
  const uri = 'file:///reports/reopened.txt';
  const { reportSkeleton } = await import('../../shared/src/index');
  const template = reportSkeleton({ agency: '示例县', year: 2025, layout: 'text', cells: 'zero' });
  const opened = client.diagnostics(uri, 1);
  await client.open(uri, template);
  await opened;
  // 12 typed over the 0 under 自然人 in 一、本年新收 (an incremental edit, as the editor sends it).
  const lines = template.split('\n');
  const line = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const cells = lines[line]!.split('\t');
  const natural = cells.length - 7;
  const character = cells.slice(0, natural).join('\t').length + 1;
  const cellRange = { start: { line, character }, end: { line, character: character + 1 } };
  const typed = client.diagnostics(uri, 2);
  await client.change(uri, 2, [{ range: cellRange, text: '12' }]);
  await typed;
  const text = applyLspEdits(template, [{ range: cellRange, newText: '12' }]);
  type Action = { title: string; isPreferred?: boolean; kind?: string; edit?: { changes?: Record<string, TextEdit[]> } };
  const quickFixes = (d: Diagnostic) => client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  const fixAllOf = async () => (await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gov-report'] },
  }))[0]?.edit?.changes?.[uri] ?? [];
  const reverts = (a: Action) => (a.edit?.changes?.[uri] ?? []).some((e) => e.range.start.line === line && e.range.start.character <= character + 2 && e.range.end.character >= character);
  // Still open: 更新合计 is offered once (from the typed figure, and the finding says the same).
  const inSession = (await client.published.filter((p) => p.uri === uri && p.version === 2).at(-1)!).diagnostics.find((x) => x.code === 'wrong-cell')!;
  const sessionTitles = (await quickFixes(inSession)).map((a) => a.title);
  assert.equal(sessionTitles.filter((t) => t.startsWith('更新合计')).length, 1, JSON.stringify(sessionTitles));
  // Saved as it is (fix on save off), closed, and opened again: the server no longer knows what was typed.
  await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const reopened = client.diagnostics(uri, 7);
  await client.open(uri, text, 'plaintext', 7);
  const diagnostics = (await reopened).diagnostics;
  const arithmetic = diagnostics.filter((x) => ['wrong-cell', 'balance', 'outcome-total', 'row-total', 'review-total'].includes(String(x.code)));
  assert.deepEqual(arithmetic.map((x) => x.code), ['wrong-cell']);
  const located = arithmetic[0]!;
  assert.deepEqual(located.range, { start: { line, character }, end: { line, character: character + 2 } }, 'on the 12');
  assert.equal(located.message, '行合计与收支平衡（一 + 二 = （七）+ 四）尚未随“一、本年新收政府信息公开申请数量”·“自然人”的 12 更新（仍按 0 计算）；如 12 无误，请更新合计');
  assert.doesNotMatch(located.message, /应为/);
  const actions = await quickFixes(located);
  assert.equal(actions[0]?.title, '更新合计（按所填数字重算 3 个合计）', JSON.stringify(actions.map((a) => a.title)));
  assert.equal(actions[0]?.isPreferred, true);
  assert.deepEqual(actions.filter(reverts).map((a) => a.title), [], 'no fix writes over the 12');
  assert.ok(actions.slice(1).every((a) => !a.isPreferred));
  // The hover on the 12 says the same (the locator's reading), not "应为 0".
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: character + 1 } });
  assert.match(hover.contents.value, /合计尚未随此处的 12 更新（仍按 0 计算）/);
  assert.doesNotMatch(hover.contents.value, /改为 0/);
  // Fix-all (as on save with fix on save on) keeps 12 and updates the totals.
  const fixed = applyLspEdits(text, await fixAllOf());
  const row = (start: string) => fixed.split('\n').find((l) => l.startsWith(start))!.split('\t').slice(-7);
  assert.deepEqual(row('一、本年新收'), ['12', '0', '0', '0', '0', '0', '12']);
  assert.deepEqual(row('四、结转下年度继续办理'), ['12', '0', '0', '0', '0', '0', '12']);
  // The quick fix gives the same document, and nothing arithmetic is left.
  assert.equal(applyLspEdits(text, actions[0]!.edit!.changes![uri]!), fixed);
  const after = client.diagnostics(uri, 8);
  await client.change(uri, 8, [{ text: fixed }]);
  assert.deepEqual((await after).diagnostics.filter((x) => ['wrong-cell', 'balance', 'outcome-total', 'row-total', 'review-total'].includes(String(x.code))), []);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('表1 row-missing: the quick fix inserts the item\'s row where it belongs, cells empty; fix-all never inserts it', async () => {
  const uri = 'file:///reports/table1-row.txt';
  const clean = fixture('rules', 'clean-2023.txt');
  const text = clean.replace(/\n规章\t[^\n]*/, '');
  assert.notEqual(text, clean);
  const d = client.diagnostics(uri, 1);
  await client.open(uri, text);
  const missing = (await d).diagnostics.find((x) => x.code === 'row-missing')!;
  assert.equal(missing.message, '表1 第二十条第（一）项缺少“规章”行');
  const actions = await client.request<Array<{ title: string; isPreferred?: boolean; edit?: { changes?: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: missing.range, context: { diagnostics: [missing], only: ['quickfix'] },
  });
  assert.equal(actions[0]?.title, '插入“规章”行（数值留空）', JSON.stringify(actions.map((a) => a.title)));
  assert.ok(!actions[0]?.isPreferred);
  assert.equal(applyLspEdits(text, actions[0]!.edit!.changes![uri]!), clean.replace(/\n规章\t[^\n]*/, '\n规章\t\t\t'));
  const all = await client.request<Array<{ edit?: { changes?: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: missing.range, context: { diagnostics: [], only: ['source.fixAll.gov-report'] },
  });
  assert.deepEqual(all, [], 'nothing for fix-all to do');
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('one protocol module (shared/src/protocol.ts): the server answers each of its requests; no other source of the server, the client or the overview page spells a gov-report/ method; it holds types and constant strings only (the webview bundle imports it)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-report-protocol-'));
  const nowhere = pathToFileURL(join(dir, 'nothing.pdf')).toString();
  const params: { [M in RequestMethod]: RequestParams<M> } = {
    [OVERVIEW_REQUEST]: { uris: [], trusted: true },
    [EXPORT_REQUEST]: { entries: [], format: 'json' },
    [CHECK_FILES_REQUEST]: { uris: [] },
    [REBUILD_REQUEST]: { source: nowhere, target: 'gov-report-rebuilt:/nothing.pdf.md' },
    [CONVERT_REQUEST]: { source: nowhere },
    [RECORD_DECISION_REQUEST]: { uri: pathToFileURL(join(dir, 'nothing.txt')).toString(), fingerprint: 'text-table:00000000', decision: 'confirmed' },
  };
  assert.deepEqual([...REQUEST_METHODS].sort(), Object.keys(params).sort());
  const answers = Object.fromEntries(await Promise.all(REQUEST_METHODS.map(async (m) => [m, await client.request<Record<string, unknown>>(m, params[m])] as const)));
  assert.deepEqual(answers[OVERVIEW_REQUEST]!.rows, []);
  assert.deepEqual(answers[CHECK_FILES_REQUEST], { checked: 0, reports: 0, errors: 0, warnings: 0, infos: 0 });
  for (const m of [REBUILD_REQUEST, CONVERT_REQUEST, RECORD_DECISION_REQUEST]) assert.equal(answers[m]!.ok, false, m);
  // No method name spelled outside the protocol module.
  const sources = (folder: string) => readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(folder, f));
  const spelled = ['server/src', 'client/src', 'shared/src'].flatMap(sources).filter((f) => !f.endsWith(join('shared', 'src', 'protocol.ts')))
    .filter((f) => /['"`]gov-report\/[A-Za-z]/.test(readFileSync(join(root, f), 'utf8')));
  assert.deepEqual(spelled, []);
  const protocol = readFileSync(join(root, 'shared', 'src', 'protocol.ts'), 'utf8');
  assert.deepEqual(protocol.split('\n').filter((l) => /^\s*(import\b|export .* from ['"])/.test(l) && !/^import type /.test(l)), [], 'type imports only');
});

test('a language change (VS Code closes the document and opens it again at once) keeps its problems listed and what was typed; a close for good clears them', async () => {
  const uri = 'file:///reports/language-change.txt';
  const text = fixture('rules', 'clean-2023.txt');
  const lineNo = text.split('\n').findIndex((l) => l.includes('（一）予以公开'));
  const character = text.split('\n')[lineNo]!.lastIndexOf('6');
  const first = client.diagnostics(uri, 1);
  await client.open(uri, text);
  await first;
  const broken = client.diagnostics(uri, 2);
  await client.change(uri, 2, [{ range: { start: { line: lineNo, character }, end: { line: lineNo, character: character + 1 } }, text: '7' }]);
  // (Other reports of this agency open in this server add their cross-year findings: compared as a whole.)
  const listed = (await broken).diagnostics.map((d) => d.code);
  assert.ok(listed.includes('wrong-cell'), JSON.stringify(listed));
  const typedText = applyLspEdits(text, [{ range: { start: { line: lineNo, character }, end: { line: lineNo, character: character + 1 } }, newText: '7' }]);
  const seen = client.published.length;
  // The language changes: closed and opened again in the new language, with the same text.
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const again = client.diagnostics(uri, 3);
  await client.open(uri, typedText, 'gov-report', 3);
  assert.deepEqual((await again).diagnostics.map((d) => d.code), listed);
  await new Promise((r) => setTimeout(r, 400));
  // No empty publication in between (the Problems panel does not flicker).
  assert.deepEqual(client.published.slice(seen).filter((p) => p.uri === uri && p.diagnostics.length === 0), []);
  // What was typed is still the writer's: fix-all leaves the typed figure (its fix stays a quick fix).
  const fixAll = await client.request<Array<{ title: string; edit?: { changes: Record<string, TextEdit[]> } }>>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.gov-report'] },
  });
  const writes = (fixAll[0]?.edit?.changes[uri] ?? []).filter((e) => e.range.start.line === lineNo && e.range.start.character === character);
  assert.deepEqual(writes, []);
  // Closed for good: the problems are cleared.
  const cleared = new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (client.published.some((p, k) => k >= seen && p.uri === uri && p.diagnostics.length === 0)) {
        clearInterval(poll);
        resolve();
      }
    }, 20);
  });
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await cleared;
});
