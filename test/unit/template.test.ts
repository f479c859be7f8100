// The new-report skeleton reads back as the format itself: six sections, 表1 items, 表2's rows
// and columns, 表3; with zeros only its placeholders are said (one info each), left empty each
// table is said once too, with a quick fix that writes 0 into its blank cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, fixAll, parse, reportSkeleton, table1ItemsFor, table2RowsFor, type Finding } from '../../shared/src/index';
import { PLACEHOLDER } from '../../shared/src/outputs/template';
import { realisticFigures } from '../helpers/render';

for (const layout of ['text', 'markdown'] as const) {
  test(`skeleton (${layout}) with zeros: complete, and clean but for one unfilled-text info per placeholder`, () => {
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
    // Every "（请在此填写）" is said once, as an info, at the placeholder itself; nothing else is said.
    const placeholders = placeholderOffsets(text);
    assert.equal(placeholders.length, 7);
    const findings = check(model);
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.severity} ${f.range.start}`), placeholders.map((at) => `unfilled-text info ${at}`));
    for (const f of findings) {
      assert.equal(text.slice(f.range.start, f.range.end), PLACEHOLDER);
      assert.match(f.message.zh, /^第[一五六]部分“.+”尚未填写：“（请在此填写）”是模板中的占位文字/);
      assert.match(f.message.en, /^Section [一五六],? ".+" is not written yet/);
    }
    assert.deepEqual(findings.map((f) => f.message.zh.slice(0, f.message.zh.indexOf('尚未'))), ['第一部分“（一）主动公开”', '第一部分“（二）依申请公开”', '第一部分“（三）政府信息管理”', '第一部分“（四）政府信息公开平台建设”', '第一部分“（五）监督保障”', '第五部分“存在的主要问题及改进情况”', '第六部分“其他需要报告的事项”']);
    // Written over, a placeholder is no longer said; the others still are.
    const written = text.replace(PLACEHOLDER, '本年度主动公开政府信息 120 条。');
    assert.equal(check(parse(written)).filter((f) => f.ruleId === 'unfilled-text').length, 6);
    if (layout === 'markdown') assert.ok(model.sections.every((s) => s.markdownLevel === 2));
  });

  test(`skeleton (${layout}) left empty: one finding per unfilled table, not one per cell`, () => {
    const text = reportSkeleton({ agency: '示例县人民政府办公室', year: 2025, layout, cells: 'empty' });
    const findings = check(parse(text));
    assert.deepEqual(findings.filter((f) => f.ruleId !== 'unfilled-text').map((f) => `${f.ruleId} ${f.message.zh}`), [
      'blank-value 表1尚未填写：10 个单元格都为空（没有发生的事项请填 0）',
      'blank-value 表2尚未填写：175 个单元格都为空（没有发生的事项请填 0）',
      'blank-value 表3尚未填写：15 个单元格都为空（没有发生的事项请填 0）',
    ]);
    assert.equal(findings.filter((f) => f.ruleId === 'unfilled-text').length, placeholderOffsets(text).length);
  });

  test(`skeleton (${layout}) left empty: each unfilled table's quick fix 空白单元格填 0 fills exactly its blank cells, and fix-all never applies it`, () => {
    const text = reportSkeleton({ agency: '示例县人民政府办公室', year: 2025, layout, cells: 'empty' });
    const model = parse(text);
    const before = check(model);
    const key = (f: Finding) => `${f.ruleId} ${f.range.start} ${f.message.zh}`;
    for (const id of ['table1', 'table2', 'table3'] as const) {
      const table = model.tables[id]!;
      const unfilled = before.find((f) => f.ruleId === 'blank-value' && f.message.zh.startsWith(`表${id.slice(-1)}尚未填写`))!;
      assert.ok(unfilled, id);
      const fix = unfilled.fix!;
      assert.match(fix.title.zh, /^空白单元格填 0（表\d，\d+ 处）$/);
      assert.match(fix.title.en, /^Fill blank cells with 0 \(Table \d, \d+\)$/);
      assert.equal(fix.safe, false, 'a blank is no typing slip: never applied by fix-all');
      const edits = [fix.edit, ...(fix.extraEdits ?? [])];
      // One edit per blank cell of this table, each writing 0 where the cell is: nothing else.
      const blanks = table.rows.flatMap((r) => r.cells).filter((c) => c.value.kind === 'blank');
      assert.equal(edits.length, blanks.length);
      assert.match(fix.title.zh, new RegExp(`，${blanks.length} 处`));
      assert.deepEqual(edits.map((e) => `${e.range.start}-${e.range.end}:${e.newText}`), blanks.map((c) => `${c.range.start}-${c.range.start}:0`));
      const filled = applyEdits(text, edits);
      const after = parse(filled);
      assert.ok(after.tables[id]!.rows.flatMap((r) => r.cells).every((c) => c.value.kind === 'number' && c.value.value === 0), `${id}: every cell 0`);
      // Re-checked: that table's finding is gone, nothing new (all 0 satisfies every relation), the rest as it was.
      const expected = before.filter((f) => f !== unfilled).map((f) => ({ ...f, range: shifted(f.range, edits) }));
      assert.deepEqual(check(after).map(key), expected.map(key));
      // The other tables, read from the filled text, are the same cells.
      for (const other of (['table1', 'table2', 'table3'] as const).filter((o) => o !== id)) {
        assert.deepEqual(after.tables[other]!.rows.flatMap((r) => r.cells.map((c) => c.value.kind)), model.tables[other]!.rows.flatMap((r) => r.cells.map((c) => c.value.kind)));
      }
    }
    assert.equal(fixAll(text).text, text, 'fix-all writes no 0 into a blank');
  });
}

