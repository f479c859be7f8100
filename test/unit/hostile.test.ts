// Hostile text: the readers and rules are linear in what they are given. Each family of input is
// doubled four times (10 KB → 160 KB) and the time of parse + check may grow at most ×2.5 per
// doubling over the four (the fastest of five runs; small times are floored so that noise is no
// failure).
// Measured as a property of growth, not against a wall-clock limit (the benchmark owns speed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse } from '../../shared/src/index';
import { fixture } from '../helpers/util';

const base = fixture('real', 'weihui-2023.txt');
const SIZES = [10_000, 20_000, 40_000, 80_000, 160_000];
const FLOOR_MS = 8;

function growth(name: string, make: (size: number) => string, options: { html?: boolean } = {}): void {
  const time = (text: string) => {
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      check(parse(text, options));
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  time(make(SIZES[0]!));
  const times = SIZES.map((n) => time(make(n)));
  const shown = `${name}: ${SIZES.map((n, i) => `${n / 1000} KB ${times[i]!.toFixed(1)} ms`).join(' → ')}`;
  // ×2.5 per doubling on the whole (16 times the input, at most 2.5⁴ ≈ 39 times the time; a
  // quadratic reader takes 256 times); one step may be noisier (another process, the collector).
  const first = Math.max(times[0]!, FLOOR_MS);
  assert.ok(times[times.length - 1]! <= 2.5 ** (times.length - 1) * first, shown);
  for (let k = 1; k < times.length; k++) assert.ok(times[k]! <= 4 * Math.max(times[k - 1]!, FLOOR_MS), shown);
}

const inOverview = (filler: string) => (n: number) => base.replace('一、总体情况\n', `一、总体情况\n${filler.repeat(Math.ceil(n / filler.length)).slice(0, n)}\n`);

for (const [name, unit] of [
  ['a run of ASCII digits in the narrative', '1'],
  ['a run of full-width digits', '１'],
  ['a run of 一', '一'],
  ['a run of 十', '十'],
  ['month ranges without an end', '1至'],
  ['figures with units', '12件，'],
] as const) {
  test(`hostile text: ${name} is read in linear time`, () => growth(name, inOverview(unit)));
}

test('hostile text: unclosed suppression comments are read in linear time', () => growth('unclosed comments', inOverview('<!-- gov-report-disable ')));
test('hostile text: suppression comments each silencing a line are looked up in linear time', () => growth('many comments', inOverview('<!-- gov-report-disable-next-line row-total -->\n')));
test('hostile text: a report on one long line (web copy) is read in linear time', () => growth('one line', (n) => base.split('\n').join(' ').repeat(Math.ceil(n / base.length)).slice(0, n)));
test('hostile text: glued crawler text is read in linear time', () => growth('glued', (n) => ('一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000（一）予以公开270020130').repeat(Math.ceil(n / 60)).slice(0, n)));
test('hostile text: a table row of many cells is read in linear time', () => growth('long row', (n) => base.replace('一、总体情况\n', `一、总体情况\n${'0\t'.repeat(n / 2)}\n`)));
test('hostile text: HTML with an unclosed tag is read in linear time', () => growth('html', (n) => `<html><body><p>一、总体情况</p>${'<td '.repeat(n / 4)}`, { html: true }));
test('hostile text: HTML cells spanning many rows and columns are placed in linear time', () => growth('spans', (n) => `<html><body><p>一、总体情况</p><table><tr>${'<td colspan=64 rowspan=1000>1</td>'.repeat(Math.ceil(n / 68))}</tr>${'<tr><td>x</td></tr>'.repeat(Math.ceil(n / 40))}</table>`, { html: true }));
test('hostile text: a Markdown row of dashes and spaces (almost a delimiter row) is read in linear time', () => growth('delimiter', (n) => base.replace('一、总体情况\n', `一、总体情况\n|--${' '.repeat(n)}x|\n`)));
