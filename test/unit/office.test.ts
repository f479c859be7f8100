// Reports written in Word with real merged cells and printed to PDF by an office suite
// (LibreOffice, scripts/office-fixtures.mts; the files are committed), in the table styles
// agencies use: merged group labels and header cells; equal narrow columns whose labels wrap to
// five lines; large type whose rows break across pages; no rules at all (read in stream mode). Each PDF reads exactly as its .docx: all
// 175 cells of 表2 in their columns, no finding; a figure changed in the PDF is caught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocx } from '../../shared/src/index';
import { rebuildPdf, type PdfPage } from '../../shared/src/readers/pdf';
import { readPdfPages } from '../../server/src/pdf';
import { PRINTED_STYLES } from '../helpers/docx';
import { ARITHMETIC, dataRows, root, run } from '../helpers/util';

const file = (name: string) => new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'office', name)));

async function pages(style: string): Promise<PdfPage[]> {
  const r = await readPdfPages(file(`${style}.pdf`));
  assert.ok(r.ok);
  return r.pages;
}

const markdown = (p: PdfPage[]) => {
  const r = rebuildPdf(p);
  assert.ok(r.ok);
  return r.report.markdown;
};

for (const style of PRINTED_STYLES) {
  test(`office-printed PDF (${style}): the same reading as its .docx, 175 cells of 表2, no finding`, async () => {
    const docx = readDocx(file(`${style}.docx`));
    assert.ok(docx.ok);
    const reference = run(docx.report.markdown);
    const { model, findings } = run(markdown(await pages(style)));
    assert.deepEqual(dataRows(model), dataRows(reference.model));
    assert.equal(model.tables.table2!.rows.flatMap((r) => r.cells).filter((c) => c.value.kind === 'number').length, 175);
    assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
    assert.deepEqual(reference.findings.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
  });
}

test('a Word file saved as text (LibreOffice: one cell per line, no tab, an empty line for an empty cell): the same reading as its .docx, no finding', () => {
  const docx = readDocx(file('merged.docx'));
  assert.ok(docx.ok);
  const reference = run(docx.report.markdown);
  const text = new TextDecoder().decode(file('merged.saved-as-text.txt'));
  // As LibreOffice writes it: no tab, each figure on a line of its own.
  assert.ok(!text.includes('\t') && /\n一、本年新收政府信息公开申请数量\r?\n3001\r?\n53\r?\n/.test(text));
  const { model, findings } = run(text);
  assert.deepEqual(dataRows(model), dataRows(reference.model));
  assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message.zh}`), []);
  // A changed figure is caught in its column.
  const changed = run(text.replace('\n3001\n', '\n3002\n'));
  assert.ok(changed.findings.some((f) => f.ruleId === 'wrong-cell' && f.message.zh.includes('自然人')), changed.findings.map((f) => f.message.zh).join('\n'));
});

test('office-printed PDFs as pdftotext -layout writes them (narrow label cells wrapped under their first line, beside the group label): the same figures as the .docx, no error', () => {
  const docx = readDocx(file('merged.docx'));
  assert.ok(docx.ok);
  const reference = dataRows(run(docx.report.markdown).model);
  for (const style of PRINTED_STYLES) {
    const text = new TextDecoder().decode(file(`${style}.layout.txt`));
    const { model, findings } = run(text);
    assert.deepEqual(dataRows(model), reference, style);
    // (Narrow columns break the corner note itself into pieces that are no header word: said once.)
    const allowed = style === 'breaking' ? ['unknown-header'] : [];
    assert.deepEqual(findings.filter((f) => !allowed.includes(f.ruleId)).map((f) => `${f.ruleId}: ${f.message.zh}`), [], style);
  }
});

test('an office PDF as plain pdftotext writes it (no -layout: each column\'s cells in turn, figures before their labels): the rows are said unreadable once per table, with no error and no missing row or column claimed', () => {
  const text = new TextDecoder().decode(file('merged.plain.txt'));
  const { findings } = run(text);
  assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message.zh}`), []);
  assert.deepEqual(findings.filter((f) => f.ruleId === 'row-missing' || f.ruleId === 'column-missing'), []);
  const said = findings.filter((f) => f.ruleId === 'short-row');
  assert.ok(said.length >= 1 && said.length <= 3, said.map((f) => f.message.zh).join('\n'));
  assert.ok(said.some((f) => f.message.zh.startsWith('表2有') && f.message.zh.includes('失去表格的顺序')));
});

