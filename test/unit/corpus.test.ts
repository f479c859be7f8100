// The corpus (test/fixtures/corpus, byte-identical copies of ../shared/corpus): real reports as
// agencies publish them, in layouts the examples do not show. Each gives the hand-checked reading
// of its README, and nothing but the reviewed findings listed here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertReading, CORPUS, HUAIAN } from '../helpers/corpus';
import { fixture, root, run } from '../helpers/util';

for (const c of CORPUS) {
  test(`${c.file}: the hand-checked reading, and only the reviewed findings`, () => {
    const { model, findings } = run(fixture('corpus', c.file), c.file.endsWith('.html'));
    assertReading(model, findings, c);
    // Text the reader had to cut itself (crawler texts) gives no error: at most a warning.
    if (model.read !== 'sure') assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message.zh), []);
  });
}

test('the corpus fixtures are byte-identical to ../shared/corpus (when it is beside the checkout)', (t) => {
  const shared = join(root, '..', 'shared', 'corpus');
  if (!existsSync(shared)) return t.skip('../shared/corpus is not beside this checkout');
  const names = readdirSync(shared).sort();
  assert.ok(names.length >= 11, names.join(', '));
  for (const name of names) {
    assert.ok(readFileSync(join(shared, name)).equals(readFileSync(join(root, 'test', 'fixtures', 'corpus', name))), name);
  }
});

test('huaian-2024.pdf as plain `pdftotext` prints it (no -layout: every label of 表2 first, its 175 figures after): said once as a table whose figures stand apart from its labels; no error, nothing claimed blank or missing, no cell in a relation', () => {
  const { model, findings } = run(fixture('derived', 'huaian-2024.plain.txt'));
  assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message.zh}`), []);
  const t2 = model.tables.table2!;
  assert.equal(t2.stray?.apart, true);
  assert.equal(t2.stray?.count, 175);
  const apart = findings.filter((f) => f.ruleId === 'short-row' && f.message.zh.includes('个数值不在任何一行之中'));
  assert.equal(apart.length, 1, findings.map((f) => f.message.zh).join('\n'));
  assert.match(apart[0]!.message.zh, /^表2有 175 个数值不在任何一行之中：文字已失去表格的顺序/);
  // Not "not filled in yet" (the figures are there), no blank cell named, no header piece listed.
  assert.deepEqual(findings.filter((f) => f.ruleId === 'blank-value' && f.message.zh.startsWith('表2')), []);
  assert.deepEqual(findings.filter((f) => f.ruleId === 'unknown-header' || f.ruleId === 'row-missing' || f.ruleId === 'column-missing'), []);
  for (const r of t2.rows) for (const c of r.cells) assert.ok(c.value.kind !== 'number' || c.guessed, `${r.rowId}/${c.columnId}`);
  // A converter's displaced figure is no such sign (kewei-2024.md: one beside 174 read), nor are
  // the placeholders a converter writes under a header (shuyang-2025.md's "| - | - |").
  const kewei = run(fixture('corpus', 'kewei-2024.md')).model.tables.table2!;
  assert.equal(kewei.stray?.count, 1);
  assert.equal(kewei.stray?.apart, undefined);
  assert.equal(run(fixture('corpus', 'shuyang-2025.md')).model.tables.table2!.stray, undefined);
});

test('huaian-2024.pdf as `pdftotext -layout` prints it (poppler 22.12; labels wrapped round their figures, a group label between the lines of a label): the reading of the PDF', () => {
  const { model, findings } = run(fixture('derived', 'huaian-2024.layout.txt'));
  // pdftotext breaks the 表2 header words over lines ("商业企" / "业", "其他" between): joined by their column.
  assertReading(model, findings, { ...HUAIAN, findings: [] });
});
