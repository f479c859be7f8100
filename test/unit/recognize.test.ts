// Claiming a document by its content: the examples (3 of 5 start with blank lines), a title typed
// alone, headings without a title; never a notice about the report or an ordinary note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, recognizeReport } from '../../shared/src/index';
import { fixture, REAL } from '../helpers/util';

test('every example and corpus report is recognised', () => {
  for (const name of REAL) assert.ok(recognizeReport(fixture('real', name)), name);
  // HTML pages are checked in their own language; the client claims only plain text and untitled files.
  for (const name of ['hongze-2024.txt', 'shuyang-2025.md']) assert.ok(recognizeReport(fixture('corpus', name)), name);
  assert.ok(REAL.filter((n) => /^\s*\n/.test(fixture('real', n))).length >= 3, 'the examples that start with blank lines are among them');
});

test('a title typed alone, bold or as a Markdown heading, is enough; so are two section headings or 表2 labels', () => {
  assert.equal(recognizeReport('某某县人民政府2025年政府信息公开工作年度报告'), 'title');
  assert.equal(recognizeReport('\n\n  # 某某县人民政府2025年政府信息公开工作年度报告\n'), 'title');
  assert.equal(recognizeReport('**某某局2025年度政府信息公开工作年度报告**'), 'title');
  assert.equal(recognizeReport('一、总体情况\n正文\n二、主动公开政府信息情况\n'), 'sections');
  assert.equal(recognizeReport('第一部分 总体情况\n第二部分 主动公开政府信息情况\n'), 'sections');
  assert.equal(recognizeReport('一、本年新收政府信息公开申请数量\t1\t0'), 'table');
});

test('near misses are not claimed', () => {
  assert.equal(recognizeReport('关于做好2025年政府信息公开工作年度报告编制工作的通知\n各单位：请于1月31日前报送。'), undefined);
  assert.equal(recognizeReport('请各单位按时报送本单位2025年政府信息公开工作年度报告。'), undefined);
  assert.equal(recognizeReport('一、总体情况良好\n会议纪要'), undefined);
  assert.equal(recognizeReport('[section]\nkey=value\n'), undefined);
  assert.equal(recognizeReport(''), undefined);
});

test('a page that starts with a site breadcrumb or a crawler metadata block: a report, titled by its own title', () => {
  const w = fixture('real', 'weihui-2023.txt');
  for (const [pre, title, agency] of [
    ['当前位置：首页 > 政务公开 > 政府信息公开年报 > 卫辉市2023年政府信息公开工作年度报告\n', '卫辉市2023年政府信息公开工作年度报告', '卫辉市'],
    ['您的位置：首页>政务公开>政府信息公开年报\n标题：卫辉市科技局2023年政府信息公开工作年度报告\n发布时间：2024-01-20\n==================== 正文 ====================\n', '卫辉市科技局2023年政府信息公开工作年度报告', '卫辉市科技局'],
  ] as const) {
    const model = parse(pre + w);
    assert.ok(model.isReport);
    assert.equal(model.title?.text, title);
    assert.equal(model.agency, agency);
    assert.deepEqual(check(model).map((f) => f.message.zh), []);
  }
  assert.equal(parse(fixture('corpus', 'pingtan-2021-web.txt')).agency, '平潭综合实验区');
});

test('a web page titled with its site after the report ("…年度报告_政府信息公开年报_…"): the agency is the report\'s, as in the crawler\'s text of the same page', () => {
  const page = parse(fixture('corpus', 'pingtan-2019.html'), { html: true });
  assert.equal(page.title?.text, '平潭综合实验区2019年度政府信息公开工作年度报告');
  assert.equal(page.agency, '平潭综合实验区');
  assert.equal(parse(fixture('corpus', 'pingtan-2019-web.txt')).agency, page.agency);
});

test('a page saved as text with its site menu indented by tabs before the title: the menu is no title, the title broken over two lines is found', () => {
  const w = fixture('real', 'weihui-2023.txt');
  const menu = ['首页', '政务公开', '解读回应', '办事服务', '互动交流', '走进卫辉', '省政府', '省人大', '省政协', '登录', '注册', '无障碍', '长者模式', '繁体'].map((m) => `\t\t\t\t${m}`).join('\n');
  const start = w.indexOf('卫辉市');
  const titleLine = w.slice(start, w.indexOf('\n', start));
  const split = titleLine.replace('政府信息公开工作年度报告', '\n\n政府信息公开工作年度报告');
  const model = parse(`${menu}\n\n${w.replace(titleLine, split)}`);
  assert.equal(model.title?.text, titleLine.trim());
  assert.deepEqual(check(model).map((f) => f.ruleId), []);
});
