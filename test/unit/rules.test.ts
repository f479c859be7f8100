// Every rule has a fixture that triggers it (a targeted change of a clean report, asserted at the
// line it must point to) and one that does not (the clean report, plus near misses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalog, check, message, parse, reportFormat, reportSkeleton, rules, type MessageId, type SeveritySetting } from '../../shared/src/index';
import { fixture, lineOf, replaceOnce, run } from '../helpers/util';
import { realisticFigures, render } from '../helpers/render';
import { alone, cases, clean, lineWith, setCells, section } from '../helpers/ruleCases';

test('the clean report has no finding at all', () => {
  const { findings } = run(clean);
  assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
});

test('every registered rule has a triggering case (cross-year rules: crossYear.test.ts)', () => {
  const covered = new Set(cases.map((c) => c.rule));
  assert.deepEqual(rules.filter((r) => !r.checkPair && !r.checkGroup).map((r) => r.id).filter((id) => !covered.has(id)), []);
});

for (const c of cases) {
  test(`${c.rule}${c.severity ? ' (alone)' : ''}: triggered by its fixture, at the right line`, () => {
    const model = parse(c.text, { html: c.html === true });
    const findings = check(model, { ...(c.severity ? { severity: c.severity } : {}), ...(c.requireReason ? { requireReason: true } : {}) });
    const mine = findings.filter((f) => f.ruleId === c.rule);
    assert.ok(mine.length > 0, `expected a ${c.rule} finding; got ${findings.map((f) => f.ruleId).join(', ') || 'none'}`);
    const expectedLine = c.text.slice(0, c.last ? c.text.lastIndexOf(c.at) : c.text.indexOf(c.at)).split('\n').length;
    assert.ok(c.text.includes(c.at), `marker ${c.at} not in text`);
    assert.ok(mine.some((f) => lineOf(model, f.range.start) === expectedLine), `${c.rule} at lines ${mine.map((f) => lineOf(model, f.range.start)).join(',')}, expected ${expectedLine}`);
    for (const f of mine) {
      assert.ok(f.message.zh.length > 0 && f.message.en.length > 0);
      assert.ok(!/\{\w+\}/.test(f.message.zh + f.message.en), `unfilled placeholder in ${f.message.zh} / ${f.message.en}`);
    }
  });
  test(`${c.rule}: not triggered by the clean report`, () => {
    assert.equal(run(clean).findings.filter((f) => f.ruleId === c.rule).length, 0);
  });
}

test('text-table accepts 收到 counting 新收 + 上年结转 (docs/format.md §6 I7)', () => {
  const text = replaceOnce(clean, '全年新收政府信息公开申请15件', '全年收到政府信息公开申请16件');
  assert.equal(run(text).findings.filter((f) => f.ruleId === 'text-table').length, 0);
});

test('text-table: "未收到申请" against a table with applications', () => {
  const text = replaceOnce(clean, '全年新收政府信息公开申请15件', '全年未收到政府信息公开申请');
  assert.equal(run(text).findings.filter((f) => f.ruleId === 'text-table').length, 1);
});

test('outcome-total: I1 holding does not hide an I2 mismatch (docs/format.md §6 real failure)', () => {
  // Result rows sum to 12 (自然人) while （七） says 11; 一 + 二 = （七） + 四 still holds.
  const text = setCells('（一）予以公开', ['6', '1', '0', '0', '0', '0', '7']);
  const alone = check(parse(text), { severity: { 'wrong-cell': 'off' } });
  assert.ok(alone.some((f) => f.ruleId === 'outcome-total' && f.expected === 12 && f.actual === 11));
  assert.ok(!alone.some((f) => f.ruleId === 'balance'));
  // The locator sees that any result row's 自然人 and 总计, each one too high, would explain it:
  // it names the candidates, the real one among them, and fixes nothing by itself.
  const { findings } = run(text);
  const located = findings.filter((f) => f.ruleId === 'wrong-cell');
  assert.equal(located.length, 1);
  assert.match(located[0]!.message.zh, /种同样小的改法/);
  assert.equal(located[0]!.fix, undefined);
  assert.ok(located[0]!.alternatives!.some((a) => a.title.zh.includes('（一）予以公开') && a.edit.newText === '5'));
  assert.ok(!findings.some((f) => f.ruleId === 'outcome-total'));
});

test('a blank is not 0: a blank total is reported and filled, never read as 0', () => {
  const text = setCells('（一）予以公开', ['5', '1', '0', '0', '0', '0', '']);
  const f = run(text).findings.find((x) => x.ruleId === 'row-total');
  assert.ok(f);
  assert.equal(f.actual, null);
  assert.equal(f.fix?.edit.newText, '6');
});

