// The narrative against the tables: every phrasing family fires where it should and near misses
// do not; the real narratives give no false finding; a changed figure, in the text or in the
// table, is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, parse } from '../../shared/src/index';
import { numberValue, quotedFigures } from '../../shared/src/narrative/figures';
import { fixture, REAL, replaceOnce, run } from '../helpers/util';

const clean = fixture('rules', 'clean-2023.txt');
const SENTENCE = '（二）依申请公开。全年新收政府信息公开申请15件，上年结转1件，均已依法答复。';
const NARRATIVE = ['text-table', 'text-percentage', 'review-outcome', 'section-content', 'processing-fee', 'fee-unpaid', 'year-mismatch'];
const said = (sentence: string, text = clean) => run(replaceOnce(text, SENTENCE, sentence)).findings.filter((f) => NARRATIVE.includes(f.ruleId));
const messages = (sentence: string, text = clean) => said(sentence, text).map((f) => `${f.ruleId}: ${f.message.zh}`);

test('numbers as written: Arabic, full-width, Chinese numerals', () => {
  assert.deepEqual(['15', '１５', '十五', '二十一', '一百零五', '两千', '零'].map(numberValue), [15, 15, 15, 21, 105, 2000, 0]);
  assert.equal(numberValue('二三'), undefined);
  assert.deepEqual(messages('（二）依申请公开。全年新收政府信息公开申请十五件，上年结转一件。'), []);
  assert.deepEqual(messages('（二）依申请公开。全年新收政府信息公开申请１５件。'), []);
  assert.deepEqual(messages('（二）依申请公开。全年新收政府信息公开申请十四件。'), ['text-table: 正文说“新收政府信息公开申请十四件”，但表2“一、本年新收”总计为 15']);
});

test('each kind of figure is compared with its cells, and a wrong one is said with a fix offered (never applied by fix-all)', () => {
  const cases: Array<[string, string]> = [
    ['共受理政府信息公开申请14件', '表2“一、本年新收”总计为 15'],
    ['上年结转2件', '表2“二、上年结转”总计为 1'],
    ['办结申请12件', '表2“（七）总计”为 13'],
    ['其中予以公开7件', '表2“（一）予以公开”总计为 6'],
    ['部分公开3件', '表2“（二）部分公开”总计为 2'],
    ['予以公开及部分公开9件', '表2“（一）予以公开”与“（二）部分公开”之和为 8'],
    ['不予公开4件', '表2“（三）不予公开”各项之和为 1'],
    ['无法提供4件', '表2“（四）无法提供”各项之和为 3'],
    ['结转下年度继续办理5件', '表2“四、结转下年度继续办理”总计为 3'],
    ['被申请行政复议2件', '表3“行政复议”总计为 1'],
    ['被提起行政诉讼1件', '表3“行政诉讼”两组总计之和为 0'],
    ['全年制发行政规范性文件3件', '表1“行政规范性文件”本年制发件数为 2'],
    ['现行有效的规范性文件共8件', '表1“行政规范性文件”现行有效件数为 9'],
    ['作出行政许可决定1300件', '表1“行政许可”本年处理决定数量为 1368'],
    ['行政处罚决定50件', '表1“行政处罚”本年处理决定数量为 57'],
    ['采取行政强制措施2件', '表1“行政强制”本年处理决定数量为 3'],
  ];
  for (const [phrase, expected] of cases) {
    const f = said(`（二）依申请公开。${phrase}。`);
    assert.equal(f.length, 1, `${phrase}: ${JSON.stringify(f.map((x) => x.message.zh))}`);
    assert.ok(f[0]!.message.zh.endsWith(expected), `${phrase}: ${f[0]!.message.zh}`);
    assert.equal(f[0]!.fix?.safe, false);
    const text = replaceOnce(clean, SENTENCE, `（二）依申请公开。${phrase}。`);
    assert.ok(applyEdits(text, [f[0]!.fix!.edit]).includes(expected.split(' ').pop()!), 'the fix writes the table\'s value into the text');
  }
});

test('another reading is named instead of calling the figure wrong: a column, new plus carried over', () => {
  // 新收 12 is the 自然人 column of 一 (12 | 2 | 0 | 0 | 1 | 0 | 15).
  assert.deepEqual(messages('（二）依申请公开。全年新收政府信息公开申请12件。'), ['text-table: 正文说“新收政府信息公开申请12件”，表2“一、本年新收”总计为 15；12 是表2“一、本年新收”总计中的“自然人”列的数']);
  assert.deepEqual(messages('（二）依申请公开。全年新收政府信息公开申请16件。'), ['text-table: 正文说“新收政府信息公开申请16件”，表2“一、本年新收”总计为 15；16 是新收 15 + 上年结转 1的数']);
  // 收到 and 受理 may count what was carried over too (docs/format.md §6 I7).
  assert.deepEqual(messages('（二）依申请公开。全年共收到政府信息公开申请16件。'), []);
  assert.deepEqual(messages('（二）依申请公开。全年受理政府信息公开申请16件。'), []);
});