/** Where the template's placeholders stand. */
function placeholderOffsets(text: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(PLACEHOLDER); at >= 0; at = text.indexOf(PLACEHOLDER, at + 1)) out.push(at);
  return out;
}

/** A range after zero-length insertions of one character each (the fill-0 edits). */
function shifted(r: { start: number; end: number }, edits: ReadonlyArray<{ range: { start: number } }>): { start: number; end: number } {
  const before = (at: number) => edits.filter((e) => e.range.start < at).length;
  return { start: r.start + before(r.start), end: r.end + before(r.end) };
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
      const findings = check(model).filter((f) => f.ruleId !== 'unfilled-text');
      // Never more than the rows filled so far plus one per table.
      assert.ok(findings.length <= n + 1 + 3, `${n + 1} rows: ${findings.length} findings\n${findings.map((f) => f.message.zh).join('\n')}`);
      assert.ok(findings.filter((f) => f.ruleId === 'blank-value').length <= 3);
    });
    assert.deepEqual(check(parse(text)).filter((f) => f.ruleId !== 'blank-value' && f.ruleId !== 'unfilled-text').map((f) => f.message.zh), []);
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

test('a table being filled in: the blanks are said once, with what is counted ("等 24 行", the totals not counted), at most 5 related places, and the count is what the fill-0 fix fills', () => {
  const text = fillRow(reportSkeleton({ agency: '示例县', year: 2025, layout: 'text', cells: 'empty' }), 'text', '一、本年新收政府信息公开申请数量', [5, null, null, null, null, null, null]);
  const model = parse(text);
  const cells = model.tables.table2!.rows.flatMap((r) => r.cells);
  const blank = cells.filter((c) => c.value.kind === 'blank');
  assert.equal(blank.length, 174);
  const totals = model.tables.table2!.rows.flatMap((r) => r.cells.filter((c) => r.rowId === 'total' || c.columnId === 'total'));
  assert.equal(totals.length, 31, 'the 总计 column (25) and the （七）总计 row (7), one shared');
  const all = check(model).filter((x) => x.ruleId === 'blank-value');
  assert.deepEqual(all.map((x) => x.message.zh.slice(0, 2)), ['表1', '表2', '表3'], '表1 and 表3 not filled in yet');
  const f = all[1];
  assert.equal(f!.message.zh, '表2有 143 个空白单元格（“一、本年新收政府信息公开申请数量”、“二、上年结转政府信息公开申请数量”、“（一）予以公开”等 24 行；总计列和（七）总计行由各项之和得出，不计在内）：空白不等于 0，没有发生的事项请填 0');
  assert.match(f!.message.en, /^Table 2 has 143 blank cells \(in 24 rows: "一、本年新收.*", …; the total column and row \(7\), sums of their parts, are not counted\)/);
  assert.equal(143, blank.length - totals.length);
  assert.equal(f!.related.length, 5);
  assert.deepEqual(f!.related.map((r) => r.message.zh.slice(0, r.message.zh.indexOf('”行') + 1)), ['“二、上年结转政府信息公开申请数量”', '“（一）予以公开”', '“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”', '“1.属于国家秘密”', '“2.其他法律行政法规禁止公开”']);
  const fix = f!.fix!;
  assert.equal(fix.title.zh, '空白单元格填 0（表2，143 处）');
  assert.equal(fix.title.en, 'Fill blank cells with 0 (Table 2, 143)');
  assert.equal(1 + (fix.extraEdits?.length ?? 0), 143);
  // Filled, the totals are what remains blank: each row's total is then said with its sum to fill (fix-all does).
  const filled = parse(applyEdits(text, [fix.edit, ...(fix.extraEdits ?? [])]));
  assert.ok(!check(filled).some((x) => x.ruleId === 'blank-value' && x.message.zh.startsWith('表2')));
  assert.ok(check(filled).some((x) => x.ruleId === 'row-total' && x.fix?.safe));
});

test('a few blanks in a table are named one by one, each with its row', () => {
  const text = reportSkeleton({ agency: '示例县', year: 2025, layout: 'text', cells: 'zero' }).replace(/(一、本年新收政府信息公开申请数量(?:\t[^\t\n]*)*?)\t0\t0(?=\t)/, '$1\t\t');
  const blanks = check(parse(text)).filter((x) => x.ruleId === 'blank-value');
  assert.equal(blanks.length, 2);
  for (const b of blanks) assert.match(b.message.zh, /^“一、本年新收政府信息公开申请数量”行“.+”为空/);
});
