// What is missing is said once per table and once for the sections, with quick fixes that insert
// the rows (in the document's own layout, cells empty) or the headings (in order).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, parse, table2RowsFor, type Finding } from '../../shared/src/index';
import { realisticFigures, render } from '../helpers/render';
import { fixture, REAL, replaceOnce, run } from '../helpers/util';

const clean = fixture('rules', 'clean-2023.txt');
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.ruleId === rule);
const applyFix = (text: string, f: Finding) => applyEdits(text, [f.fix!.edit, ...(f.fix!.extraEdits ?? [])]);
const labels2021 = table2RowsFor('2021').filter((r) => !r.group);

/** The document without the lines of the given 表2 rows (by label at the line's start). */
function withoutRows(text: string, labels: readonly string[]): string {
  return text.split('\n').filter((line) => !line.split(/\t|\|/).some((cell) => labels.includes(cell.trim()))).join('\n');
}

test('a table lacking many rows gets one finding at its first line, listing them, and a fix inserting them all', () => {
  const removed = labels2021.slice(1, 22).map((r) => r.label);
  const text = withoutRows(clean, removed);
  const { model, findings } = run(text);
  const missing = of(findings, 'row-missing');
  assert.equal(missing.length, 1);
  const f = missing[0]!;
  assert.match(f.message.zh, /^表2 缺少 21 行：二、上年结转政府信息公开申请数量、（一）予以公开、（二）部分公开、.* 等$/);
  assert.match(f.message.en, /^Table 2 lacks 21 rows: II\. Applications carried over from last year \(二、上年结转政府信息公开申请数量\);/);
  assert.equal(model.lines.positionAt(f.range.start).line, model.lines.positionAt(model.tables.table2!.range.start).line);
  assert.equal(f.fix?.safe, false, 'inserting rows is the user\'s choice, never fix-all');
  const fixed = applyFix(text, f);
  const after = run(fixed);
  assert.deepEqual(of(after.findings, 'row-missing'), []);
  const filled = (ids: string[]) => ids.filter((id) => labels2021.some((r) => r.id === id));
  assert.deepEqual(filled(after.model.tables.table2!.rows.map((r) => r.rowId)), labels2021.map((r) => r.id), 'rows inserted in the format\'s order');
  for (const r of after.model.tables.table2!.rows) {
    if (!removed.includes(r.label)) continue;
    assert.ok(r.cells.length === 7 && r.cells.every((c) => c.value.kind === 'blank' || c.value.kind === 'missing'), `${r.label}: seven empty cells`);
  }
  // Nothing the user wrote changed: the fixed text minus the inserted lines is the text.
  assert.equal(withoutRows(fixed, removed), text);
});

test('one missing row is named where it belongs, with a fix inserting that row', () => {
  const text = withoutRows(clean, ['2.重复申请']);
  const { model, findings } = run(text);
  const [f, ...rest] = of(findings, 'row-missing');
  assert.equal(rest.length, 0);
  assert.equal(f!.message.zh, '表2 缺少“2.重复申请”行');
  assert.equal(f!.message.en, 'Table 2 lacks the row "5.2 Repeated applications" (2.重复申请)');
  assert.ok(model.text.slice(f!.range.start).startsWith('3.要求提供公开出版物'));
  const after = run(applyFix(text, f!));
  assert.deepEqual(of(after.findings, 'row-missing'), []);
  assert.ok(after.model.tables.table2!.rows.some((r) => r.rowId === 'notProcessed.repeated'));
});

