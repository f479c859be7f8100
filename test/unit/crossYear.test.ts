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

test('consecutive reports of one agency that follow on: no cross-year finding', () => {
  assert.deepEqual(across(y2022, y2023).flat(), []);
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
