// Heading styles real writers use: bold "**一、总体情况**", "第一部分 总体情况", a closing full stop,
// the first sentence on the heading's line. Each is a section, with no numbering or title finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../shared/src/index';
import { fixture, run } from '../helpers/util';

const clean = fixture('rules', 'clean-2023.txt');
const TITLES = /^([一二三四五六])、(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)$/gm;
const restyle = (fn: (numeral: string, title: string) => string) => clean.replace(TITLES, (_, n: string, t: string) => fn(n, t));
const STRUCTURE = ['section-missing', 'section-order', 'section-numbering', 'section-title', 'section-duplicate', 'table-missing'];

const styles: Record<string, (n: string, t: string) => string> = {
  'bold': (n, t) => `**${n}、${t}**`,
  'bold in a Markdown heading': (n, t) => `## **${n}、${t}**`,
  'bold with underscores': (n, t) => `__${n}、${t}__`,
  '第一部分 with a space': (n, t) => `第${n}部分 ${t}`,
  '第一部分 with a colon': (n, t) => `第${n}部分：${t}`,
  '第一部分 with 、': (n, t) => `第${n}部分、${t}`,
  'a closing full stop': (n, t) => `${n}、${t}。`,
  'bold with its first sentence after it': (n, t) => `**${n}、${t}**。本部分如下：`,
  // Word's list numbering copied as text: the numeral, a tab, the title.
  'with a tab after the numeral': (n, t) => `${n}、\t${t}`,
  'with a tab after it': (n, t) => `${n}、${t}\t`,
};

for (const [name, fn] of Object.entries(styles)) {
  test(`headings written ${name}: six sections, nothing said about them`, () => {
    const text = restyle(fn);
    assert.notEqual(text, clean);
    const { model, findings } = run(text);
    assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(findings.filter((f) => STRUCTURE.includes(f.ruleId)).map((f) => f.message.zh), []);
    assert.deepEqual(model.sections.map((s) => s.title.replace(/。$/, '')), ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项']);
  });
}

test('a title line with a tab after it is the title; a Markdown row with a tab after it is a Markdown row', () => {
  const titled = clean.replace(/^([^\n]+)/, '$1\t');
  assert.notEqual(titled, clean);
  assert.deepEqual(run(titled).findings.map((f) => f.ruleId), run(clean).findings.map((f) => f.ruleId));
  assert.ok(run(titled).model.title?.text.includes('政府信息公开工作年度报告'));
  const md = fixture('corpus', 'shuyang-2025.md');
  const tabbed = md.replace(/\|[ ]*$/gm, '| \t');
  assert.notEqual(tabbed, md);
  const { model, findings } = run(tabbed);
  assert.deepEqual(findings.map((f) => f.ruleId), run(md).findings.map((f) => f.ruleId));
  assert.equal(model.tables.table2?.rows.length, run(md).model.tables.table2?.rows.length);
});

test('第…部分 misnumbered: the numeral inside is named and renumbered in the same style', () => {
  const text = restyle((n, t) => `第${n}部分 ${t}`).replace('第三部分 收到和处理', '第四部分 收到和处理');
  const { model, findings } = run(text);
  const f = findings.filter((x) => x.ruleId === 'section-numbering');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.message.zh, '标题编号“第四部分”应为“第三部分”');
  assert.equal(model.text.slice(f[0]!.range.start, f[0]!.range.end), '四');
  const fixed = applyEdits(text, [f[0]!.fix!.edit]);
  assert.ok(fixed.includes('\n第三部分 收到和处理政府信息公开申请情况\n'));
  assert.deepEqual(run(fixed).findings.filter((x) => x.ruleId === 'section-numbering'), []);
});

test('near misses stay narrative: a bold sentence, 第一部分 of something else', () => {
  const text = clean.replace('\n二、主动公开政府信息情况\n', '\n二、主动公开政府信息情况\n**一、严格落实主体责任，强化组织领导**\n第一部分内容为规章制度的制定情况，详见下表。\n');
  const { model } = run(text);
  assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
});
