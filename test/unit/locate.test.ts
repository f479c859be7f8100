// The error locator (wrong-cell): a single wrong cell of 表2 or 表3 is named, its fix restores the
// figure, and fix-all restores the document byte for byte, in every layout and for changes up and
// down; where the identities cannot tell (表3's one relation per group), the candidates are offered
// and nothing is applied. Two wrong cells: fix-all never adds a failing relation and never changes
// a right cell unless the locator's unique explanation names it.
import { test } from 'node:test';
import { typingSlip } from '../../shared/src/diagnose/locate';
import assert from 'node:assert/strict';
import { applyEdits, check, failingRelations, fixAll, locate, parse, reportSkeleton, type Cell, type Finding, type ReportModel } from '../../shared/src/index';
import { rng } from '../helpers/fuzz';
import { LAYOUTS_WITH_CELLS, realisticFigures, render, type Figures } from '../helpers/render';
import { ARITHMETIC, fixture, REAL, replaceOnce, run, sampleFigures } from '../helpers/util';

const DELTAS = [1, -1, 10, -10, 100];


interface Target {
  table: 'table2' | 'table3';
  rowId: string;
  column: number;
}

function cellAt(model: ReportModel, t: Target): Cell | undefined {
  const rows = model.tables[t.table]?.rows ?? [];
  const row = t.table === 'table3' ? rows[0] : rows.find((r) => r.rowId === t.rowId);
  return row?.cells[t.column];
}

function targets(f: Figures): Target[] {
  const out: Target[] = [];
  for (const [rowId, values] of Object.entries(f.table2)) values.forEach((_, column) => out.push({ table: 'table2', rowId, column }));
  f.table3.forEach((_, column) => out.push({ table: 'table3', rowId: 'cases', column }));
  return out;
}

function valueOf(f: Figures, t: Target): number {
  return t.table === 'table2' ? (f.table2[t.rowId]![t.column] as number) : (f.table3[t.column] as number);
}

/** The document with one cell retyped, as a writer would (the narrative left as it was). */
function retype(text: string, model: ReportModel, changes: Array<[Target, number]>): string {
  const spans = changes.map(([t, v]) => ({ cell: cellAt(model, t) as Cell, v })).sort((a, b) => b.cell.range.start - a.cell.range.start);
  let out = text;
  for (const { cell, v } of spans) out = out.slice(0, cell.range.start) + String(v) + out.slice(cell.range.end);
  return out;
}

interface Outcome {
  unique: number;
  ambiguous: number;
  /** Read as a figure written before its totals (every total it feeds says 0): the totals follow. */
  behind?: number;
}

/**
 * One wrong cell: either the located cause names it (one arithmetic finding, on it, whose fix
 * restores it, and fix-all restores the original text) or the finding offers the candidates,
 * the right one among them, and fix-all leaves the figures alone.
 */
function assertSingle(expected: string, text: string, html: boolean, t: Target, right: number, wrong: number, where: string, outcome: Outcome): void {
  const model = parse(text, { html });
  const findings = check(model);
  const cell = cellAt(model, t);
  assert.ok(cell && cell.value.kind === 'number' && cell.value.value === wrong, `${where}: the cell reads back`);
  const arithmetic = findings.filter((f) => ARITHMETIC.includes(f.ruleId));
  assert.equal(arithmetic.length, 1, `${where}: one finding for one wrong cell, got ${arithmetic.map((f) => `${f.ruleId}: ${f.message.zh}`).join(' | ')}`);
  const located = arithmetic[0] as Finding;
  assert.equal(located.ruleId, 'wrong-cell', where);
  if (located.fix?.follow) {
    // 0 changed to a figure where every total it feeds says 0: the totals are behind, not the
    // figure (never a typing slip). 更新合计 is the fix; the figure is never undone.
    outcome.behind = (outcome.behind ?? 0) + 1;
    assert.equal(right, 0, `${where}: only a figure where the totals say 0`);
    assert.ok(!typingSlip(wrong, right), where);
    assert.deepEqual(located.range, cell.range, `${where}: the finding names the cell`);
    assert.ok(located.message.zh.includes(`的 ${wrong} 更新（仍按 0 计算）`), `${where}: ${located.message.zh}`);
    assert.ok(![located.fix, ...(located.alternatives ?? [])].some((a) => a.edit.range.start === cell.range.start), `${where}: no fix writes over the figure`);
    const fixed = fixAll(text, { html });
    const kept = cellAt(parse(fixed.text, { html }), t);
    assert.ok(kept?.value.kind === 'number' && kept.value.value === wrong, `${where}: fix-all keeps the figure`);
    if (located.fix.safe) assert.deepEqual([...failingRelations(parse(fixed.text, { html }))], [], `${where}: the totals follow`);
    else assert.equal(fixed.text, fixAll(text, { html, severity: { 'wrong-cell': 'off' } }).text, where);
  } else if (located.fix) {
    outcome.unique++;
    assert.deepEqual(located.range, cell.range, `${where}: the finding names the cell`);
    assert.equal(located.fix.edit.newText, String(right), where);
    // Fix-all restores a typing slip; another change of the figure is offered, never applied.
    assert.equal(located.fix.safe, typingSlip(wrong, right), where);
    if (located.fix.safe) assert.equal(fixAll(text, { html }).text, expected, `${where}: fix-all restores the document`);
    else assert.equal(fixAll(text, { html }).text, fixAll(text, { html, severity: { 'wrong-cell': 'off' } }).text, `${where}: a change that is no typing slip is not applied`);
  } else {
    outcome.ambiguous++;
    assert.ok((located.alternatives?.length ?? 0) > 1, `${where}: candidates offered`);
    assert.ok(located.alternatives!.some((a) => a.edit.range.start === cell.range.start && a.edit.newText === String(right) && !a.extraEdits), `${where}: the right candidate is offered`);
    assert.ok(located.alternatives!.every((a) => !a.safe));
    assert.equal(fixAll(text, { html }).text, fixAll(text, { html, severity: { 'wrong-cell': 'off' } }).text, `${where}: nothing is applied when the cause is ambiguous`);
  }
}

