// Certain or silent: how sure each reading is travels with it (model.ts `Certainty`), and check()
// caps every finding by it in one place (capByCertainty.ts). These tests degrade real reports the
// way web copies and crawlers do, and feed every rule a model read entirely as inferred.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type Finding, type ReportModel } from '../../shared/src/index';
import { rules } from '../../shared/src/rules/index';
import { cases } from '../helpers/ruleCases';
import { ARITHMETIC, REAL, fixture, run } from '../helpers/util';

/** The text reports of the examples and the corpus (PDF and HTML have readers of their own). */
const REPORTS: Array<{ name: string; text: string }> = [
  ...REAL.map((name) => ({ name, text: fixture('real', name) })),
  ...['hongze-2024.txt', 'kewei-2024.md', 'shuyang-2025.md', 'pingtan-2021-web.txt', 'pingtan-2019-web.txt'].map((name) => ({ name, text: fixture('corpus', name) })),
];

/** How web copies and crawlers degrade a report. */
const DEGRADE: Record<string, (text: string) => string> = {
  // every line break lost (a web page copied as text)
  joined: (t) => t.split(/\r?\n/).join(' '),
  // the cells' tabs and pipes turned into single spaces, and the lines joined
  spaced: (t) => t.split(/\r?\n/).map((l) => l.replace(/[\t|]+/g, ' ').replace(/ {2,}/g, ' ')).join(' '),
  // the cells glued: the figures of a row with nothing between them, the lines joined
  glued: (t) => t.split(/\r?\n/).map((l) => l.replace(/[\t|]+/g, ' ').replace(/(\d) +(?=\d)/g, '$1')).join(''),
};

const errors = (findings: readonly Finding[]) => new Set(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId));
const table23 = (m: ReportModel) => ['table2', 'table3'].map((id) => (m.tables[id as 'table2']?.rows ?? []).map((r) => r.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)).join(' ')).join('\n')).join('\n--\n');

for (const { name, text } of REPORTS) {
  for (const [how, degrade] of Object.entries(DEGRADE)) {
    test(`${name}, ${how}: no error its original does not raise; the arithmetic findings stay where the reading is the same`, () => {
      const original = run(text);
      const copy = run(degrade(text));
      const before = errors(original.findings);
      const added = copy.findings.filter((f) => f.severity === 'error' && !before.has(f.ruleId));
      assert.deepEqual(added.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
      // An error of the copy rests only on what was read for sure: never on the reader's own cut.
      for (const f of copy.findings.filter((x) => x.severity === 'error')) assert.equal(copy.model.read, 'sure', `${f.ruleId}: ${f.message.zh}`);
      // Where the copy reads the same figures, what the arithmetic says stays (a warning at least).
      if (table23(copy.model) === table23(original.model)) {
        const arithmetic = (fs: readonly Finding[]) => fs.filter((f) => ARITHMETIC.includes(f.ruleId)).length > 0;
        assert.equal(arithmetic(copy.findings), arithmetic(original.findings), copy.findings.map((f) => f.ruleId).join(', '));
      }
    });
  }
}

/** Marks every part of a model as the reader's inference. */
function allInferred(model: ReportModel): ReportModel {
  for (const t of Object.values(model.tables)) {
    t!.read = 'inferred';
    for (const r of t!.rows) {
      r.read = 'inferred';
      for (const c of r.cells) c.read ??= 'inferred';
    }
  }
  for (const s of model.sections) s.read = 'inferred';
  model.read = 'inferred';
  model.inferredSpans = [{ start: 0, end: model.text.length }];
  return model;
}

test('every rule, fed a model read entirely as inferred, raises no error and claims nothing absent (every rule case of the registry)', () => {
  const absence = new Set(rules.filter((r) => r.evidence === 'absence').map((r) => r.id));
  for (const c of cases) {
    const findings = check(allInferred(parse(c.text, { html: c.html === true })), c.severity ? { severity: c.severity } : {});
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${c.rule} case: ${f.ruleId}`), []);
    assert.deepEqual(findings.filter((f) => absence.has(f.ruleId)).map((f) => `${c.rule} case: ${f.ruleId}`), []);
    assert.ok(findings.every((f) => !f.fix?.safe), `${c.rule} case: no fix from a guess is applied by fix-all`);
  }
});

test('every rule declares what its findings rest on, and no reading rule is an error', () => {
  for (const r of rules) {
    assert.ok(['cells', 'absence', 'reading'].includes(r.evidence), r.id);
    if (r.evidence === 'reading') assert.notEqual(r.severity, 'error', r.id);
  }
});

test('a claim of absence from text read as written stays an error; from the reader\'s own cut it becomes one info per table', () => {
  const text = fixture('real', 'weihui-2023.txt');
  const cut = text.replace(/^[^\n]*\(二\) 部分公开[^\n]*\n/m, '');
  assert.notEqual(cut, text);
  const sure = run(cut);
  assert.ok(sure.findings.some((f) => f.ruleId === 'row-missing' && f.severity === 'error'));
  const joined = run(cut.split('\n').join(' '));
  assert.equal(joined.model.read, 'inferred');
  assert.deepEqual(joined.findings.filter((f) => f.ruleId === 'row-missing'), []);
  const said = joined.findings.filter((f) => f.ruleId === 'unconfirmed');
  assert.equal(said.length, 1, said.map((f) => f.message.zh).join('\n'));
  assert.match(said[0]!.message.zh, /^文本已失去换行和单元格边界，未能确认表2是否完整：表2 缺少“（二）部分公开/);
  assert.equal(said[0]!.severity, 'info');
});

test('the reader marks what it cut itself: cells, rows, tables and sections of a joined report are inferred; of the report as written, sure', () => {
  const text = fixture('real', 'weihui-2023.txt');
  const sure = run(text).model;
  assert.equal(sure.read, 'sure');
  assert.ok(Object.values(sure.tables).every((t) => t!.read === 'sure' && t!.rows.every((r) => !r.read && r.cells.every((c) => !c.read))));
  assert.ok(sure.sections.every((s) => s.read === 'sure'));
  const joined = run(text.split('\n').join(' ')).model;
  assert.equal(joined.read, 'inferred');
  assert.ok(Object.values(joined.tables).every((t) => t!.read === 'inferred' && t!.rows.every((r) => r.read === 'inferred')));
  assert.ok(joined.sections.slice(1).every((s) => s.read === 'inferred'));
});

test('a file part of which could not be read (a PDF page dropped, past the page limit): nothing is claimed missing, said once as unconfirmed', () => {
  const missingSection = cases.find((c) => c.rule === 'section-missing')!.text;
  const whole = check(parse(missingSection));
  assert.ok(whole.some((f) => f.ruleId === 'section-missing' && f.severity === 'error'));
  const partial = check(parse(missingSection, { incomplete: true }));
  assert.deepEqual(partial.filter((f) => f.ruleId === 'section-missing'), []);
  const said = partial.filter((f) => f.ruleId === 'unconfirmed');
  assert.equal(said.length, 1);
  assert.match(said[0]!.message.zh, /^文件有部分内容未能读取/);
  assert.match(said[0]!.message.zh, /第五部分/);
  // What was read is checked as before: a mistyped total is still an error.
  const typo = cases.find((c) => c.rule === 'row-total')!.text;
  assert.ok(check(parse(typo, { incomplete: true })).some((f) => ARITHMETIC.includes(f.ruleId) && f.severity === 'error'));
});