test('flattened row with several possible splits is reported, not guessed', () => {
  const text = replaceOnce(clean, lineWith('（四）无法提供'), '（四）无法提供 1.本机关不掌握相关政府信息 171000018');
  const { model, findings } = run(text);
  const f = findings.find((x) => x.ruleId === 'flattened-row');
  assert.ok(f && !f.fix && /无法唯一拆分/.test(f.message.zh));
  const row = model.tables.table2?.rows.find((r) => r.rowId === 'unable.notHeld');
  assert.ok(row?.cells.every((c) => c.value.kind === 'invalid'));
});

test('severity overrides and off switches', async () => {
  const { check, parse } = await import('../../shared/src/index');
  const text = replaceOnce(clean, '二、主动公开政府信息情况', '2、主动公开政府信息情况');
  const model = parse(text);
  assert.equal(check(model, { severity: { 'section-numbering': 'off' } }).length, 0);
  assert.equal(check(model, { severity: { 'section-numbering': 'error' } })[0]?.severity, 'error');
});

test('section-title: the wordings docs/format.md accepts, and a trailing 。, raise nothing', () => {
  for (const [from, to] of [
    ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
    ['五、存在的主要问题及改进情况', '五、存在的主要问题及整改措施'],
    ['二、主动公开政府信息情况', '二、主动公开政府信息情况。'],
    ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开申请行政复议、提起行政诉讼的情况'],
  ] as const) {
    const { model, findings } = run(replaceOnce(clean, from, to));
    assert.deepEqual(model.sections.map((x) => x.number), [1, 2, 3, 4, 5, 6], to);
    assert.deepEqual(findings.map((f) => f.ruleId), [], to);
  }
});