for (const [name, figures] of [['realistic', realisticFigures()], ['sample', sampleFigures()]] as const) {
  for (const layout of LAYOUTS_WITH_CELLS) {
    test(`single wrong cell (${name}, ${layout}): named and restored, or the candidates offered`, () => {
      const html = layout === 'html';
      const original = render(figures, layout);
      const originalModel = parse(original, { html });
      const outcome: Outcome = { unique: 0, ambiguous: 0 };
      const ambiguousTable2: string[] = [];
      for (const t of targets(figures)) {
        const right = valueOf(figures, t);
        for (const d of DELTAS) {
          const wrong = right + d;
          if (wrong < 0) continue;
          const before = outcome.ambiguous;
          assertSingle(original, retype(original, originalModel, [[t, wrong]]), html, t, right, wrong, `${t.table} ${t.rowId}[${t.column}] ${right}→${wrong}`, outcome);
          if (t.table === 'table2' && outcome.ambiguous > before) ambiguousTable2.push(`${t.rowId}[${t.column}]`);
        }
      }
      // Every 表2 cell lies in a row relation and a column relation: a single change is always determined.
      assert.deepEqual(ambiguousTable2, []);
      assert.ok(outcome.unique > 500);
    });
  }
}

test('single wrong cell in the real examples and the corpus (as published, in their own layouts)', () => {
  let cases = 0;
  const outcome: Outcome = { unique: 0, ambiguous: 0 };
  const files: Array<[string, string]> = [...REAL.map((n): [string, string] => ['real', n]), ['corpus', 'hongze-2024.txt'], ['corpus', 'shuyang-2025.md'], ['corpus', 'shuyang-fgj-2023.html']];
  for (const [folder, name] of files) {
    const html = name.endsWith('.html');
    const original = fixture(folder, name);
    // Fix-all also repairs the example's own defects (beiguan's heading levels): the restored
    // document is the example as fix-all leaves it.
    const expected = fixAll(original, { html }).text;
    const model = parse(original, { html });
    // jinxiang has blank totals: its row relations cannot be checked, so the single-cell
    // guarantee does not hold there; the never-worse property is tested below for it.
    if (name === 'jinxiang-2023.txt') continue;
    for (const table of ['table2', 'table3'] as const) {
      const rows = model.tables[table]?.rows ?? [];
      for (const row of rows) {
        row.cells.forEach((cell, column) => {
          if (cell.value.kind !== 'number') return;
          const right = cell.value.value;
          for (const d of [1, -1, 10]) {
            const wrong = right + d;
            if (wrong < 0) continue;
            const text = original.slice(0, cell.range.start) + String(wrong) + original.slice(cell.range.end);
            assertSingle(expected, text, html, { table, rowId: row.rowId, column }, right, wrong, `${name} ${table} ${row.rowId}[${column}] ${right}→${wrong}`, outcome);
            cases++;
          }
        });
      }
    }
  }
  assert.ok(cases > 2000, `${cases} cases`);
  // A report with rows (or a whole 表2) of 0: a figure put into one is read as written, the totals behind.
  assert.ok((outcome.behind ?? 0) > 0, JSON.stringify(outcome));
});

