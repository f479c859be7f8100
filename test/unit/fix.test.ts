// Fixes: applying every safe fix leaves no arithmetic finding and changes no character outside
// the cells it names; fix-all is idempotent; editor edits (fixAllEdits) give the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, fixAll, fixAllEdits, parse } from '../../shared/src/index';
import { realisticFigures, render, LAYOUTS_WITH_CELLS } from '../helpers/render';
import { ARITHMETIC, fixture, REAL, run } from '../helpers/util';

const documents: Array<[string, string, boolean]> = [
  ...REAL.map((n): [string, string, boolean] => [n, fixture('real', n), false]),
  ['sample', fixture('..', '..', 'examples', 'sample-2023.txt'), false],
];

// Broken variants, in each layout: two wrong totals of 表2 (a unique two-cell explanation), a
// blank row total, and a 表3 total that only the total itself can explain (a part would go
// negative).
for (const layout of LAYOUTS_WITH_CELLS) {
  const f = realisticFigures();
  f.table2.granted![6] = 1;
  f.table2.total![6] = 5;
  f.table3[4] = 0;
  documents.push([`broken ${layout}`, render(f, layout).replace(/(（二）部分公开[^\n]*?)223\b/, '$1'), layout === 'html']);
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

test('wrong totals that the identities determine are repaired to the consistent figures, in every layout', () => {
  const f = realisticFigures();
  const broken = structuredClone(f);
  broken.table2.granted![6] = 1;
  broken.table2.total![6] = 5;
  broken.table3[4] = 0;
  for (const layout of LAYOUTS_WITH_CELLS) assert.equal(fixAll(render(broken, layout), { html: layout === 'html' }).text, render(f, layout), layout);
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
