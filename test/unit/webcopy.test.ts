// Text copied from a web page: the whole report on one line (or a few). Made from each example and
// corpus report by joining its lines with spaces (a Markdown report as its rendered page would be
// copied: without pipes and heading marks), it reads as the original: six sections, three tables,
// the same arithmetic findings, and one finding saying the line breaks were lost. With the cells
// of each row glued together as well, the rows that split in exactly one way are read and the
// others named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../shared/src/index';
import { LAYOUTS_WITH_CELLS, realisticFigures, render } from '../helpers/render';
import { fixture, run } from '../helpers/util';

const ARITHMETIC = ['wrong-cell', 'balance', 'outcome-total', 'row-total', 'review-total'];
const arithmetic = (f: Finding[]) => f.filter((x) => ARITHMETIC.includes(x.ruleId)).map((x) => `${x.ruleId}: ${x.message.zh}`);

/** What a browser's copy of the rendered page gives for a Markdown report. */
const rendered = (md: string) => md.split('\n').filter((l) => !/^\s*\|?\s*:?-{2,}/.test(l)).map((l) => l.replace(/^#+\s*/, '').replace(/\|/g, ' ')).join('\n');

// jinxiang's blank cells and hongze's page layout do not survive a join (an empty cell between two
// spaces is no cell), and the converter's generic header rows of shuyang-2025.md need its pipes:
// they are read by the tests of their own layouts.
const SOURCES: Array<[string, string]> = [
  ['weihui-2023.txt', fixture('real', 'weihui-2023.txt')],
  ['guangshui-2024.txt', fixture('real', 'guangshui-2024.txt')],
  ['yichuan-2020.txt', fixture('real', 'yichuan-2020.txt')],
  ['beiguan-2023.md (rendered)', rendered(fixture('real', 'beiguan-2023.md'))],
  ['sample-2023.txt', fixture('..', '..', 'examples', 'sample-2023.txt')],
  ...LAYOUTS_WITH_CELLS.filter((l) => l !== 'html' && l !== 'markdownHtml').map((l): [string, string] => [`rendered ${l}`, l.startsWith('markdown') ? rendered(render(realisticFigures(), l)) : render(realisticFigures(), l)]),
];

for (const [name, original] of SOURCES) {
  test(`${name} on one line: six sections, three tables, the same arithmetic findings, said once`, () => {
    const before = run(original);
    const joined = original.split(/\r?\n/).join(' ');
    const after = run(joined);
    assert.deepEqual(after.model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(Object.keys(after.model.tables).sort(), ['table1', 'table2', 'table3']);
    assert.deepEqual(arithmetic(after.findings), arithmetic(before.findings));
    const said = after.findings.filter((f) => f.ruleId === 'lost-line-breaks');
    assert.equal(said.length, 1);
    assert.equal(said[0]!.range.start, 0);
    // Every 表2 figure read as in the original, each range on the characters of the long line.
    const figures = (m: typeof before.model) => m.tables.table2!.rows.filter((r) => r.cells.length).map((r) => `${r.rowId} ${r.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)).join(' ')}`);
    assert.deepEqual(figures(after.model), figures(before.model));
    for (const r of after.model.tables.table2!.rows) for (const c of r.cells) if (c.value.kind === 'number') assert.equal(joined.slice(c.range.start, c.range.end), c.raw);
  });
}

test('a report on a few long lines (one per section) reads the same', () => {
  const original = fixture('real', 'guangshui-2024.txt');
  const paragraphs = original.split(/\n(?=[一二三四五六2]、)/).map((p) => p.split('\n').join(' ')).join('\n');
  const { model, findings } = run(paragraphs);
  assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(arithmetic(findings), []);
});

test('cells glued as well: six sections, three tables, unique splits read, the others named', () => {
  const original = render(realisticFigures(), 'pdf');
  // "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119" → "…数量 300153006143119"
  const glued = original.split('\n').map((l) => l.replace(/((?:\s\d+){2,})$/, (m) => ' ' + m.trim().split(/\s+/).join(''))).join(' ');
  const { model, findings } = run(glued);
  assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(Object.keys(model.tables).sort(), ['table1', 'table2', 'table3']);
  const rows = model.tables.table2!.rows.filter((r) => r.flattened);
  assert.ok(rows.length >= 20, `${rows.length} glued rows`);
  // Every glued row is accounted for: split by the identities (counted once, by lost-line-breaks),
  // split one way whatever they say (read as written), or not read (named, once per table).
  const all = Object.values(model.tables).flatMap((t) => t!.rows).filter((r) => r.flattened);
  const chosen = all.filter((r) => r.flattened!.candidates.length === 1 && !r.flattened!.forced);
  assert.match(findings.find((f) => f.ruleId === 'lost-line-breaks')!.message.zh, new RegExp(`；${chosen.length} 行`));
  const named = new Set(findings.filter((f) => f.ruleId === 'flattened-row').flatMap((f) => [f.range.start, ...f.related.map((x) => x.range.start)]));
  for (const r of all.filter((x) => x.flattened!.candidates.length !== 1)) assert.ok(named.has(r.flattened!.range.start), `${r.rowId} is named`);
  const read = rows.filter((r) => r.flattened!.candidates.length === 1);
  assert.ok(read.length > 0, 'rows that split one way are read');
  const reference = run(original).model.tables.table2!.rows;
  for (const r of read) assert.deepEqual(r.cells.map((c) => (c.value.kind === 'number' ? c.value.value : null)), reference.find((x) => x.rowId === r.rowId)!.cells.map((c) => (c.value.kind === 'number' ? c.value.value : null)), r.rowId);
});

test('an ordinary report with long paragraphs is not reflowed', () => {
  const { findings } = run(fixture('real', 'weihui-2023.txt'));
  assert.ok(!findings.some((f) => f.ruleId === 'lost-line-breaks'));
});

test('a heading written with its first sentence on the same line is found, and no lost line break is claimed', () => {
  const original = fixture('real', 'weihui-2023.txt');
  const text = original.replace(/^一、总体情况\n+/m, '一、总体情况。').replace(/^五、存在的主要问题及改进情况\n+/m, '五、存在的主要问题及改进情况。');
  assert.notEqual(text, original);
  const { model, findings } = run(text);
  assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
  assert.ok(!findings.some((f) => f.ruleId === 'lost-line-breaks'));
});

/**
 * Crawler text (the family of pingtan-2019-web.txt): a metadata block, then the body on one line
 * with nothing between a heading and its text, a label and its figures, or (mostly) two figures.
 */
function crawled(original: string, spaceEvery: number): string {
  let n = 0;
  const body = original.split('\n').filter((l) => !/^-\s*\d+\s*-$/.test(l.trim())).map((l) => l.replace(/((?:\s\d+(?:\.\d+)?){1,})$/, (m) => m.trim().split(/\s+/).map((v, k) => (k > 0 && ++n % spaceEvery === 0 ? ' ' : '') + v).join(''))).join('');
  return ['标题: 示例县人民政府办公室2023年政府信息公开工作年度报告', '发布时间: 2024-01-20 15:22', '文号: ', '栏目: 政府信息公开年报', '原文链接: https://example.invalid/a.htm', '==================== 正文 ====================', body].join('\n');
}

for (const spaceEvery of [1000, 3, 2]) {
  test(`crawler text, cells glued (one boundary in ${spaceEvery} spaced): the same 表2 and 表3 where one split fits, the rest said once, no arithmetic finding`, () => {
    const original = render(realisticFigures(), 'pdf');
    const reference = run(original).model;
    const text = crawled(original, spaceEvery);
    const { model, findings } = run(text);
    assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(Object.keys(model.tables).sort(), ['table1', 'table2', 'table3']);
    assert.deepEqual(arithmetic(findings), []);
    const values = (r: { cells: Array<{ value: { kind: string; value?: number } }> }) => r.cells.map((c) => (c.value.kind === 'number' ? c.value.value : null)).join(' ');
    const rows = model.tables.table2!.rows.filter((r) => r.cells.length > 0);
    assert.equal(rows.length, reference.tables.table2!.rows.filter((r) => r.cells.length > 0).length);
    let read = 0;
    for (const r of rows) {
      assert.ok(r.flattened?.glued, r.rowId);
      if (r.flattened!.candidates.length !== 1) continue;
      read++;
      assert.equal(values(r), values(reference.tables.table2!.rows.find((x) => x.rowId === r.rowId)!), r.rowId);
      for (const c of r.cells) assert.equal(text.slice(c.range.start, c.range.end), c.raw);
    }
    assert.ok(read >= rows.length - 2, `${read} of ${rows.length} rows read`);
    assert.equal(values(model.tables.table3!.rows[0]!), values(reference.tables.table3!.rows[0]!));
    const said = findings.filter((f) => f.ruleId === 'lost-line-breaks');
    assert.equal(said.length, 1);
    // Counted: the rows whose split the identities chose; a run with one split whatever they say is read as written.
    const chosen = Object.values(model.tables).flatMap((t) => t!.rows).filter((r) => r.flattened?.candidates.length === 1 && !r.flattened.forced);
    assert.ok(chosen.length > 0 && chosen.every((r) => r.cells.every((c) => c.read === 'inferred')));
    assert.match(said[0]!.message.zh, new RegExp(`${chosen.length} 行`));
    // Rows that could not be read are said once per table, never computed with.
    const unread = findings.filter((f) => f.ruleId === 'flattened-row');
    assert.ok(unread.length <= 2, unread.map((f) => f.message.zh).join('\n'));
  });
}

test('crawler text: a table\'s last figure run into the next sentence\'s year is split at the sentence; a figure written with its unit (2笔) is the number', () => {
  const original = fixture('corpus', 'pingtan-ziyuan-2022-web.txt');
  const year = original.replace('行政事业性收费0 三、', '行政事业性收费02025年，本局未收费。三、').replace(/四、结转下年度继续办理 000000 0 +四、/, '四、结转下年度继续办理 00000002025年，本局无结转。四、');
  assert.ok(year.includes('00000002025年') && year.includes('行政事业性收费02025年'));
  const value = (m: ReturnType<typeof run>['model'], table: 'table1' | 'table2', id: string) => m.tables[table]!.rows.find((r) => r.rowId === id)!.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)).join(' ');
  const read = run(year);
  assert.equal(value(read.model, 'table1', 'item8.fees'), '0');
  assert.equal(value(read.model, 'table2', 'carryOver'), '0 0 0 0 0 0 0');
  assert.deepEqual(read.findings.map((f) => f.ruleId), run(original).findings.map((f) => f.ruleId));
  const unit = run(original.replace('行政许可202第二十条', '行政许可202笔第二十条'));
  assert.equal(value(unit.model, 'table1', 'item5.licensing'), '202');
  const tab = run(fixture('rules', 'clean-2023.txt').replace('行政许可\t1368', '行政许可\t1368笔'));
  assert.equal(value(tab.model, 'table1', 'item5.licensing'), '1368');
  assert.deepEqual(tab.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId), []);
});
