// The five real reports (byte-identical copies of ../shared/examples): their model and findings
// are snapshot-tested, and each defect docs/format.md §10 lists is asserted explicitly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize, type Finding } from '../../shared/src/index';
import { matchSnapshot } from '../helpers/snapshot';
import { ARITHMETIC, fixture, lineOf, REAL, root, run } from '../helpers/util';

function snapshotOf(name: string) {
  const { model, findings } = run(fixture('real', name));
  const summary = summarize(model, findings);
  return {
    title: model.title?.text,
    agency: model.agency,
    layouts: model.layouts,
    evidence: model.formatEvidence.map((e) => `${e.format}: ${e.reason.zh}`),
    ...summary,
    rows: Object.fromEntries(Object.entries(model.tables).map(([id, t]) => [id, t!.rows.filter((r) => r.cells.length).map((r) => `${r.rowId}: ${r.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)).join(' ')}${r.extraCells.length ? ` (+${r.extraCells.length})` : ''}`)])),
  };
}

for (const name of REAL) {
  test(`${name}: model and findings snapshot`, () => matchSnapshot(name, snapshotOf(name)));
  test(`${name}: six sections in order, three tables, no false arithmetic finding`, () => {
    const { model, findings } = run(fixture('real', name));
    assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(Object.keys(model.tables).sort(), ['table1', 'table2', 'table3']);
    assert.ok(model.isReport);
    const arithmetic = findings.filter((f) => ARITHMETIC.includes(f.ruleId));
    // Only jinxiang has arithmetic findings: its two blank totals.
    if (name !== 'jinxiang-2023.txt') assert.deepEqual(arithmetic, []);
  });
}

test('the fixtures are byte-identical to ../shared/examples (when it is beside the checkout)', (t) => {
  const shared = join(root, '..', 'shared', 'examples');
  if (!existsSync(shared)) return t.skip('../shared/examples is not beside this checkout');
  for (const name of REAL) assert.ok(readFileSync(join(shared, name)).equals(readFileSync(join(root, 'test', 'fixtures', 'real', name))), name);
});

const at = (findings: Finding[], rule: string) => findings.filter((f) => f.ruleId === rule);

test('weihui-2023: 2021 format, tab rows, "3. 其他" without indentation still read; no finding', () => {
  const { model, findings } = run(fixture('real', 'weihui-2023.txt'));
  assert.equal(model.formatVersion, '2021');
  assert.deepEqual(model.layouts, ['tab']);
  assert.ok(model.tables.table2?.rows.some((r) => r.rowId === 'other.other' && r.cells.length === 7));
  assert.deepEqual(findings, []);
});

test('guangshui-2024: cell per line, section 二 headed "2、", wrapped headers, 行政许可 50', () => {
  const { model, findings } = run(fixture('real', 'guangshui-2024.txt'));
  assert.deepEqual(model.layouts, ['cellPerLine']);
  assert.equal(model.title?.text, '2024年度广水市科技经信局政府信息公开工作年度报告');
  const numbering = at(findings, 'section-numbering');
  assert.equal(numbering.length, 1);
  assert.equal(lineOf(model, numbering[0]!.range.start), 10);
  assert.equal(numbering[0]!.fix?.edit.newText, '二、');
  const licensing = model.tables.table1?.rows.find((r) => r.rowId === 'item5.licensing');
  assert.deepEqual(licensing?.cells.map((c) => c.value), [{ kind: 'number', value: 50, notes: [] }]);
  assert.ok(model.tables.table2?.headers.some((h) => h.text.replace(/\s/g, '') === '商业企业' && h.columnId === 'commercial'));
  assert.equal(findings.length, 1);
});

test('guangshui-2024 with a tab after each line\'s one cell (as some exports write): still one cell per line, every figure in its row and column', () => {
  const original = run(fixture('real', 'guangshui-2024.txt')).model;
  const text = fixture('real', 'guangshui-2024.txt').replace(/^(\t[^\t\n]*)$/gm, '$1\t');
  assert.notEqual(text, fixture('real', 'guangshui-2024.txt'));
  const { model, findings } = run(text);
  const values = (m: typeof model) => Object.values(m.tables).flatMap((t) => t!.rows.flatMap((r) => r.cells.map((c) => `${r.rowId}/${c.columnId}=${c.value.kind === 'number' ? c.value.value : c.value.kind}`)));
  assert.deepEqual(values(model), values(original));
  assert.equal(values(model).length, 200);
  assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
});

test('yichuan-2020: 2019 format with (九) 政府集中采购; extra cells reported; not outdated for 2020', () => {
  const { model, findings } = run(fixture('real', 'yichuan-2020.txt'));
  assert.equal(model.formatVersion, '2019');
  assert.equal(model.year, 2020);
  assert.ok(model.tables.table1?.items.some((i) => i.item === 9 && i.rows[0]?.rowId === 'item9.procurement'));
  assert.equal(model.tables.table2?.rows.find((r) => r.rowId === 'other')?.cells.length, 7);
  assert.equal(at(findings, 'outdated-format').length, 0);
  assert.equal(at(findings, 'extra-cells').length, 4);
  assert.deepEqual(findings.filter((f) => f.ruleId !== 'extra-cells'), []);
});

test('jinxiang-2023: 表1 (八) lacks 行政事业性收费; header typo 本年度止件数; 表2 (一)(二) have their 总计 blank', () => {
  const { model, findings } = run(fixture('real', 'jinxiang-2023.txt'));
  const missing = at(findings, 'row-missing');
  assert.equal(missing.length, 1);
  assert.match(missing[0]!.message.zh, /第（八）项缺少“行政事业性收费”/);
  const header = at(findings, 'unknown-header');
  assert.equal(header.length, 1);
  assert.match(header[0]!.message.zh, /本年度止件数.*本年废止件数/);
  assert.equal(header[0]!.fix?.edit.newText, '本年废止件数');
  const totals = at(findings, 'row-total');
  assert.deepEqual(totals.map((f) => [lineOf(model, f.range.start), f.expected, f.actual, f.fix?.edit.newText]), [[67, 0, null, '0'], [68, 0, null, '0']]);
  // The blank 总计 keeps its column (the row has all seven cells): nothing was guessed to say.
  assert.equal(at(findings, 'short-row').length, 0);
  const granted = model.tables.table2!.rows.find((r) => r.rowId === 'granted')!;
  assert.deepEqual(granted.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)), [0, 0, 0, 0, 0, 0, 'blank']);
  assert.equal(model.title?.text, '金乡县科学技术局 2023 年政府信息公开 工作年度报告');
  assert.equal(model.agency, '金乡县科学技术局');
});

test('beiguan-2023: Markdown heading levels jump (## / ### / ####) while the numbering is right', () => {
  const { model, findings } = run(fixture('real', 'beiguan-2023.md'));
  assert.deepEqual(model.sections.map((s) => s.markdownLevel), [2, 2, 3, 4, 4, 4]);
  assert.deepEqual(at(findings, 'heading-level').map((f) => lineOf(model, f.range.start)), [34, 65, 72, 78]);
  assert.equal(at(findings, 'section-numbering').length, 0);
  assert.equal(findings.length, 4);
});