test('rows are inserted in the layout of the table: tab rows, Markdown pipe rows, one cell per line', () => {
  const figures = realisticFigures();
  for (const layout of ['tab', 'markdown', 'cellPerLine'] as const) {
    const full = render(figures, layout);
    const removed = ['（一）予以公开', '2.重复申请', '四、结转下年度继续办理'];
    let text = full;
    if (layout === 'cellPerLine') {
      // A row is its label line and its values on the following lines.
      for (const label of removed) text = replaceOnce(text, new RegExp(`\\t${label}\\n(?:\\t[^\\n]*\\n)+\\n`), '');
    } else text = withoutRows(full, removed);
    const { findings } = run(text);
    const f = of(findings, 'row-missing')[0];
    assert.ok(f?.fix, `${layout}: a fix`);
    const after = run(applyFix(text, f!));
    assert.deepEqual(of(after.findings, 'row-missing').map((x) => x.message.zh), [], `${layout}: every row back`);
    assert.equal(of(run(text).findings, 'row-missing')[0]!.message.zh, '表2 缺少 3 行：（一）予以公开、2.重复申请、四、结转下年度继续办理', layout);
  }
});

test('an HTML table gets the finding but no fix (rows cannot be written into its markup safely)', () => {
  const html = render(realisticFigures(), 'html');
  const text = html.replace(/<tr>(?:(?!<\/tr>)[\s\S])*2\.重复申请[\s\S]*?<\/tr>/, '').replace(/<tr>(?:(?!<\/tr>)[\s\S])*3\.要求提供公开出版物[\s\S]*?<\/tr>/, '');
  const f = of(check(parse(text, { html: true })), 'row-missing');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.message.zh, '表2 缺少 2 行：2.重复申请、3.要求提供公开出版物');
  assert.equal(f[0]!.fix, undefined);
});

test('sections: several missing are one finding at the title with a fix inserting the headings in order', () => {
  const title = clean.split('\n').find((l) => l.includes('年度报告'))!;
  const text = `${title}\n\n一、总体情况\n\n本年度…\n`;
  // A title and one section is not yet recognisable as a report; the user's choice makes it one.
  assert.deepEqual(of(run(text).findings, 'section-missing'), []);
  const findings = check(parse(text, { assumeReport: true }));
  const s = of(findings, 'section-missing');
  assert.equal(s.length, 1);
  assert.equal(s[0]!.message.zh, '缺少第二至六部分');
  assert.equal(s[0]!.range.start, text.indexOf(title));
  const fixed = applyFix(text, s[0]!);
  const after = run(fixed);
  assert.deepEqual(after.model.sections.map((x) => x.number), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(of(after.findings, 'section-missing'), []);
  assert.deepEqual(of(after.findings, 'section-order'), []);
  assert.ok(fixed.startsWith(text));
  // Markdown headings get the document's level.
  const md = `# ${title}\n\n## 一、总体情况\n\n正文\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n正文\n`;
  const m = of(run(md).findings, 'section-missing')[0]!;
  assert.equal(m.message.zh, '缺少第二、三、五、六部分');
  const mdFixed = applyFix(md, m);
  assert.match(mdFixed, /\n## 二、主动公开政府信息情况\n\n## 三、收到和处理政府信息公开申请情况\n\n## 四、/);
  assert.deepEqual(run(mdFixed).model.sections.map((x) => x.number), [1, 2, 3, 4, 5, 6]);
});

test('one missing section keeps its own message where it belongs; tables missing together are one finding', () => {
  const text = clean.replace(/\n五、[^\n]*\n[\s\S]*?(?=\n六、)/, '\n');
  const s = of(run(text).findings, 'section-missing');
  assert.equal(s.length, 1);
  assert.equal(s[0]!.message.zh, '缺少第五部分“存在的主要问题及改进情况”');
  const title = clean.split('\n').find((l) => l.includes('年度报告'))!;
  const t = of(run(`${title}\n\n一、总体情况\n\n二、主动公开政府信息情况\n`).findings, 'table-missing');
  assert.equal(t.length, 1);
  assert.match(t[0]!.message.zh, /^缺少表1“主动公开政府信息情况”、表2“.*”、表3“.*”$/);
});

test('complete reports: no row, section or table is said to be missing', () => {
  for (const name of REAL) {
    const { findings } = run(fixture('real', name));
    assert.deepEqual([...of(findings, 'section-missing'), ...of(findings, 'table-missing')].map((f) => f.message.zh), [], name);
  }
  assert.deepEqual(of(run(clean).findings, 'row-missing'), []);
});
