// I5 and I6 across years: a report against the same agency's report for the year before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAcrossYears, parse } from '../../shared/src/index';
import { fixture, replaceOnce } from '../helpers/util';

const y2022 = fixture('rules', 'clean-2022.txt');
const y2023 = fixture('rules', 'clean-2023.txt');
const across = (...texts: string[]) => {
  const result = checkAcrossYears(texts.map((t, key) => ({ key, model: parse(t) })));
  return texts.map((_, k) => result.get(k) ?? []);
};

test('consecutive reports of one agency that follow on: no carry-over or stock finding', () => {
  // (The 2022 fixture's narrative is the 2023 one with other figures: copied-report says so, truly.)
  assert.deepEqual(across(y2022, y2023).flat().filter((f) => f.ruleId !== 'copied-report'), []);
});

test('carry-over: last year\'s 四 differs from this year\'s 二, column by column', () => {
  const broken = replaceOnce(y2022, '四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1', '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2');
  const [, findings2023] = across(broken, y2023);
  const carry = findings2023!.filter((f) => f.ruleId === 'carry-over');
  assert.deepEqual(carry.map((f) => [f.expected, f.actual]), [[2, 1], [2, 1]]);
  assert.match(carry[0]!.message.zh, /“自然人”列：本年“二、上年结转”为 1，但 2022 年报告“四、结转下年度继续办理”为 2/);
});

test('stock: documents in force do not follow from last year (info only)', () => {
  const broken = replaceOnce(y2022, '行政规范性文件\t2\t1\t8', '行政规范性文件\t2\t1\t7');
  const [, findings2023] = across(broken, y2023);
  const stock = findings2023!.filter((f) => f.ruleId === 'stock');
  assert.equal(stock.length, 1);
  assert.equal(stock[0]!.severity, 'info');
  assert.equal(stock[0]!.expected, 8);
});

test('reports of other agencies or non-consecutive years are not compared', () => {
  const other = replaceOnce(y2022, '示例县市场监督管理局', '另一县市场监督管理局');
  assert.deepEqual(across(replaceOnce(other, '四、结转下年度继续办理\t\t1', '四、结转下年度继续办理\t\t9'), y2023).flat(), []);
  const y2021 = y2022.replace(/2022年/g, '2021年');
  assert.deepEqual(across(replaceOnce(y2021, '四、结转下年度继续办理\t\t1', '四、结转下年度继续办理\t\t9'), y2023).flat(), []);
});

test('copied-report: 表2 and 表3 identical to last year (not all zero) is said once, as an info; a narrative mostly last year\'s too', () => {
  // This year's tables are last year's (the years in the text updated, the figures not).
  const t2022 = y2022.slice(y2022.indexOf('（本列数据'), y2022.indexOf('\n\n五、'));
  const t2023 = y2023.slice(y2023.indexOf('（本列数据'), y2023.indexOf('\n\n五、'));
  const copied = y2023.replace(t2023, t2022);
  const tables = across(y2022, copied)[1]!.filter((f) => f.ruleId === 'copied-report' && /表2/.test(f.message.zh));
  assert.equal(tables.length, 1);
  assert.equal(tables[0]!.severity, 'info');
  assert.match(tables[0]!.message.zh, /表2、表3 与 2022 年报告逐格相同（\d+ 个数字，不全为 0）/);
  // The narrative copied with its years updated: said with its share.
  const n2022 = y2022.slice(0, y2022.indexOf('（本列数据')).replace(/2022/g, '2023').replace(/2021/g, '2022');
  const narrative = n2022 + y2023.slice(y2023.indexOf('（本列数据'));
  const text = across(y2022, narrative)[1]!.filter((f) => f.ruleId === 'copied-report');
  assert.equal(text.length, 1);
  assert.match(text[0]!.message.zh, /正文 \d+% 的句子（\d+\/\d+）与 2022 年报告相同/);
  // The fixture pair: the narrative is last year's but for its figures (true), the tables are not.
  assert.deepEqual(across(y2022, y2023)[1]!.filter((f) => f.ruleId === 'copied-report').map((f) => /正文/.test(f.message.zh)), [true]);
  // A narrative of its own (every sentence rewritten) and its own figures: nothing.
  const own = y2023.replace(/([^\n。]{12,}?)。/g, (_m, sentence: string) => `${[...sentence].reverse().join('')}。`);
  assert.deepEqual(across(y2022, own)[1]!.filter((f) => f.ruleId === 'copied-report'), []);
  // All-zero tables the same two years running are no copy.
  const zeros = (t: string) => t.replace(/(^|\t)\d+(?=\t|$)/gm, '$10');
  assert.deepEqual(across(zeros(y2022), zeros(y2023))[1]!.filter((f) => f.ruleId === 'copied-report' && /表2/.test(f.message.zh)), []);
});

test('units-sum: a report that aggregates its units, below their sum in the same year, is said with the sums (info); at or above it, nothing', () => {
  const parent = y2023.replace(/示例县市场监督管理局/g, '示例县人民政府').replace('一、总体情况\n', '一、总体情况\n本报告由示例县人民政府办公室汇总各有关单位数据编制。\n');
  const unitA = y2023;
  const unitB = y2023.replace(/示例县市场监督管理局/g, '示例县教育局');
  const [found] = across(parent, unitA, unitB);
  const sums = found!.filter((f) => f.ruleId === 'units-sum');
  assert.equal(sums.length, 1);
  assert.equal(sums[0]!.severity, 'info');
  assert.match(sums[0]!.message.zh, /小于同年度所属单位报告之和（示例县市场监督管理局、示例县教育局）：表2“一、本年新收”总计 15，2 个单位合计 30/);
  // One unit in the folder: the parent is not below it (other units may be missing): nothing.
  assert.deepEqual(across(parent, unitA)[0]!.filter((f) => f.ruleId === 'units-sum'), []);
  // A report that does not say it aggregates: nothing, whatever its neighbours.
  assert.deepEqual(across(y2023.replace(/示例县市场监督管理局/g, '示例县人民政府'), unitA, unitB)[0]!.filter((f) => f.ruleId === 'units-sum'), []);
});
