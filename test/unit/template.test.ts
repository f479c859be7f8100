// The new-report skeleton reads back as the format itself: six sections, 表1 items, 表2's rows
// and columns, 表3; with zeros it checks clean, left empty it is said once per table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, reportSkeleton, table1ItemsFor, table2RowsFor } from '../../shared/src/index';

for (const layout of ['text', 'markdown'] as const) {
  test(`skeleton (${layout}) with zeros: complete and clean`, () => {
    const text = reportSkeleton({ agency: '示例县人民政府办公室', year: 2025, layout, cells: 'zero' });
    const model = parse(text);
    assert.equal(model.title?.text.replace(/^#\s*/, ''), '示例县人民政府办公室2025年政府信息公开工作年度报告');
    assert.equal(model.year, 2025);
    assert.equal(model.formatVersion, '2021');
    assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(model.sections[0]!.subheadings.map((h) => h.title), ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障']);
    assert.deepEqual(model.tables.table1!.items.map((i) => i.item), table1ItemsFor('2021').map((i) => i.item));
    const rows = table2RowsFor('2021').filter((r) => !r.group).map((r) => r.id);
    assert.deepEqual(model.tables.table2!.rows.filter((r) => r.cells.length > 0).map((r) => r.rowId), rows);
    for (const r of model.tables.table2!.rows.filter((x) => x.cells.length > 0)) assert.deepEqual(r.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)), [0, 0, 0, 0, 0, 0, 0]);
    assert.equal(model.tables.table3!.rows[0]!.cells.length, 15);
    assert.deepEqual(check(model).map((f) => f.message.zh), []);
    if (layout === 'markdown') assert.ok(model.sections.every((s) => s.markdownLevel === 2));
  });

  test(`skeleton (${layout}) left empty: one finding per unfilled table, not one per cell`, () => {
    const text = reportSkeleton({ agency: '示例县人民政府办公室', year: 2025, layout, cells: 'empty' });
    const findings = check(parse(text));
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.message.zh}`), [
      'blank-value 表1尚未填写：10 个单元格都为空（没有发生的事项请填 0）',
      'blank-value 表2尚未填写：175 个单元格都为空（没有发生的事项请填 0）',
      'row-missing 表3 没有数据行（应有 15 个数值）',
    ]);
  });
}

test('a table partly filled in: its blank cells are named one by one again', () => {
  const text = reportSkeleton({ agency: '示例县', year: 2025, layout: 'text', cells: 'empty' }).replace(/^(一、本年新收政府信息公开申请数量\t)\t{7}$/m, '$1\t1\t0\t0\t0\t0\t0\t1');
  const blank = check(parse(text)).filter((f) => f.ruleId === 'blank-value' && f.message.zh.includes('空白不等于 0'));
  assert.ok(blank.length > 100, String(blank.length));
  assert.ok(!blank.some((f) => f.message.zh.startsWith('表2尚未填写')));
});
