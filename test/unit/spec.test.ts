// The format as data: validated with zod; complete; the docs, README table and settings schema
// generated from the rule registry do not drift; the core stays free of editor APIs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, rules, spec, table1ItemsFor, table2RowsFor } from '../../shared/src/index';
import { FormatSpec } from '../../shared/src/format/schema';
import { cellsExpected } from '../../shared/src/outputs/summary';
import { configSchema, ruleDoc, rulesTable, severitySchema, snippets } from '../../scripts/gen-docs';
import { root } from '../helpers/util';

test('the spec data satisfies its zod schema', () => {
  const parsed = FormatSpec.safeParse(spec);
  assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3)));
});

test('table sizes match docs/format.md (表1 10 / 22 cells, 表2 175 / 161, 表3 15)', () => {
  assert.equal(cellsExpected('table1', '2021'), 10);
  assert.equal(cellsExpected('table1', '2019'), 22);
  assert.equal(cellsExpected('table2', '2021'), 175);
  assert.equal(cellsExpected('table2', '2019'), 161);
  assert.equal(cellsExpected('table3', '2021'), 15);
  assert.equal(table2RowsFor('2021').filter((r) => !r.group).length, 25);
  assert.equal(table2RowsFor('2019').filter((r) => !r.group).length, 23);
  assert.deepEqual(table1ItemsFor('2019').map((i) => i.item), [1, 5, 6, 8, 9]);
  assert.deepEqual(table1ItemsFor('2021').map((i) => i.item), [1, 5, 6, 8]);
});

test('ids are unique within each format; every parent exists', () => {
  for (const format of ['2019', '2021'] as const) {
    const ids = table2RowsFor(format).map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, format);
    for (const r of table2RowsFor(format)) if (r.parent) assert.ok(ids.includes(r.parent), `${r.id} → ${r.parent}`);
  }
  const cols = spec.table3.columns.map((c) => c.id);
  assert.equal(new Set(cols).size, 15);
});

test('article 20 has its fifteen items; every cited article exists', () => {
  const art20 = spec.articles.find((a) => a.id === 'art20');
  assert.equal(art20?.items?.length, 15);
  assert.match(art20!.text, /（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息。$/);
  const ids = new Set(spec.articles.map((a) => a.id));
  const cited = [...spec.table2.rows, ...spec.sections, ...table1ItemsFor('2019').flatMap((i) => i.rows), ...table1ItemsFor('2021').flatMap((i) => i.rows)].flatMap((x) => x.basis.articles.map((a) => a.id));
  for (const id of cited) assert.ok(ids.has(id), id);
});

test('rows without an article say so instead of inventing one (docs/format.md §8)', () => {
  for (const id of ['refused.inquiry', 'notProcessed.confirmation']) {
    const row = spec.table2.rows.find((r) => r.id === id)!;
    assert.deepEqual(row.basis.articles, []);
    assert.match(row.basis.note!.zh, /没有专门条款/);
  }
});

test('identities I1–I7 are implemented by registered rules with the same severity', () => {
  for (const identity of spec.identities) {
    const rule = rules.find((r) => r.id === identity.rule);
    assert.ok(rule, identity.rule);
    assert.equal(rule.severity, identity.severity);
    assert.equal(rule.identity, identity.id);
  }
});

test('every rule: kebab-case id, unique, with zh and en title and description', () => {
  const ids = rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of rules) {
    assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
    for (const key of [r.title, r.description]) {
      assert.ok(catalog[key].zh && catalog[key].en, `${r.id} ${key}`);
    }
  }
});

test('docs/rules, the README table and the settings schema are generated from the registry', () => {
  for (const r of rules) assert.equal(readFileSync(join(root, 'docs', 'rules', `${r.id}.md`), 'utf8'), ruleDoc(r.id), `docs/rules/${r.id}.md is stale: npm run docs`);
  assert.deepEqual(readdirSync(join(root, 'docs', 'rules')).sort(), rules.map((r) => `${r.id}.md`).sort());
  assert.ok(readFileSync(join(root, 'README.md'), 'utf8').includes(rulesTable()), 'README rules table is stale: npm run docs');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.configuration.properties['gov-report.severity'], severitySchema(), 'package.json settings schema is stale: npm run docs');
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'snippets', 'gov-report.code-snippets'), 'utf8')), snippets('text'), 'snippets are stale: npm run docs');
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'snippets', 'markdown.code-snippets'), 'utf8')), snippets('markdown'), 'snippets are stale: npm run docs');
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'schemas', 'gov-report.schema.json'), 'utf8')), configSchema(), 'the configuration schema is stale: npm run docs');
});

test('the core (shared/src) imports nothing from vscode or vscode-languageserver', () => {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  for (const file of walk(join(root, 'shared', 'src'))) {
    const text = readFileSync(file, 'utf8');
    assert.ok(!/from ['"]vscode/.test(text) && !/require\(['"]vscode/.test(text), file);
  }
});
