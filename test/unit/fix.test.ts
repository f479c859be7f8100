// Fixes: applying every safe fix leaves no arithmetic finding and changes no character outside
// the cells it names; fix-all is idempotent; editor edits (fixAllEdits) give the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, fixAll, fixAllEdits, parse, totalsFollowing } from '../../shared/src/index';
import { typingSlip } from '../../shared/src/diagnose/locate';
import { realisticFigures, render, LAYOUTS_WITH_CELLS } from '../helpers/render';
import { ARITHMETIC, fixture, REAL, run } from '../helpers/util';

const documents: Array<[string, string, boolean]> = [
  ...REAL.map((n): [string, string, boolean] => [n, fixture('real', n), false]),
  ['sample', fixture('..', '..', 'examples', 'sample-2023.txt'), false],
];

// Broken variants, in each layout: two mistyped totals of 表2 (one digit each: a unique two-cell
// explanation of typing slips) and a blank row total. (Not in PDF text: a blank cell leaves no
// trace there, so the row's figures cannot be placed and it is not checked; see shortRow's cases.)
for (const layout of LAYOUTS_WITH_CELLS) {
  const f = realisticFigures();
  f.table2.granted![6] = 1784;
  f.table2.total![6] = 3063;
  const text = render(f, layout);
  documents.push([`broken ${layout}`, layout === 'pdf' ? text : text.replace(/(（二）部分公开[^\n]*?)223\b/, '$1'), layout === 'html']);
}