test('near misses: another year, a period, a comparison, a percentage, an amount, the tables themselves', () => {
  for (const s of [
    '（二）依申请公开。上年新收政府信息公开申请20件，本年有所下降。',
    '（二）依申请公开。2022年收到政府信息公开申请20件。',
    '（二）依申请公开。1至3月收到政府信息公开申请5件。',
    '（二）依申请公开。同比新收申请减少5件。',
    '（二）依申请公开。截至目前累计受理申请120件。',
    '（二）依申请公开。新收申请办结率100%。',
    '（二）依申请公开。收到申请人来信4封。',
    '（二）依申请公开。共办理建议提案9件，办结率100%。',
    '（二）依申请公开。公布行政许可事项清单120项。',
    SENTENCE,
  ]) assert.deepEqual(messages(s), [], s);
});

test('percentages: of new, new + carried over or (7), at the written precision', () => {
  assert.deepEqual(messages('（二）依申请公开。全年新收政府信息公开申请15件，其中予以公开6件，占40%。'), []);
  assert.deepEqual(messages('（二）依申请公开。全年新收政府信息公开申请15件，其中予以公开6件，占比40.0%。'), []);
  assert.deepEqual(messages('（二）依申请公开。其中予以公开6件，占办结总数的46.2%。'), [], '6 ÷ 13 = 46.2 %');
  assert.deepEqual(messages('（二）依申请公开。其中予以公开6件，占37.5%。'), [], '6 ÷ 16 = 37.5 %');
  const wrong = messages('（二）依申请公开。其中予以公开6件，占42%。');
  assert.equal(wrong.length, 1);
  assert.match(wrong[0]!, /^text-percentage: 正文说“占42%”，但按 6 计算：6 ÷ 新收 15 = 40%；6 ÷ 新收 \+ 上年结转 16 = 38%；6 ÷ （七）总计 13 = 46%$/);
  // A percentage of something else (a rate of proposals) is not read.
  assert.deepEqual(messages('（二）依申请公开。共承办建议提案9件，满意率为97%。'), []);
});

test('outcome words against 表3: "均获维持" with a corrected case, "未被纠错"; not when the table agrees', () => {
  const corrected = replaceOnce(clean, '\n1\t0\t0\t0\t1\t0', '\n0\t1\t0\t0\t1\t0');
  const withSentence = (text: string, s: string) => run(replaceOnce(text, '\n五、存在的主要问题', `${s}\n\n五、存在的主要问题`)).findings.filter((f) => f.ruleId === 'review-outcome').map((f) => f.message.zh);
  assert.deepEqual(withSentence(corrected, '本年度被申请行政复议1件，均获维持。'), ['正文说“均获维持”，但表3“行政复议”的“结果纠正”为 1']);
  assert.deepEqual(withSentence(corrected, '行政复议案件均未被纠错。'), ['正文说“均未被纠错”，但表3“行政复议”的“结果纠正”为 1']);
  assert.deepEqual(withSentence(clean, '本年度被申请行政复议1件，均获维持。'), [], 'the table agrees');
  assert.deepEqual(withSentence(corrected, '上年度行政复议案件均获维持。'), [], 'last year');
  assert.deepEqual(withSentence(corrected, '行政诉讼案件均获维持。'), [], 'the litigation groups have no case corrected');
  const f = run(replaceOnce(corrected, '\n五、存在的主要问题', '本年度被申请行政复议1件，均获维持。\n\n五、存在的主要问题')).findings.find((x) => x.ruleId === 'review-outcome')!;
  assert.equal(f.severity, 'error', 'an exact contradiction of 表3 is an error');
});

