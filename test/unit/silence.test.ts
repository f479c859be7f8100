// Silencing what is meant: comments in Markdown and HTML, the configuration file's ignore list
// (keyed by rule and row or section, so it survives edits), globs, validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, globMatch, ignored, ignoreEntryFor, matchesAny, parse, parseConfig } from '../../shared/src/index';
import { fixture, REAL, run } from '../helpers/util';

const md = fixture('real', 'beiguan-2023.md');
const ids = (text: string) => run(text).findings.map((f) => f.ruleId);

test('Markdown comments: disable-next-line, disable … enable around a block, all rules or named ones', () => {
  const base = run(md).findings;
  assert.ok(base.length > 0, 'the example has findings to silence');
  const f = base[0]!;
  const { model } = run(md);
  const line = model.lines.positionAt(f.range.start).line;
  const lines = md.split('\n');
  const insertAt = (l: number, s: string) => [...lines.slice(0, l), s, ...lines.slice(l)].join('\n');
  // The finding's own rule on the line before: gone; another rule's name: still there.
  assert.ok(!ids(insertAt(line, `<!-- gov-report-disable-next-line ${f.ruleId} -->`)).includes(f.ruleId) || base.filter((x) => x.ruleId === f.ruleId).length > 1);
  const silenced = run(insertAt(line, `<!-- gov-report-disable-next-line ${f.ruleId} -->`)).findings;
  assert.equal(silenced.length, base.length - 1);
  const other = f.ruleId === 'publication-date' ? 'title-missing' : 'publication-date';
  assert.equal(run(insertAt(line, `<!-- gov-report-disable-next-line ${other} -->`)).findings.length, base.length);
  // A name that is no rule silences nothing and is said where it stands, with the likely id.
  const misspelt = run(insertAt(line, `<!-- gov-report-disable-next-line ${f.ruleId}s -->`));
  assert.equal(misspelt.findings.length, base.length + 1);
  const said = misspelt.findings.find((x) => x.ruleId === 'suppression-unknown')!;
  assert.equal(misspelt.model.text.slice(said.range.start, said.range.end), `${f.ruleId}s`);
  assert.match(said.message.zh, new RegExp(`没有名为“${f.ruleId}s”的规则，是否指 ${f.ruleId}？`));
  // Around the whole document, without names: nothing left.
  assert.deepEqual(run(`<!-- gov-report-disable -->\n${md}\n<!-- gov-report-enable -->\n`).findings.filter((x) => x.range.start > 30), []);
  // Disabled then enabled before the finding: it stays.
  assert.equal(run(`<!-- gov-report-disable ${f.ruleId} -->\n<!-- gov-report-enable ${f.ruleId} -->\n${md}`).findings.length, base.length);
});

test('HTML comments silence in HTML documents too', () => {
  const html = fixture('corpus', 'shuyang-fgj-2023.html');
  const base = check(parse(html, { html: true }));
  assert.ok(base.length > 0);
  const silenced = check(parse(`<!-- gov-report-disable ${base[0]!.ruleId} -->\n${html}`, { html: true }));
  assert.equal(silenced.length, base.filter((f) => f.ruleId !== base[0]!.ruleId).length);
});

test('the ignore list: every finding of the examples and the corpus is silenced by its own entry, and only by it', () => {
  const docs = [...REAL.map((n) => fixture('real', n)), fixture('corpus', 'hongze-2024.txt'), fixture('corpus', 'shuyang-2025.md'), fixture('rules', 'clean-2023.txt').replace('\n1\t0\t0\t0\t1\t0', '\n1\t0\t0\t0\t\t0')];
  let total = 0;
  for (const text of docs) {
    const { model, findings } = run(text);
    for (const f of findings) {
      total++;
      const entry = ignoreEntryFor(f, model);
      assert.equal(entry.rule, f.ruleId);
      assert.ok(entry.row ?? entry.section ?? entry.text, `${f.ruleId}: keyed by what it is about, not a line number`);
      assert.ok(ignored([entry], f, model), `${f.ruleId} ${f.message.zh}: ${JSON.stringify(entry)}`);
      const after = check(model, { ignore: [entry] });
      assert.ok(after.every((x) => x.ruleId !== f.ruleId || !ignored([entry], x, model)));
      assert.ok(after.length >= findings.length - findings.filter((x) => x.ruleId === f.ruleId).length);
    }
  }
  assert.ok(total >= 15, String(total));
});

test('an ignore entry keyed by row survives edits that move the row', () => {
  const text = fixture('rules', 'clean-2023.txt').replace(/(（一）予以公开[^\n]*\t)6$/m, '$17');
  const { model, findings } = run(text);
  const f = findings.find((x) => x.ruleId === 'wrong-cell')!;
  const entry = ignoreEntryFor(f, model);
  assert.deepEqual(entry, { rule: 'wrong-cell', row: '（一）予以公开' });
  const moved = '\n\n\n' + text.replace('一、总体情况', '一、总体情况\n新增的一段话。\n');
  assert.deepEqual(check(parse(moved), { ignore: [entry] }).filter((x) => x.ruleId === 'wrong-cell'), []);
});