for (const [name, text, html] of documents) {
  test(`${name}: fix-all leaves no arithmetic finding, only fixed cells change, and is idempotent`, () => {
    const before = check(parse(text, { html }));
    const result = fixAll(text, { html });
    const after = check(parse(result.text, { html }));
    const fixableArithmetic = before.filter((f) => ARITHMETIC.includes(f.ruleId));
    if (fixableArithmetic.length > 0) assert.deepEqual(after.filter((f) => ARITHMETIC.includes(f.ruleId)).map((f) => f.message.zh), []);
    assert.equal(fixAll(result.text, { html }).text, result.text, 'fix-all twice changes nothing more');
    // The editor's minimal edits reproduce fix-all exactly...
    const edits = fixAllEdits(text, { html });
    assert.equal(applyEdits(text, edits), result.text);
    // ...and each touches one cell (or heading marker) of the original: short, on one line.
    for (const e of edits) {
      assert.ok(e.range.end - e.range.start <= 12, `edit spans ${e.range.end - e.range.start} characters`);
      assert.ok(!text.slice(e.range.start, e.range.end).includes('\n'));
      assert.ok(/^(\n\t|\t| | \| |<\/td><td>)?[\d一二三四五六、#]+$/.test(e.newText), `unexpected replacement ${JSON.stringify(e.newText)}`);
    }
    // Outside the edits nothing changed: the text between edits is the same, in order.
    const outside = (s: string, spans: Array<{ start: number; end: number }>) => {
      const parts: string[] = [];
      let pos = 0;
      for (const r of spans) { parts.push(s.slice(pos, r.start)); pos = r.end; }
      parts.push(s.slice(pos));
      return parts;
    };
    const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
    let shift = 0;
    const afterSpans = sorted.map((e) => { const start = e.range.start + shift; shift += e.newText.length - (e.range.end - e.range.start); return { start, end: start + e.newText.length }; });
    assert.deepEqual(outside(result.text, afterSpans), outside(text, sorted.map((e) => e.range)));
  });
}

test('mistyped totals that the identities determine are repaired to the consistent figures, in every layout', () => {
  const f = realisticFigures();
  const broken = structuredClone(f);
  broken.table2.granted![6] = 1784;
  broken.table2.total![6] = 3035;
  for (const layout of LAYOUTS_WITH_CELLS) assert.equal(fixAll(render(broken, layout), { html: layout === 'html' }).text, render(f, layout), layout);
});

test('a figure that is no typing slip of the determined one is never rewritten by fix-all, only offered', () => {
  for (const [where, set, from, to] of [
    ['a total with a digit too many, not a doubled one', (x: ReturnType<typeof realisticFigures>) => { x.table2.granted![6] = 17574; }, '17574', '1774'],
    ['a total of another length', (x: ReturnType<typeof realisticFigures>) => { x.table2.granted![6] = 1; }, '1', '1774'],
    ['a part typed before its totals (12 where the totals still say 0)', (x: ReturnType<typeof realisticFigures>) => { x.table2['refused.security']![0] = 12; }, '12', '0'],
  ] as const) {
    const broken = realisticFigures();
    set(broken);
    const text = render(broken, 'tab');
    assert.equal(fixAll(text).text, text, where);
    const offered = check(parse(text)).flatMap((x) => [x.fix, ...(x.alternatives ?? [])]).filter((x) => x && text.slice(x.edit.range.start, x.edit.range.end) === from && x.edit.newText === to);
    assert.ok(offered.length > 0 && offered.every((x) => !x!.safe), `${where}: offered as a quick fix, not applied`);
  }
});

test('typing slips: one digit changed, two adjacent swapped, one dropped or doubled; never 0 for a figure', () => {
  for (const [from, to] of [[1298, 1288], [1828, 1288], [128, 1288], [12888, 1288], [5, 4]]) assert.ok(typingSlip(from!, to!), `${from} for ${to}`);
  for (const [from, to] of [[12, 0], [1, 1774], [3, 1288], [2881, 1288], [17574, 1774], [100, 1]]) assert.ok(!typingSlip(from!, to!), `${from} for ${to}`);
});

test('four wrong totals in one table: nothing is guessed, the symptoms stay with quick fixes only', () => {
  const f = realisticFigures();
  f.table2.granted![6] = 1;
  f.table2.total![0] = 999;
  f.table2.total![6] = 5;
  f.table2['unable.notHeld']![6] = 0;
  const text = render(f, 'tab');
  const findings = check(parse(text));
  assert.ok(findings.some((x) => x.ruleId === 'row-total'));
  assert.ok(findings.every((x) => !x.fix?.safe), 'no fix is determined');
  assert.ok(findings.filter((x) => x.ruleId === 'row-total').every((x) => x.fix && !x.fix.safe), 'each total is still offered as a quick fix');
  assert.equal(fixAll(text).text, text);
});

test('each single fix changes exactly its cell', () => {
  const text = fixture('..', '..', 'examples', 'sample-2023.txt');
  const { findings } = run(text);
  const fixes = findings.filter((f) => f.fix);
  assert.ok(fixes.length >= 3);
  for (const f of fixes) {
    const edit = f.fix!.edit;
    const out = applyEdits(text, [edit]);
    assert.equal(out.slice(0, edit.range.start), text.slice(0, edit.range.start));
    assert.equal(out.slice(edit.range.start + edit.newText.length), text.slice(edit.range.end));
    parse(out); // still parses
  }
});

test('更新合计 (totalsFollowing): 表3 group totals follow a typed part; a typed total is never changed; a 四 that would be negative is left alone', () => {
  const clean = fixture('rules', 'clean-2023.txt');
  const t3Line = clean.split('\n').findIndex((l) => /^\d+(\t\d+){14}$/.test(l));
  assert.ok(t3Line > 0, 'the 表3 row');
  const offsetOf = (line: number, cell: number) => clean.split('\n').slice(0, line).join('\n').length + 1 + clean.split('\n')[line]!.split('\t').slice(0, cell).join('\t').length + (cell ? 1 : 0);
  // 维持 of 行政复议 typed as 3: its group total follows (the others do not move).
  const at = offsetOf(t3Line, 0);
  const typedText = clean.slice(0, at) + '3' + clean.slice(at + clean.slice(at).indexOf('\t'));
  const model = parse(typedText);
  const follows = totalsFollowing(model, [{ start: at, end: at + 1 }]);
  assert.deepEqual(follows.map((f) => [f.table, f.columnId]), [['table3', 'reconsideration.total']]);
  // The total itself typed: nothing follows into it.
  const total = model.tables.table3!.rows[0]!.cells.find((c) => c.columnId === 'reconsideration.total')!;
  assert.deepEqual(totalsFollowing(model, [{ start: at, end: at + 1 }, total.range]), []);
  // In 表2, (七) raised above 一 + 二 for a column: 四 would be negative, so it is not proposed.
  const line = clean.split('\n').findIndex((l) => l.startsWith('三、本年度办理结果\t（一）予以公开'));
  const cells = clean.split('\n')[line]!.split('\t');
  const start = offsetOf(line, cells.length - 7);
  const big = clean.slice(0, start) + '99' + clean.slice(start + cells[cells.length - 7]!.length);
  const bigFollows = totalsFollowing(parse(big), [{ start, end: start + 2 }]);
  assert.ok(bigFollows.some((f) => f.rowId === 'total'));
  assert.ok(!bigFollows.some((f) => f.rowId === 'carryOver' && f.columnId !== 'total'), JSON.stringify(bigFollows.map((f) => [f.rowId, f.columnId, f.value])));
});

test('a table typed in full-width digits: said once per table (not once per cell), and fix-all writes every figure plainly, each cell changed to its own value and nothing else', () => {
  const clean = fixture('rules', 'clean-2023.txt');
  // Every figure of the three tables (tab-separated cells) in full-width digits.
  const wide = clean.replace(/(?<=\t)\d+(?=\t|\r?$)/gm, (d) => d.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  assert.notEqual(wide, clean);
  const { findings } = run(wide);
  const said = findings.filter((f) => f.ruleId === 'number-format');
  assert.ok(said.length >= 2 && said.length <= 3, said.map((f) => f.message.zh).join('\n'));
  assert.ok(said.every((f) => /^表\d有 \d+ 个数值的写法不规范（全角数字）/.test(f.message.zh) && f.fix?.safe && f.fix.extraEdits?.length));
  assert.equal(fixAll(wide).text, clean);
  // One such cell is still named where it is.
  const one = clean.replace(/(?<=\t)12(?=\t)/, '１２');
  assert.deepEqual(run(one).findings.filter((f) => f.ruleId === 'number-format').map((f) => f.message.zh), ['“１２”应写作 12（全角数字）']);
});