test("the writer's case: one mistyped 自然人 cell gives one finding on it, and fix-all changes nothing else", () => {
  const f = realisticFigures();
  const original = render(f, 'tab');
  const text = retype(original, parse(original), [[{ table: 'table2', rowId: 'granted', column: 0 }, 1712]]);
  const { findings } = run(text);
  assert.deepEqual(findings.map((x) => x.ruleId), ['wrong-cell']);
  const [located] = findings as [Finding];
  assert.equal(located.message.zh, '“（一）予以公开”·“自然人”为 1712，行合计与列合计都表明应为 1702');
  assert.equal(located.related.length, 2, 'the two relations it breaks');
  assert.equal(text.slice(located.range.start, located.range.end), '1712');
  assert.equal(located.fix?.edit.newText, '1702');
  assert.equal(fixAll(text).text, original);
});

test('a 表3 total that only the total can explain (a part would go negative) is determined', () => {
  const f = realisticFigures();
  const text = retype(render(f, 'tab'), parse(render(f, 'tab')), [[{ table: 'table3', rowId: 'cases', column: 4 }, 0]]);
  const located = run(text).findings.filter((x) => x.ruleId === 'wrong-cell');
  assert.equal(located.length, 1);
  assert.equal(located[0]!.fix?.edit.newText, '8');
  assert.equal(fixAll(text).text, render(f, 'tab'));
});

test('the sample keeps its fixes: the wrong total named and repaired, the blank 表3 total filled', () => {
  const sample = fixture('..', '..', 'examples', 'sample-2023.txt');
  const { findings } = run(sample);
  const located = findings.find((x) => x.ruleId === 'wrong-cell');
  assert.match(located!.message.zh, /“（一）予以公开”·“总计”为 7，行合计与列合计都表明应为 6/);
  assert.ok(findings.some((x) => x.ruleId === 'review-total' && x.fix?.safe && x.fix.edit.newText === '1'));
  const fixed = fixAll(sample).text;
  assert.match(fixed, /（一）予以公开\t5\t1\t0\t0\t0\t0\t6\n/);
  assert.match(fixed, /\n1\t0\t0\t0\t1\t0/);
});

test('fix-all withdraws a fix that would add a failing relation', () => {
  // The blank total of （一） would be filled from its row (6), but that breaks the 总计 column's
  // outcome total, which holds today only because the writer left the cell blank… and a wrong
  // 自然人 cell in （一） made the row sum wrong. A fill that adds a failing relation is withdrawn.
  const clean = fixture('rules', 'clean-2023.txt');
  const text = replaceOnce(clean, '（一）予以公开\t5\t1\t0\t0\t0\t0\t6', '（一）予以公开\t9\t1\t0\t0\t0\t0\t');
  const before = failingRelations(parse(text));
  const result = fixAll(text);
  for (const key of failingRelations(parse(result.text))) assert.ok(before.has(key), `fix-all added the failing relation ${key}`);
  assert.ok(!/（一）予以公开\t9\t1\t0\t0\t0\t0\t10/.test(result.text), 'the blank total is not filled from a wrong row');
});