test('sections 五 and 六, and the year of the statistical period', () => {
  const five = (body: string) => run(replaceOnce(clean, '一是部分信息公开不够及时；二是政策解读形式较为单一。下一步将健全发布机制，丰富解读形式。', body)).findings.filter((f) => f.ruleId === 'section-content').length;
  assert.deepEqual(['无。', '暂无', '', '无'].map(five), [1, 1, 1, 1]);
  assert.deepEqual(['无重大问题，但公开的及时性仍需提高。', '一是解读不够。'].map(five), [0, 0]);
  const six = (body: string) => run(replaceOnce(clean, '本年度未收取信息处理费。', body)).findings.filter((f) => f.ruleId === 'processing-fee').length;
  assert.equal(six('无。'), 1);
  assert.equal(six('本单位本年度行政事业性收费 12.35 万元。'), 1, '表1 行政事业性收费 is not 信息处理费');
  assert.equal(six('2023年，本单位收取信息处理费 0 元。'), 0);
  assert.equal(six('本年度没有收费。'), 0);
  // 表2 （六）2 逾期未缴费 > 0: fee notices were issued; "未收取" in section 六 is questioned, an amount is not.
  const unpaid = replaceOnce(replaceOnce(clean, '（一）予以公开\t5\t1\t0\t0\t0\t0\t6', '（一）予以公开\t4\t1\t0\t0\t0\t0\t5'), /(2\.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请)\t0\t0\t0\t0\t0\t0\t0/, '$1\t1\t0\t0\t0\t0\t0\t1');
  const fee = (text: string, body: string) => run(replaceOnce(text, '本年度未收取信息处理费。', body)).findings.filter((f) => f.ruleId === 'fee-unpaid').map((f) => f.message.zh);
  assert.deepEqual(fee(unpaid, '本年度未收取信息处理费。'), ['正文说“未收取信息处理费”，但表2“（六）2.申请人逾期未按收费通知要求缴纳费用”总计为 1：本年发出过收费通知，请核对']);
  assert.equal(fee(unpaid, '全年收取信息处理费0元。').length, 1);
  assert.deepEqual(fee(unpaid, '本年度发出信息处理费收费通知1份，申请人未缴纳，实际收取信息处理费200元。'), [], 'an amount is not a contradiction');
  assert.deepEqual(fee(clean, '本年度未收取信息处理费。'), [], 'no unpaid fee in 表2');
  assert.deepEqual(fee(unpaid, '本单位本年度未收取行政事业性收费以外的费用说明见表1。'.replace('未收取行政事业性收费以外的费用说明见表1', '行政事业性收费12万元')), [], '表1 行政事业性收费 is not 信息处理费');
  const year = run(replaceOnce(clean, '至2023年12月31日止', '至2022年12月31日止')).findings.filter((f) => f.ruleId === 'year-mismatch');
  assert.deepEqual(year.map((f) => f.message.zh), ['统计期限写的是 2022 年，报告年度为 2023 年']);
});

test('real narratives: the examples and the corpus give only the reviewed findings', () => {
  const narrative = (text: string, html = false) => check(parse(text, { html })).filter((f) => NARRATIVE.includes(f.ruleId)).map((f) => `${f.ruleId}: ${f.message.zh}`);
  for (const name of REAL) assert.deepEqual(narrative(fixture('real', name)), [], name);
  assert.deepEqual(narrative(fixture('corpus', 'shuyang-2025.md')), [], 'shuyang-2025: 受理 749 = 713 + 36, 结转 31 agree');
  assert.deepEqual(narrative(fixture('corpus', 'shuyang-fgj-2023.html'), true), [], 'shuyang-fgj: 收到 26 agrees');
  // hongze: "受理政府信息公开申请 17 件" while 新收 is 95 (the corpus README's reviewed reading).
  assert.deepEqual(narrative(fixture('corpus', 'hongze-2024.txt')), ['text-table: 正文说“受理政府信息公开申请17件”，但表2“一、本年新收”总计为 95']);
  assert.deepEqual(narrative(fixture('..', '..', 'examples', 'sample-2023.txt')), ['text-table: 正文说“新收政府信息公开申请14件”，但表2“一、本年新收”总计为 15']);
});

test('mutation: every figure a real narrative quotes in agreement with the table is caught when changed, in the text or in the table', () => {
  let text = 0;
  let table = 0;
  for (const [doc, html] of [...REAL.map((n) => [fixture('real', n), false] as const), [fixture('corpus', 'shuyang-2025.md'), false] as const, [fixture('corpus', 'shuyang-fgj-2023.html'), true] as const, [clean, false] as const]) {
    const model = parse(doc, { html });
    for (const f of quotedFigures(model)) {
      const readings = f.kind.readings(model);
      if (!readings || !readings.slice(0, f.kind.accepted ?? 1).some((r) => r.value === f.value)) continue;
      const changed = applyEdits(doc, [{ range: f.range, newText: String(f.value + 7) }]);
      const caught = check(parse(changed, { html })).filter((x) => x.ruleId === 'text-table' && x.range.start === f.range.start);
      assert.equal(caught.length, 1, `${f.kind.id} ${f.value} → ${f.value + 7}`);
      text++;
      // The table side, for figures compared with one cell: change that cell.
      const rowId = ({ new: 'new', carried: 'carried', closed: 'total', granted: 'granted', partial: 'partial', carryOver: 'carryOver' } as Record<string, string>)[f.kind.id];
      if (!rowId || f.kind.accepted) continue;
      const cell = model.tables.table2?.rows.find((r) => r.rowId === rowId)?.cells.find((c) => c.columnId === 'total');
      if (!cell || cell.value.kind !== 'number' || cell.range.start === cell.range.end) continue;
      const tableChanged = applyEdits(doc, [{ range: cell.range, newText: String(cell.value.value + 7) }]);
      assert.ok(check(parse(tableChanged, { html })).some((x) => x.ruleId === 'text-table' && x.range.start === f.range.start), `table ${rowId} changed`);
      table++;
    }
  }
  // The examples quote few figures (beiguan's 0s, shuyang's 749 and 31, shuyang-fgj's 26, the clean sample's 15 and 1).
  assert.ok(text >= 4 && table >= 3, `${text} text mutations, ${table} table mutations`);
});