test('column-missing is raised only when the rows lack the column too: a header it cannot read is said once', () => {
  // The header loses a word but every row keeps its seven values: the column is there.
  const { findings } = run(replaceOnce(clean, '\t法律服务机构', '\t'));
  assert.ok(!findings.some((f) => f.ruleId === 'column-missing'));
  assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message.zh}`), ['unknown-header: 表2表头没有“法律服务机构”列名，但各行数值齐全，已按格式规定的列顺序读取']);
});

test('each rule declares the formats it applies to: no 2021-only finding on a 2019-format report, and the reverse', () => {
  const files: Array<[string, string, boolean]> = [
    ['yichuan-2020.txt (2019)', fixture('real', 'yichuan-2020.txt'), false],
    ['shanghai-2019.html (2019)', fixture('corpus', 'shanghai-2019.html'), true],
    ['pingtan-2019-web.txt (2019)', fixture('corpus', 'pingtan-2019-web.txt'), false],
    ['weihui-2023.txt (2021)', fixture('real', 'weihui-2023.txt'), false],
    ['huaian layout text (2021)', fixture('derived', 'huaian-2024.layout.txt'), false],
  ];
  for (const [name, text, html] of files) {
    const model = parse(text, { html });
    const format = reportFormat(model);
    assert.ok(format, name);
    for (const f of check(model)) {
      const rule = rules.find((r) => r.id === f.ruleId)!;
      assert.ok(!rule.formats || rule.formats.includes(format!), `${name}: ${f.ruleId} is for ${rule.formats?.join(', ')}`);
    }
  }
  // processing-fee: a 2021 report that does not say whether it charged 信息处理费, and the same
  // words in a 2019 report (whose format asked nothing of the kind).
  const silent2021 = fixture('real', 'weihui-2023.txt').replace(/处理费/g, '某某费');
  assert.ok(check(parse(silent2021)).some((f) => f.ruleId === 'processing-fee'));
  const silent2019 = fixture('real', 'yichuan-2020.txt').replace(/处理费/g, '某某费');
  assert.ok(!check(parse(silent2019)).some((f) => f.ruleId === 'processing-fee'));
  // A report whose tables say nothing of its format: its year does (reports for 2019–2020).
  assert.equal(reportFormat({ ...parse('x'), formatVersion: null, year: 2020 }), '2019');
  assert.equal(reportFormat({ ...parse('x'), formatVersion: null, year: 2023 }), '2021');
});

test('publication-date: the 落款 in every form agencies write it; on time, no date, or a date in the text above are nothing', () => {
  const dated = (d: string) => check(parse(`${clean.trimEnd()}\n\n示例县人民政府办公室\n${d}\n`)).filter((f) => f.ruleId === 'publication-date');
  // clean-2023.txt reports on 2023: the deadline is 2024-01-31.
  for (const late of ['2024年3月5日', '2024-02-01', '2024.2.1', '二〇二四年二月一日', '2025年1月10日']) assert.equal(dated(late).length, 1, late);
  for (const onTime of ['2024年1月31日', '2024-01-20', '二〇二四年一月二十日', '2023年12月30日']) assert.equal(dated(onTime).length, 0, onTime);
  assert.match(dated('2024年3月5日')[0]!.message.zh, /^报告落款日期为 2024年3月5日，晚于 2024年1月31日/);
  assert.equal(check(parse(clean)).filter((f) => f.ruleId === 'publication-date').length, 0, 'no 落款, nothing said');
  // A date in the narrative (a meeting on 2024年5月) is no 落款.
  const early = clean.replace('一是部分信息公开不够及时', '2024年5月6日召开会议。一是部分信息公开不够及时');
  assert.equal(check(parse(early)).filter((f) => f.ruleId === 'publication-date').length, 0);
});

test('English counts agree with their words ("1 warning exceeds", "2 warnings exceed"), the Chinese unchanged', () => {
  assert.equal(message('cli.tooManyWarnings', { count: 1, max: 0 }).en, '1 warning exceeds --max-warnings 0');
  assert.equal(message('cli.tooManyWarnings', { count: 2, max: 0 }).en, '2 warnings exceed --max-warnings 0');
  assert.equal(message('cli.tooManyWarnings', { count: 1, max: 0 }).zh, '警告数 1 超过 --max-warnings 0');
  const one = message('msg.rowPlaced', { table: '表2', tableEn: 'Table 2', count: 1, rows: '“a”', rowsEn: '"a"' }).en;
  assert.match(one, /1 row of figures has no label .* and was read /);
  assert.match(message('msg.rowPlaced', { table: '表2', tableEn: 'Table 2', count: 2, rows: '', rowsEn: '' }).en, /2 rows of figures have no label .* and were read /);
  assert.match(message('msg.flattened.gluedUnread', { table: '表2', tableEn: 'Table 2', count: 1, rows: '', rowsEn: '', why: '', whyEn: '' }).en, /1 row whose .*; it was not read or checked$/);
  assert.match(message('msg.lostLineBreaks.glued', { count: 1 }).en, /1 glued row had exactly one split satisfying the identities and was read so/);
  assert.match(message('msg.shortRow.apart', { table: '表2', tableEn: 'Table 2', count: 1 }).en, /^Table 2: 1 figure stands in no row/);
  assert.match(message('msg.blank.asZero', { table: '表2', tableEn: 'Table 2', count: 1, columns: '其他' }).en, /^Table 2 has 1 blank cell \(/);
  assert.equal(message('msg.blank.rows.all', { rows: '"a"', count: 1 }).en, 'in row "a"');
  for (const id of Object.keys(catalog) as MessageId[]) assert.ok(!/\{\w+\|/.test(catalog[id].zh), `${id}: the Chinese needs no agreement`);
});


test('messages fill each placeholder once: the English param in English, a missing one left as written, a value never read again', () => {
  const m = message('msg.blank.asZero', { table: '表2', tableEn: 'Table 2', count: 2, columns: '{count}' });
  assert.equal(m.zh, '表2有 2 个空白单元格（{count}列），按 0 参与勾稽校验；空白不等于 0，没有发生的事项请填 0');
  assert.match(m.en, /^Table 2 has 2 blank cells \(columns \{count\}\)/);
  // A param not given: its placeholder stays, in both languages.
  assert.match(message('msg.blank.asZero', { table: '表2', tableEn: 'Table 2', columns: '其他' }).en, /has \{count\} blank \{count\|cell\|cells\}/);
  // A message with no placeholder comes back as written.
  assert.equal(message('hover.basis').en, '**Basis**');
});
test('wrong-cell: one failing relation (a 表3 group) does not "fail" in English', () => {
  const text = replaceOnce(clean, '1\t0\t0\t0\t1\t0', '1\t0\t0\t0\t2\t0');
  const f = run(text).findings.find((x) => x.ruleId === 'wrong-cell')!;
  assert.match(f.message.zh, /^表3“行政复议”的总计不成立；有 \d+ 种同样小的改法/);
  assert.match(f.message.en, /^Not satisfied: the total of "Administrative reconsideration" in table 3; \d+ equally small changes would each fix this/);
  assert.doesNotMatch(f.message.en, /\bfail\b/);
});

test('unfilled-text: each placeholder once, where it stands (half-width too); one in a table cell is the cell rules\' to say', () => {
  const text = replaceOnce(replaceOnce(clean, '本年度未收取信息处理费。', '(请在此填写)'), '一是部分信息公开不够及时；二是政策解读形式较为单一。下一步将健全发布机制，丰富解读形式。', '（请在此填写）');
  const { model, findings } = run(text);
  const mine = findings.filter((f) => f.ruleId === 'unfilled-text');
  assert.deepEqual(mine.map((f) => text.slice(f.range.start, f.range.end)), ['（请在此填写）', '(请在此填写)']);
  assert.deepEqual(mine.map((f) => f.severity), ['info', 'info']);
  assert.deepEqual(mine.map((f) => f.message.zh.slice(0, 4)), ['第五部分', '第六部分']);
  assert.equal(lineOf(model, mine[1]!.range.start), text.slice(0, text.indexOf('(请在此填写)')).split('\n').length);
  const inCell = run(setCells('2.重复申请', ['0', '（请在此填写）', '0', '0', '0', '0', '0'])).findings;
  assert.equal(inCell.filter((f) => f.ruleId === 'unfilled-text').length, 0);
  assert.ok(inCell.some((f) => f.ruleId !== 'unfilled-text' && f.message.zh.includes('2.重复申请')));
});

test('row-missing in 表1: a row of an article-20 item gets a quick fix inserting it in the item\'s layout, cells empty, where the format puts it', () => {
  const of = (text: string, html = false) => check(parse(text, { html })).filter((f) => f.ruleId === 'row-missing');
  const insert = (text: string, f: { fix?: { edit: { range: { start: number; end: number }; newText: string }; extraEdits?: Array<{ range: { start: number; end: number }; newText: string }> } }) => {
    const edits = [f.fix!.edit, ...(f.fix!.extraEdits ?? [])];
    return edits.sort((a, b) => b.range.start - a.range.start).reduce((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
  };
  // Tab rows: 规章 (the item's first row) goes back before 行政规范性文件, its three cells empty.
  const noRules = replaceOnce(clean, lineWith('规章\t') + '\n', '');
  const [rules, ...rest] = of(noRules);
  assert.equal(rest.length, 0);
  assert.equal(rules!.message.zh, '表1 第二十条第（一）项缺少“规章”行');
  assert.equal(rules!.fix?.title.zh, '插入“规章”行（数值留空）');
  assert.equal(rules!.fix?.safe, false, 'inserting a row is the writer\'s choice, never fix-all\'s');
  const fixed = insert(noRules, rules!);
  assert.equal(fixed, replaceOnce(clean, lineWith('规章\t'), '规章\t\t\t'), 'the row back in its place, its cells empty');
  assert.deepEqual(of(fixed), []);
  const row = parse(fixed).tables.table1!.items.find((i) => i.item === 1)!.rows.find((r) => r.rowId === 'item1.rules')!;
  assert.deepEqual(row.cells.map((c) => [c.columnId, c.value.kind]), [['issued', 'blank'], ['repealed', 'blank'], ['inForce', 'blank']]);
  // The item's last row goes after the rows it has; the only row of an item (行政许可) after its header row.
  for (const label of ['行政规范性文件', '行政许可', '行政强制']) {
    const text = replaceOnce(clean, lineWith(`${label}\t`) + '\n', '');
    const [f] = of(text);
    assert.ok(f?.fix, label);
    const back = insert(text, f!);
    assert.deepEqual(of(back), [], label);
    assert.equal(back, clean.replace(new RegExp(`${label}\\t[^\\n]*`), (l) => l.replace(/\t[^\t]*/g, (c) => (/\d/.test(c) ? '\t' : c))), `${label}: in its place, its cells empty`);
  }
  // Markdown pipes, in the new-report template (zero and empty cells alike).
  for (const cells of ['zero', 'empty'] as const) {
    const md = reportSkeleton({ agency: '示例县', year: 2025, layout: 'markdown', cells });
    const mdText = md.split('\n').filter((l) => !l.startsWith('| 行政许可 |')).join('\n');
    const [f] = of(mdText);
    assert.equal(f?.message.zh, '表1 第二十条第（五）项缺少“行政许可”行', cells);
    const back = insert(mdText, f!);
    assert.ok(back.includes('| 信息内容 | 本年处理决定数量 |  |  |\n| 行政许可 |  |  |  |\n| 第二十条第（六）项'), back.slice(back.indexOf('第二十条第（五）项'), back.indexOf('第二十条第（六）项')));
    assert.deepEqual(of(back), [], cells);
  }
  // HTML: the finding without a fix (rows are not written into markup).
  const html = render(realisticFigures(), 'html').replace(/\s*<tr><td>规章<\/td>(?:(?!<\/tr>)[\s\S])*<\/tr>/, '');
  const [h] = of(html, true);
  assert.equal(h?.message.zh, '表1 第二十条第（一）项缺少“规章”行');
  assert.equal(h?.fix, undefined);
});
