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

test('huaian-2024.pdf as `pdftotext -layout` prints it (poppler 22.12; labels wrapped round their figures, a group label between the lines of a label): the reading of the PDF', () => {
  const { model, findings } = run(fixture('derived', 'huaian-2024.layout.txt'));
  // pdftotext breaks the 表2 header words over lines ("商业企" / "业", "其他" between): joined by their column.
  assertReading(model, findings, { ...HUAIAN, findings: [] });
});