test('configuration files are validated: clear errors for bad JSON, unknown rules, wrong values', () => {
  assert.deepEqual(parseConfig('{"rules":{"row-total":"off"},"ignoreFiles":["drafts/**"],"format":"2021","language":"en"}'), { ok: true, config: { rules: { 'row-total': 'off' }, ignoreFiles: ['drafts/**'], format: '2021', language: 'en' } });
  assert.match((parseConfig('{"rules":') as { error: string }).error, /^JSON 1:10: unexpected end of file/);
  // Placed by line and column, as an editor shows them.
  assert.match((parseConfig('{\n  "rules": {\n    "row-total": "off",\n  }\n}') as { error: string }).error, /^JSON 4:3: unexpected "}"/);
  assert.equal((parseConfig('{"rules":{"row-totals":"off"}}') as { error: string }).error, 'rules: unknown rule "row-totals" (did you mean "row-total"?)');
  // Notepad's byte order mark is no error; "__proto__" and a misspelt id in the ignore list are.
  assert.deepEqual(parseConfig('\uFEFF{"format":"2021"}'), { ok: true, config: { format: '2021' } });
  assert.equal((parseConfig('{"rules":{"__proto__":"off"}}') as { error: string }).error, 'rules: unknown rule "__proto__"');
  assert.equal((parseConfig('{"ignoreFindings":[{"rule":"heading-levels"}]}') as { error: string }).error, 'ignoreFindings: unknown rule "heading-levels" (did you mean "heading-level"?)');
  assert.deepEqual(parseConfig('{"ignoreFindings":[{"rule":"*","section":"五"}]}'), { ok: true, config: { ignoreFindings: [{ rule: '*', section: '五' }] } });
  assert.match((parseConfig('{"rules":{"row-total":"loud"}}') as { error: string }).error, /^rules\.row-total: /);
  assert.match((parseConfig('{"rule":{}}') as { error: string }).error, /rule/);
  assert.equal(parseConfig('{"name":"x"}', true), undefined, 'a package.json without a "gov-report" key is not a configuration');
  assert.deepEqual(parseConfig('{"name":"x","gov-report":{"format":"2019"}}', true), { ok: true, config: { format: '2019' } });
});

test('globs: ** any folders, * a name part, names match anywhere', () => {
  assert.ok(matchesAny('drafts/a.txt', ['drafts/**']));
  assert.ok(matchesAny('x/drafts/a.txt', ['**/drafts/**']));
  assert.ok(!matchesAny('x/drafts/a.txt', ['drafts/**']));
  assert.ok(matchesAny('2023/草稿-年度报告.txt', ['草稿-*']));
  assert.ok(matchesAny('a/b/c.md', ['*.md']));
  assert.ok(!matchesAny('a/b/c.md', ['*.txt']));
  assert.ok(globMatch('a?.txt', 'ab.txt'));
  assert.ok(!globMatch('a?.txt', 'a/.txt'));
  assert.ok(globMatch('**/*.md', 'a.md') && globMatch('**/*.md', 'x/y/a.md') && !globMatch('**/*.md', 'x/a.txt'));
  assert.ok(globMatch('drafts', 'x/drafts/a.txt') && !globMatch('drafts', 'x/drafts2/a.txt'));
});

test('hostile globs cost pattern × path steps, not a backtrack: doubling the path grows the time at most ×2.5', () => {
  const patterns = ['*'.repeat(20) + 'zz', '**/'.repeat(10) + 'zz', '*a'.repeat(30) + 'b'];
  const time = (n: number) => {
    const path = 'a/'.repeat(n) + 'a'.repeat(n);
    const t = performance.now();
    for (let k = 0; k < 5; k++) for (const p of patterns) assert.equal(globMatch(p, path), false);
    return performance.now() - t;
  };
  time(50);
  const sizes = [100, 200, 400, 800];
  const times = sizes.map((n) => Math.min(time(n), time(n), time(n), time(n), time(n)));
  // ×2.5 per doubling over the three (an exponential backtrack takes seconds at once); one step may
  // be noisier than that when another process runs.
  const shown = times.map((x) => x.toFixed(2)).join(' → ');
  assert.ok(times[3]! <= 2.5 ** 3 * Math.max(times[0]!, 1), `${shown} ms`);
  for (let k = 1; k < times.length; k++) assert.ok(times[k]! <= 4 * Math.max(times[k - 1]!, 1), `${shown} ms`);
});
