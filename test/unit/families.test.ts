// Layout families as reports really come in, made from the rendered figures by the changes those
// families make (the corpus has one real report of each): PDF text as pdftotext -layout gives it,
// Word-exported HTML inside a government page, Markdown made by a converter. Each reads the same
// figures as the tab layout, raises no error, and every single-cell change of 表2 and 表3 is named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cell, ReportModel } from '../../shared/src/index';
import { realisticFigures, render } from '../helpers/render';
import { run, sampleFigures } from '../helpers/util';

type Variant = (figures: ReturnType<typeof realisticFigures>) => { text: string; html: boolean };

/** pdftotext -layout: indented cells, header words broken over lines, wrapped labels with their values below, the group label spaced out mid-table, a page break inside 表2. */
const pdfLayout: Variant = (f) => {
  let t = render(f, 'pdf');
  t = t.replace(/^自然人 法人或其他组织\n商 业 企 业 科研机构 社会公益组织 法律服务机构 其他\n/m,
    '                                             自然人         社会 法律                   总计\n                                                   商业 科研\n                                                         公益 服务 其他\n                                                   企业 机构\n                                                         组织 机构\n');
  t = t.replace(/^（二）部分公开（区分处理的，只计这一情形，不计其他情形） (.*)$/m, '                  （二）部分公开（区分处理的，只计这一情 形，不\n                  计其他情形）\n                                              $1');
  t = t.replace(/^三、本年度办理结果 （一）予以公开/m, '                  （一）予以公开');
  t = t.replace(/^(2\.其他法律行政法规禁止公开 .*)$/m, ' 三 、本 年 度办 理 结果\n\n\n                            $1');
  t = t.replace(/^5\.要求行政机关确认或重新出具已获取信息 (.*)$/m, '                 5.要求行政机关确认或重 新出具\n                     已获取信息\n                                       $1');
  t = t.replace(/^- 4 -\n/m, '\n                                                                           -3-\n\f');
  return { text: t, html: false };
};

/** Word-exported HTML on a government page: labels split over spans, <o:p>, the site around it. */
const wordHtml: Variant = (f) => {
  let t = render(f, 'html');
  t = t.replace(/<td([^>]*)>([^<]{2,})<\/td>/g, (_m, attrs: string, label: string) => {
    if (/^\d+$/.test(label)) return `<td${attrs}><p class="MsoNormal"><span style="font-size:10.5pt">${label}</span><o:p></o:p></p></td>`;
    const cut = Math.ceil(label.length / 2);
    return `<td${attrs}><p class="MsoNormal" align="center"><span style="font-family:宋体">${label.slice(0, cut)}</span><span lang="EN-US" style="font-family:宋体">${label.slice(cut)}</span><o:p></o:p></p></td>`;
  });
  t = t.replace(/<body>/i, '<body><div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div><script>var t = "一、总体情况 二、主动公开政府信息情况";</script><style>.x{content:"三、收到和处理政府信息公开申请情况"}</style><table class="meta"><tr><td>索引号</td><td>014/2024-00012</td></tr><tr><td>发布机构</td><td>示例县人民政府办公室</td></tr></table><p>本报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。</p>');
  return { text: t, html: true };
};

/** A converter's Markdown: every 表2 row a ### heading over its own small table with generic headers, and a stray header row. */
const converterMarkdown: Variant = (f) => {
  const t = render(f, 'markdown').split('\n');
  const out: string[] = [];
  for (const line of t) {
    const cells = line.split('|').map((c) => c.trim());
    const values = cells.filter((c) => /^\d+$/.test(c));
    const labels = cells.filter((c) => c && !/^\d+$/.test(c));
    if (values.length === 7 && labels.length >= 1 && /数量|公开|秘密|禁止|稳定|权益|信息|案卷|事项|制作|明确|申请|出版物|其他|总计|继续办理/.test(labels.join(''))) {
      const label = labels[labels.length - 1] as string;
      out.push('', `### ${label}`, '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |', '|---|---|---|---|---|---|---|---|', `| ${label} | ${values.join(' | ')} |`);
      if (label.startsWith('1.申请人无正当理由')) out.push('', '| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 结转下年度 | 总计 |', '|---|---|---|---|---|---|---|---|');
      continue;
    }
    out.push(line);
  }
  return { text: out.join('\n'), html: false };
};

/** Each variant really has its family's traits (a replacement that matched nothing would test nothing). */
const MARKERS: Record<string, string[]> = {
  'PDF text (pdftotext -layout)': ['商业 科研', '只计这一情 形，不\n', ' 三 、本 年 度办 理 结果', '确认或重 新出具\n', '\f'],
  'Word-exported HTML on a site page': ['<o:p></o:p>', '<script>', '本报告全文包括总体情况', '索引号'],
  'converter Markdown': ['### 一、本年新收政府信息公开申请数量', '| 类别 | 数据1 |', '| 项目 | 本年新收件数 |'],
};

const VARIANTS: Array<[string, Variant]> = [['PDF text (pdftotext -layout)', pdfLayout], ['Word-exported HTML on a site page', wordHtml], ['converter Markdown', converterMarkdown]];
const ERRORS = (m: ReturnType<typeof run>) => m.findings.filter((x) => x.severity === 'error').map((x) => `${x.ruleId}: ${x.message.zh}`);