test('two wrong cells, 4,000 random draws: fix-all never adds a failing relation nor changes a right cell outside a unique explanation', () => {
  const random = rng(8);
  const figures = realisticFigures();
  const all = targets(figures);
  const originals = new Map(LAYOUTS_WITH_CELLS.map((l) => [l, render(figures, l)]));
  const originalModels = new Map(LAYOUTS_WITH_CELLS.map((l) => [l, parse(originals.get(l)!, { html: l === 'html' })]));
  const stats = { cases: 0, restored: 0, ambiguous: 0, unexplained: 0, partly: 0, slips: 0, slipsRestored: 0 };
  const deltas = [1, -1, 2, -2, 3, 10, -10, 100];
  for (let i = 0; i < 4000; i++) {
    const layout = i % 10 === 0 ? LAYOUTS_WITH_CELLS[(i / 10) % LAYOUTS_WITH_CELLS.length]! : 'tab';
    const html = layout === 'html';
    const a = all[Math.floor(random() * all.length)]!;
    let b = all[Math.floor(random() * all.length)]!;
    if (a === b) b = all[(all.indexOf(a) + 1) % all.length]!;
    const va = valueOf(figures, a) + deltas[Math.floor(random() * deltas.length)]!;
    const vb = valueOf(figures, b) + deltas[Math.floor(random() * deltas.length)]!;
    if (va < 0 || vb < 0) continue;
    const text = retype(originals.get(layout)!, originalModels.get(layout)!, [[a, va], [b, vb]]);
    const model = parse(text, { html });
    const before = failingRelations(model);
    if (before.size === 0) continue; // the two changes cancel out: nothing the identities can see
    stats.cases++;
    const unique = new Set<Cell>();
    for (const d of locate(model)) {
      if (d.explanations.length === 1 && !d.truncated) for (const ch of d.explanations[0]!.changes) unique.add(ch.cell);
      // A figure written before its totals: the totals that follow it are the explanation's cells.
      for (const t of d.behind?.totals ?? []) unique.add(t.cell);
    }
    const result = fixAll(text, { html });
    const fixedModel = parse(result.text, { html });
    for (const key of failingRelations(fixedModel)) assert.ok(before.has(key), `case ${i} (${a.table} ${a.rowId}[${a.column}]→${va}, ${b.table} ${b.rowId}[${b.column}]→${vb}, ${layout}): fix-all added ${key}`);
    for (const t of all) {
      const was = cellAt(model, t);
      const now = cellAt(fixedModel, t);
      if (!was || !now || was.value.kind !== 'number' || now.value.kind !== 'number' || was.value.value === now.value.value) continue;
      assert.ok([...unique].some((c) => c.range.start === was.range.start), `case ${i}: ${t.table} ${t.rowId}[${t.column}] changed outside a unique explanation`);
    }
    // Fix-all undoes typing slips only: of the pairs of slips, most are restored.
    const slips = typingSlip(va, valueOf(figures, a)) && typingSlip(vb, valueOf(figures, b));
    if (slips) stats.slips++;
    if (slips && result.text === originals.get(layout)) stats.slipsRestored++;
    if (result.text === originals.get(layout)) stats.restored++;
    else if (check(model).some((f) => f.ruleId === 'wrong-cell' && f.alternatives)) stats.ambiguous++;
    else if (result.text === text) stats.unexplained++;
    else stats.partly++;
  }
  console.log(`[locate] two wrong cells: ${JSON.stringify(stats)}`);
  assert.ok(stats.cases > 1500, `${stats.cases} cases`);
  assert.ok(stats.slips > 200 && stats.slipsRestored > stats.slips / 2, 'most pairs of typing slips are restored');
});

test('jinxiang (blank totals): a changed cell never makes fix-all add a failing relation', () => {
  const original = fixture('real', 'jinxiang-2023.txt');
  const model = parse(original);
  for (const table of ['table2', 'table3'] as const) {
    for (const row of model.tables[table]?.rows ?? []) {
      for (const cell of row.cells) {
        if (cell.value.kind !== 'number') continue;
        const text = original.slice(0, cell.range.start) + String(cell.value.value + 1) + original.slice(cell.range.end);
        const before = failingRelations(parse(text));
        for (const key of failingRelations(parse(fixAll(text).text))) assert.ok(before.has(key), `${row.rowId}: fix-all added ${key}`);
      }
    }
  }
});

/** The zero template (every cell of 表2 is 0) with `figure` typed over the 自然人 cell of the 表2 row starting with `start`. */
function typedIntoZeroTemplate(start: string, figure: string, layout: 'text' | 'markdown' = 'text'): string {
  const template = reportSkeleton({ agency: '示例县', year: 2025, layout, cells: 'zero' });
  const lines = template.split('\n');
  const k = lines.findIndex((l) => l.replace(/^\| /, '').startsWith(start));
  assert.ok(k > 0, start);
  const sep = layout === 'text' ? '\t' : ' | ';
  const cells = lines[k]!.split(sep);
  const natural = cells.length - 7; // (Markdown: the last piece is "0 |")
  assert.equal(cells[natural], '0');
  cells[natural] = figure;
  lines[k] = cells.join(sep);
  return lines.join('\n');
}

const rowCells = (text: string, start: string) => {
  const row = parse(text).tables.table2!.rows.find((r) => r.label.startsWith(start))!;
  return row.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind));
};

