// The new-report skeleton reads back as the format itself: six sections, 表1 items, 表2's rows
// and columns, 表3; with zeros it checks clean, left empty it is said once per table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, fixAll, parse, reportSkeleton, table1ItemsFor, table2RowsFor } from '../../shared/src/index';
import { realisticFigures } from '../helpers/render';

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
      'blank-value 表3尚未填写：15 个单元格都为空（没有发生的事项请填 0）',
    ]);
  });
}

/** The skeleton with one 表2 row's seven cells written (or some of them: null stays blank). */
function fillRow(text: string, layout: 'text' | 'markdown', label: string, values: Array<number | null>): string {
  const lines = text.split('\n');
  const k = lines.findIndex((l) => (layout === 'text' ? l.split('\t').includes(label) : l.split('|').map((c) => c.trim()).includes(label)));
  assert.ok(k >= 0, label);
  const line = lines[k]!;
  if (layout === 'text') {
    const cells = line.split('\t');
    values.forEach((v, j) => { if (v !== null) cells[cells.length - 7 + j] = String(v); });
    lines[k] = cells.join('\t');
  } else {
    const cells = line.split('|');
    // "| label | a | … | g |": the seven value cells stand before the last (empty) piece.
    values.forEach((v, j) => { if (v !== null) cells[cells.length - 8 + j] = ` ${v} `; });
    lines[k] = cells.join('|');
  }
  return lines.join('\n');
}

for (const layout of ['text', 'markdown'] as const) {
  test(`filling the empty template (${layout}) row by row: a figure stays in the column it is typed in, and the blanks are said once per table`, () => {
    let text = reportSkeleton({ agency: '示例县', year: 2025, layout, cells: 'empty' });
    const figures = realisticFigures();
    const rows = table2RowsFor('2021').filter((r) => !r.group);
    rows.forEach((r, n) => {
      text = fillRow(text, layout, r.label, figures.table2[r.id]!);
      const model = parse(text);
      const row = model.tables.table2!.rows.find((x) => x.rowId === r.id)!;
      assert.deepEqual(row.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)), figures.table2[r.id], r.id);
      const findings = check(model);
      // Never more than the rows filled so far plus one per table.
      assert.ok(findings.length <= n + 1 + 3, `${n + 1} rows: ${findings.length} findings\n${findings.map((f) => f.message.zh).join('\n')}`);
      assert.ok(findings.filter((f) => f.ruleId === 'blank-value').length <= 3);
    });
    assert.deepEqual(check(parse(text)).filter((f) => f.ruleId !== 'blank-value').map((f) => f.message.zh), []);
  });

  test(`the empty template (${layout}): one figure under 科研机构 (or 总计) is read in that column, and the blanks get one finding with a quick fix to write 0`, () => {
    for (const column of [2, 6]) {
      const values: Array<number | null> = [null, null, null, null, null, null, null];
      values[column] = 7;
      const text = fillRow(reportSkeleton({ agency: '示例县', year: 2025, layout, cells: 'empty' }), layout, '一、本年新收政府信息公开申请数量', values);
      const model = parse(text);
      const row = model.tables.table2!.rows.find((x) => x.rowId === 'new')!;
      assert.deepEqual(row.cells.map((c) => (c.value.kind === 'number' ? c.value.value : null)), values);
      const blank = check(model).filter((f) => f.ruleId === 'blank-value' && f.message.zh.startsWith('表2'));
      assert.equal(blank.length, 1);
      assert.match(blank[0]!.message.zh, /^表2有 \d+ 个空白单元格/);
      const fix = blank[0]!.fix!;
      assert.equal(fix.safe, false);
      const filled = applyEdits(text, [fix.edit, ...(fix.extraEdits ?? [])]);
      // Every blank part written 0; the totals (the 总计 column, the （七）总计 row) stay sums to fill.
      const after = parse(filled).tables.table2!.rows.filter((r) => r.rowId !== 'total').flatMap((r) => r.cells);
      assert.ok(after.filter((c) => c.columnId !== 'total').every((c) => c.value.kind === 'number'), 'every blank part written 0');
      assert.equal(fixAll(text).text, text, 'fix-all does not write 0 into blanks');
    }
  });
}