test('office-printed PDFs: the styles are what they say (labels wrapped to several lines; a row broken across pages)', async () => {
  const narrow = await pages('narrow');
  // "5.属于三类内部事务信息" printed in pieces on lines of its own.
  assert.ok(narrow.some((p) => p.items.some((i) => i.str.trim() === '三类内') && p.items.some((i) => i.str.trim() === '部事务')));
  const breaking = await pages('breaking');
  assert.ok(breaking.length >= 4);
  // A label begun at the foot of one page ends at the top of the next, its figures before the break.
  const tops = breaking.slice(1).map((p) => [...p.items].sort((a, b) => b.y - a.y).find((i) => /^[\u4e00-\u9fff]/.test(i.str.trim()) && !/^第/.test(i.str))?.str ?? '');
  assert.ok(tops.some((s) => !/^(?:\d+[.、]|[（(一二三四五六])/.test(s.trim())), tops.join(' / '));
  // No rule on any page (read in stream mode); its labels flow down from the top of their cells,
  // and a label goes on over the page break ("5.属于" / "三类内").
  const borderless = await pages('borderless');
  assert.deepEqual(borderless.map((p) => p.rules.length), borderless.map(() => 0));
  assert.ok(borderless.some((p) => p.items.some((i) => i.str.trim() === '三类内')));
});

test('office-printed PDF without rules: wrapped labels and group labels rebuilt as the merged cells read', async () => {
  const md = markdown(await pages('borderless'));
  assert.match(md, /\| 三、本年度办理结果 \| （一）予以公开 \|/);
  assert.match(md, /\| {2}\| （二）部分公开（区分处理的，只计这一情形，不计其他情形） \|/);
  assert.match(md, /\| （三）不予公开 \| 1\.属于国家秘密 \|/);
  // Across the page break, and with "用、" carried down to the next line.
  assert.match(md, /\| 5\.属于三类内部事务信息 \|/);
  assert.match(md, /\| 2\.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 \|/);
  // 表1's items one under the other: each its own table, none glued to the row above.
  assert.doesNotMatch(md, /行政规范性文件第二十条/);
});

test('office-printed PDFs: each header word of 表2 and 表3 stands in the column of its figures, as in the .docx (with rules or without)', async () => {
  const cellsOf = (line: string) => line.slice(2, -2).split(' | ').map((c) => c.trim());
  /** For each column of the figure row at `at`, the lowest header word above it (the table's rows up to the separator's). */
  const lowestWords = (lines: string[], at: number) => {
    let top = at;
    while (top > 0 && lines[top - 1]!.startsWith('|')) top--;
    const header = lines.slice(top, at).filter((l) => !/^\|( --- \|)+$/.test(l) && !/\| \d+ \|/.test(l)).map(cellsOf);
    return cellsOf(lines[at]!).map((_, k) => [...header].reverse().map((h) => h[k] ?? '').find((w) => w !== '') ?? '');
  };
  for (const style of PRINTED_STYLES) {
    const lines = markdown(await pages(style)).split('\n');
    const t2 = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
    const figures2 = cellsOf(lines[t2]!).map((c, k) => (/^\d+$/.test(c) ? k : -1)).filter((k) => k >= 0);
    const words2 = lowestWords(lines, t2);
    assert.deepEqual(figures2.map((k) => words2[k]), ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], style);
    // 表3: its one figure row, the fifteen column words over the fifteen figures.
    const t3 = lines.findIndex((l) => l.startsWith('|') && cellsOf(l).length >= 15 && cellsOf(l).every((c) => /^\d*$/.test(c)) && cellsOf(l).some((c) => c !== ''));
    assert.ok(t3 >= 0, style);
    const figures3 = cellsOf(lines[t3]!).map((c, k) => (/^\d+$/.test(c) ? k : -1)).filter((k) => k >= 0);
    const words3 = lowestWords(lines, t3);
    assert.deepEqual(figures3.map((k) => words3[k]), [0, 1, 2].flatMap(() => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']), style);
  }
});

test('office-printed PDFs: a figure changed in 表2 or 表3 is read in its column and caught', async () => {
  for (const style of PRINTED_STYLES) {
    const original = await pages(style);
    const reference = run(markdown(original)).model;
    // Each figure item of the tables, one in seven (every row and column is met).
    const figures: Array<[number, number]> = [];
    original.forEach((p, n) => p.items.forEach((it, k) => {
      if (/^\d+$/.test(it.str.trim()) && it.str.trim().length <= 4) figures.push([n, k]);
    }));
    let caught = 0;
    let tried = 0;
    for (let f = 0; f < figures.length; f += 7) {
      const [n, k] = figures[f]!;
      const changed = structuredClone(original);
      const item = changed[n]!.items[k]!;
      item.str = String(Number(item.str.trim()) + 1);
      const { model, findings } = run(markdown(changed));
      const diff = dataRows(model).filter((r, i) => r !== dataRows(reference)[i]);
      // A figure of 表1 or of the narrative: no identity covers it (read in place all the same).
      if (diff.length === 0 || diff[0]!.startsWith('table1')) continue;
      tried++;
      assert.equal(diff.length, 1, `${style}: ${item.str}: ${diff.join(' / ')}`);
      assert.ok(findings.some((x) => ARITHMETIC.includes(x.ruleId)), `${style}: ${diff[0]} not caught`);
      caught++;
    }
    assert.ok(tried >= 20, `${style}: ${tried} table figures changed`);
    assert.equal(caught, tried);
  }
});

// Word's "repeat header row": 表2's header printed again at the top of each page, labels written
// in every row or only in a group's first, a label broken by the page under the repeated header,
// a narrative line ending in a figure on the page before 表2 (test/fixtures/office/repeat; Word
// files written with the docx library and printed by LibreOffice 7.4 while trying these styles).
const REPEAT: Array<[string, string | undefined]> = [
  ['01-repeated-labels', undefined],
  ['04-repeat-header-long', undefined],
  ['08-wrong-after-split', '“3.其他”·“自然人”为 107，行合计与列合计都表明应为 108'],
  ['09-long-wrong-carried', '“二、上年结转政府信息公开申请数量”·“总计”为 35，行合计与收支平衡（一 + 二 = （七）+ 四）都表明应为 34'],
  ['10-repeated-wrong-total7', '“（七）总计”·“自然人”为 2933，行合计、列合计与收支平衡（一 + 二 = （七）+ 四）都表明应为 2932'],
];
for (const [name, error] of REPEAT) {
  test(`office-printed PDF with its header repeated on each page (${name}): the same reading and findings as its .docx${error ? ', the changed figure named' : ', no finding'}`, async () => {
    const docx = readDocx(file(`repeat/${name}.docx`));
    assert.ok(docx.ok);
    const reference = run(docx.report.markdown);
    const r = await readPdfPages(file(`repeat/${name}.pdf`));
    assert.ok(r.ok);
    const { model, findings } = run(markdown(r.pages));
    assert.deepEqual(dataRows(model), dataRows(reference.model));
    assert.equal(model.tables.table2!.rows.flatMap((x) => x.cells).filter((c) => c.value.kind === 'number').length, 175);
    const said = (f: typeof findings) => f.map((x) => `${x.ruleId}: ${x.message.zh}`);
    assert.deepEqual(said(findings), said(reference.findings));
    // (09 also says, rightly, that its text's 上年结转34件 is not the table's 35.)
    assert.deepEqual(said(findings.filter((x) => x.ruleId !== 'text-table')), error ? [`wrong-cell: ${error}`] : []);
  });
}