function figures(model: ReportModel): string[] {
  return (['table2', 'table3'] as const).flatMap((id) => (model.tables[id]?.rows ?? []).filter((r) => r.cells.length).map((r) => `${id}/${r.rowId}: ${r.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)).join(' ')}`));
}

for (const [name, variant] of VARIANTS) {
  for (const [set, f] of [['realistic', realisticFigures()], ['sample', sampleFigures()]] as const) {
    test(`${name} (${set}): the figures of the tab layout, no error, every changed cell named`, () => {
      const reference = run(render(f, 'tab')).model;
      const { text, html } = variant(f);
      assert.notEqual(text, render(f, html ? 'html' : name.includes('Markdown') ? 'markdown' : 'pdf'), 'the variant changed the render');
      for (const marker of MARKERS[name] ?? []) assert.ok(text.includes(marker), `${name}: ${marker}`);
      const clean = run(text, html);
      assert.deepEqual(clean.model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(figures(clean.model), figures(reference));
      assert.deepEqual(ERRORS(clean), []);
      assert.ok(clean.findings.length <= 2, clean.findings.map((x) => `${x.ruleId}: ${x.message.zh}`).join('\n'));
      let changed = 0;
      for (const id of ['table2', 'table3'] as const) {
        for (const row of clean.model.tables[id]!.rows) {
          for (const cell of row.cells as Cell[]) {
            if (cell.value.kind !== 'number') continue;
            const mutated = text.slice(0, cell.range.start) + String(cell.value.value + 1) + text.slice(cell.range.end);
            const { findings } = run(mutated, html);
            const located = findings.find((x) => x.ruleId === 'wrong-cell');
            assert.ok(located, `${id} ${row.rowId} ${cell.columnId}: caught`);
            assert.ok(located.range.start === cell.range.start || located.alternatives?.some((a) => a.edit.range.start === cell.range.start), `${id} ${row.rowId} ${cell.columnId}: the cell is named`);
            changed++;
          }
        }
      }
      assert.equal(changed, 25 * 7 + 15);
    });
  }
}

test("a converter flattens the two header rows of 表3 into one (行政复议·结果维持, 行政复议 结果维持, 行政复议-结果维持): read, no finding", () => {
  const f = realisticFigures();
  const md = render(f, 'markdown');
  const start = md.indexOf('## 四、');
  const end = md.indexOf('## 五、');
  const groups = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  for (const joiner of ['·', ' ', '-']) {
    const header = `| ${groups.flatMap((g) => parts.map((p) => g + joiner + p)).join(' | ')} |`;
    const table = `${header}\n|${' --- |'.repeat(15)}\n| ${f.table3.join(' | ')} |\n`;
    const { model, findings } = run(`${md.slice(0, start)}## 四、政府信息公开行政复议、行政诉讼情况\n\n${table}\n${md.slice(end)}`);
    assert.deepEqual(model.tables.table3?.rows[0]?.cells.map((c) => (c.value.kind === 'number' ? c.value.value : null)), f.table3, joiner);
    assert.deepEqual(findings.map((x) => `${x.ruleId}: ${x.message.zh}`), [], joiner);
  }
});

test('a 总计 column left blank on every row: one row-total finding per row with the sum, filled by fix-all; blanks elsewhere are read as 0 and said once', async () => {
  const { fixAll } = await import('../../shared/src/index');
  const f = realisticFigures();
  const tab = render(f, 'tab');
  // Every 表2 row loses its total; the five organisation columns are left blank where they are 0.
  const blanked = tab.split('\n').map((line) => {
    const cells = line.split('\t');
    const first = cells.findIndex((c) => /^\d+$/.test(c));
    if (first < 0 || cells.length - first !== 7) return line;
    const values = cells.slice(first).map((v, k) => (k === 6 ? '' : k > 0 && v === '0' ? '' : v));
    return [...cells.slice(0, first), ...values].join('\t');
  }).join('\n');
  const { findings } = run(blanked);
  const totals = findings.filter((x) => x.ruleId === 'row-total');
  assert.equal(totals.length, 25, 'one per row, each with the sum to fill in');
  assert.ok(totals.every((x) => x.fix?.safe && x.actual === null));
  assert.equal(findings.filter((x) => x.ruleId === 'blank-value').length, 1, 'the blanks read as 0 are said once');
  assert.ok(!findings.some((x) => ['wrong-cell', 'balance', 'outcome-total'].includes(x.ruleId)));
  const fixed = run(fixAll(blanked).text);
  assert.ok(!fixed.findings.some((x) => x.ruleId === 'row-total'));
  assert.deepEqual(fixed.model.tables.table2!.rows.filter((r) => r.cells.length).map((r) => r.cells[6]!.value.kind === 'number' ? r.cells[6]!.value.value : null), run(tab).model.tables.table2!.rows.filter((r) => r.cells.length).map((r) => r.cells[6]!.value.kind === 'number' ? r.cells[6]!.value.value : null));
});