test('a figure typed into the zero template is read as written: the totals have not followed it yet (更新合计 the fix, applied by fix-all; 12 never undone)', () => {
  for (const layout of ['text', 'markdown'] as const) {
    const text = typedIntoZeroTemplate('一、本年新收', '12', layout);
    const findings = check(parse(text)).filter((f) => ARITHMETIC.includes(f.ruleId));
    assert.equal(findings.length, 1, `${layout}: ${findings.map((f) => f.message.zh).join(' | ')}`);
    const f = findings[0]!;
    assert.equal(f.ruleId, 'wrong-cell');
    assert.equal(text.slice(f.range.start, f.range.end), '12', 'the finding sits on the typed figure');
    assert.equal(f.message.zh, '行合计与收支平衡（一 + 二 = （七）+ 四）尚未随“一、本年新收政府信息公开申请数量”·“自然人”的 12 更新（仍按 0 计算）；如 12 无误，请更新合计');
    assert.equal(f.message.en, 'Not yet updated for "一、本年新收政府信息公开申请数量 (I. New applications received this year)" · "自然人 (Natural persons)" = 12: the row total and the balance (I + II = (7) + IV) (still computed with 0); if 12 is right, update the totals');
    assert.doesNotMatch(f.message.zh, /应为/, 'the figure is not said to be wrong');
    // The fix: 更新合计 (一's 总计, 四 of the column, 四's 总计), safe; none writes over the 12.
    assert.equal(f.fix?.title.zh, '更新合计（按所填数字重算 3 个合计）');
    assert.equal(f.fix?.follow, true);
    assert.equal(f.fix?.safe, true);
    const edits = [f.fix!.edit, ...(f.fix!.extraEdits ?? [])];
    assert.deepEqual(edits.map((e) => e.newText), ['12', '12', '12']);
    assert.ok(!edits.some((e) => e.range.start <= f.range.end && e.range.end >= f.range.start), 'the figure itself is not touched');
    assert.equal(f.alternatives, undefined, 'no change of the figure back to 0 is offered');
    // The quick fix and fix-all give the same document: 12 kept, the totals followed, nothing failing.
    const quick = applyEdits(text, [f.fix!.edit, ...(f.fix!.extraEdits ?? [])]);
    const fixed = fixAll(text).text;
    assert.equal(fixed, quick, layout);
    assert.deepEqual(rowCells(fixed, '一、本年新收'), [12, 0, 0, 0, 0, 0, 12]);
    assert.deepEqual(rowCells(fixed, '四、结转下年度继续办理'), [12, 0, 0, 0, 0, 0, 12]);
    assert.deepEqual([...failingRelations(parse(fixed))], []);
    assert.deepEqual(check(parse(fixed)).filter((x) => ARITHMETIC.includes(x.ruleId)), []);
  }
});

test('the same figure where the totals it feeds are figures of their own, or typed into a total, keeps the old reading: the cell is named, nothing applied', () => {
  // 12 typed into 一 of the clean report: its totals (15, …) are figures, not 0: the part is wrong.
  const clean = fixture('rules', 'clean-2023.txt');
  const text = clean.replace(/(一、本年新收政府信息公开申请数量\t\t)12\t2\t/, '$112\t12\t');
  assert.notEqual(text, clean);
  const [f, ...rest] = check(parse(text)).filter((x) => ARITHMETIC.includes(x.ruleId));
  assert.equal(rest.length, 0);
  assert.match(f!.message.zh, /应为 2$/);
  assert.equal(f!.fix?.follow, undefined);
  assert.equal(f!.fix?.edit.newText, '2');
  assert.equal(f!.fix?.safe, false, '12 for 2 is no typing slip');
  // 12 typed into the zero template's （七）总计: the totals cannot follow a total (四 would be −12).
  const total = typedIntoZeroTemplate('（七）总计', '12');
  const [t, ...others] = check(parse(total)).filter((x) => ARITHMETIC.includes(x.ruleId));
  assert.equal(others.length, 0);
  assert.match(t!.message.zh, /“（七）总计”·“自然人”为 12，.*都表明应为 0$/);
  assert.equal(t!.fix?.safe, false);
  assert.equal(fixAll(total).text, fixAll(total, { severity: { 'wrong-cell': 'off' } }).text, 'nothing applied');
});

test('a figure typed into an outcome row of the zero template: the totals are behind, but 四 cannot follow (it would be negative), so 更新合计 stays a quick fix', () => {
  const text = typedIntoZeroTemplate('三、本年度办理结果\t（一）予以公开', '12');
  const [f, ...rest] = check(parse(text)).filter((x) => ARITHMETIC.includes(x.ruleId));
  assert.equal(rest.length, 0);
  assert.match(f!.message.zh, /^行合计与列合计尚未随“（一）予以公开”·“自然人”的 12 更新/);
  assert.equal(f!.fix?.follow, true);
  assert.equal(f!.fix?.safe, false, 'the balance would fail: 0 received, 12 handled');
  assert.deepEqual([f!.fix!.edit, ...(f!.fix!.extraEdits ?? [])].map((e) => e.newText), ['12', '12', '12'], 'its 总计, （七） of 自然人 and of 总计');
  assert.equal(fixAll(text).text, text, 'fix-all changes nothing: 12 kept');
});
