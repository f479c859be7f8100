// The hand-checked readings of the corpus (its README), shared by the tests of the text files
// and of the PDF they were extracted from.
import assert from 'node:assert/strict';
import type { Finding, ReportModel } from '../../shared/src/index';

const STRUCTURE = ['section-missing', 'section-duplicate', 'section-order', 'table-missing', 'column-missing', 'row-missing', 'row-duplicate'];
const ARITHMETIC = ['wrong-cell', 'balance', 'outcome-total', 'row-total', 'review-total'];

export interface Expected {
  file: string;
  /** Non-blank cells of 表2 (README). */
  table2Cells: number;
  table2: Record<string, string>;
  table3: string;
  table1: Record<string, string>;
  /** The reviewed findings: rule and the start of the message. */
  findings: string[];
  /** The sections found, when not all six (default 1–6). */
  sections?: number[];
}

const ZERO = '0 0 0 0 0 0 0';

/** pingtan-2019 as a page and as a crawler's text: one report, the same 表2. */
const PINGTAN_2019_TABLE2 = {
  new: '23 0 0 0 0 0 23', carried: '0 0 0 0 0 0 0', granted: '7 0 0 0 0 0 7', partial: '1 0 0 0 0 0 1', 'refused.stateSecret': '0 0 0 0 0 0 0',
  'unable.notHeld': '7 0 0 0 0 0 7', 'unable.unclear': '5 0 0 0 0 0 5', 'notProcessed.repeated': '3 0 0 0 0 0 3', other: '0 0 0 0 0 0 0',
  total: '23 0 0 0 0 0 23', carryOver: '0 0 0 0 0 0 0',
};

export const CORPUS: Expected[] = [
  {
    file: 'hongze-2024.txt',
    table2Cells: 161,
    table2: {
      new: '95 0 0 0 0 0 95', carried: '0 0 0 0 0 0 0', granted: '50 0 0 0 0 0 50', partial: '9 0 0 0 0 0 9',
      'refused.prohibited': '0 0 0 0 0 0 0', 'refused.security': '1 0 0 0 0 0 1', 'refused.process': '1 0 0 0 0 0 1', 'refused.enforcementFile': '1 0 0 0 0 0 1',
      'unable.notHeld': '31 0 0 0 0 0 31', 'unable.needsCreation': '1 0 0 0 0 0 1', 'notProcessed.petition': '1 0 0 0 0 0 1',
      'notProcessed.confirmation': '0 0 0 0 0 0 0', other: '0 0 0 0 0 0 0', total: '95 0 0 0 0 0 95', carryOver: '0 0 0 0 0 0 0',
    },
    table3: '1 1 0 0 2 1 0 0 0 1 2 0 1 0 3',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': '3 0 8', 'item5.licensing': '9487', 'item6.penalty': '2776', 'item6.enforcement': '84', 'item8.fees': '7545' },
    findings: [
      // The narrative's "受理政府信息公开申请 17 件" against 新收 95 (the README: "the scope may differ").
      'text-table: 正文说“受理政府信息公开申请17件”，但表2“一、本年新收”总计为 95',
      'row-label: 行标签“2.其他法律行政止公开”与格式规定的“2.其他法律行政法规禁止公开”不同',
      'mixed-format: 表格混用两种格式：表2（六）其他处理为一行',
    ],
  },
  {
    file: 'shuyang-fgj-2023.html',
    table2Cells: 50,
    table2: { new: '26 b b b b b 26', carried: '0 b b b b b 0', granted: '26 b b b b b 26', total: '26 b b b b b 26', carryOver: '0 b b b b b 0', 'other.other': '0 b b b b b 0' },
    table3: '0 0 0 1 1 0 0 0 0 0 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': '8 0 18', 'item5.licensing': '0', 'item6.penalty': '0', 'item6.enforcement': '0', 'item8.fees': '0' },
    findings: ['blank-value: 表2有 125 个空白单元格（商业企业、科研机构、社会公益组织、法律服务机构、其他列），按 0 参与勾稽校验'],
  },
  {
    file: 'shuyang-2025.md',
    table2Cells: 175,
    table2: {
      new: '705 3 0 0 5 0 713', carried: '36 0 0 0 0 0 36', granted: '290 1 0 0 3 0 294', partial: '99 0 0 0 2 0 101',
      'notProcessed.repeated': '6 1 0 0 0 0 7', 'other.other': '142 1 0 0 0 0 143', total: '710 3 0 0 5 0 718', carryOver: '31 0 0 0 0 0 31',
    },
    table3: '27 10 9 15 61 3 0 0 0 3 8 0 1 1 10',
    table1: { 'item1.normative': '6 1 32', 'item5.licensing': '517645' },
    findings: ['unknown-header: 表2的表头无法完全识别'],
  },
  {
    file: 'shanghai-2019.html',
    table2Cells: 35,
    // Blanks keep their columns (`&nbsp;` cells); the 总计 column of the result rows is blank.
    table2: {
      new: '821 35 b b 2 1 859', carried: '18 b b b b b 18', granted: '258 12 b b 1 1 b', partial: '3 b b b b b b', 'refused.stateSecret': '14 b b b b b b',
      'refused.internal': '5 b b b b b b', 'refused.process': '3 1 b b b b b', 'refused.inquiry': '10 2 b b b b b', 'unable.notHeld': '252 12 b b 1 b b',
      'unable.needsCreation': '44 3 b b b b b', 'unable.unclear': '25 b b b b b b', 'notProcessed.petition': '148 1 b b b b b', 'notProcessed.repeated': '5 4 b b b b b',
      other: 'b b b b b b b', total: '767 35 b b 2 1 805', carryOver: '72 b b b b b 72',
    },
    table3: '5 b b 2 7 8 b b 1 9 b b b b b',
    table1: { 'item1.rules': '13 13 524', 'item1.normative': '60 60 368', 'item5.licensing': '0 0 0', 'item6.penalty': '0 0 0', 'item8.fees': '0 0', 'item9.procurement': '6 251000' },
    findings: [
      // The sum the text names: 予以公开 + 部分公开 is 272 + 3 (their totals are blank: the sums of their parts).
      'text-table: 正文说“予以公开及部分公开258件”，但表2“（一）予以公开”与“（二）部分公开”之和为 275',
      'text-percentage: 正文说“占33.9%”，但按 258 计算',
      // "因本机关不掌握等原因无法提供265件": 265 is 不掌握 alone; （四）无法提供 is 265 + 47 + 25.
      'text-table: 正文说“无法提供265件”，表2“（四）无法提供”各项之和为 337；265 是表2“1.本机关不掌握相关政府信息”一项',
      'review-outcome: 正文说“均获维持”，但表3“行政复议”的“尚未审结”为 2',
      'blank-value: 表2有 107 个空白单元格',
      ...['（一）予以公开”行：总计为空，应为 272', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行：总计为空，应为 3', '1.属于国家秘密”行：总计为空，应为 14',
        '5.属于三类内部事务信息”行：总计为空，应为 5', '6.属于四类过程性信息”行：总计为空，应为 4', '8.属于行政查询事项”行：总计为空，应为 12', '1.本机关不掌握相关政府信息”行：总计为空，应为 265',
        '2.没有现成信息需要另行制作”行：总计为空，应为 47', '3.补正后申请内容仍不明确”行：总计为空，应为 25', '1.信访举报投诉类申请”行：总计为空，应为 149', '2.重复申请”行：总计为空，应为 9'].map((m) => `row-total: “${m}`),
      'blank-value: 表3有 8 个空白单元格',
    ],
  },
  {
    file: 'pingtan-2019.html',
    table2Cells: 161,
    table2: PINGTAN_2019_TABLE2,
    table3: '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': '89 89 89', 'item5.licensing': '396 0 181', 'item5.otherServices': '10 0 153', 'item6.penalty': '2648 0 430', 'item6.enforcement': '126 0 25', 'item8.fees': '35 0', 'item9.procurement': '135 75394432.52' },
    findings: [],
  },
  {
    // The same report as crawler text: the same 表2 and 表3; 表1's glued figures have no identity
    // to split them by, so they are said, not guessed.
    file: 'pingtan-2019-web.txt',
    table2Cells: 161,
    table2: PINGTAN_2019_TABLE2,
    table3: '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': 'i i i', 'item9.procurement': 'i i' },
    findings: [
      'lost-line-breaks: 文本没有换行，表格单元格也连在一起（多见于抓取的网页文本），已按标题和表格标签分行；1 行',
      'flattened-row: 表1有 7 行的数字连在一起、无法可靠读取：规范性文件（898989）',
    ],
  },
  {
    file: 'pingtan-2021-web.txt',
    table2Cells: 175,
    table2: {
      new: '64 0 0 2 0 4 70', carried: '0 0 0 0 0 0 0', granted: '27 0 0 2 0 1 30', partial: '5 0 0 0 0 0 5', 'refused.internal': '1 0 0 0 0 0 1',
      'refused.enforcementFile': '6 0 0 0 0 0 6', 'refused.inquiry': '1 0 0 0 0 0 1', 'unable.notHeld': '22 0 0 0 0 3 25', 'other.other': '1 0 0 0 0 0 1',
      total: '63 0 0 2 0 4 69', carryOver: '1 0 0 0 0 0 1',
    },
    table3: '1 0 2 0 3 12 0 0 0 12 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': 'i i i', 'item5.licensing': '2293', 'item6.penalty': '1282', 'item6.enforcement': '42', 'item8.fees': '24252.311082' },
    findings: [
      'lost-line-breaks: 文本没有换行，表格单元格也连在一起（多见于抓取的网页文本），已按标题和表格标签分行；5 行',
      'flattened-row: 表1有 1 行的数字连在一起、无法可靠读取：行政规范性文件（693665）',
    ],
  },
  {
    // A converter's Markdown: header words cut across cells, label cells lost (their figures placed
    // by the order of the format, said once), the overview's points numbered 二…六 like sections,
    // the tables' headings numbered 一…三 and section 五's heading lost: the numbering findings are
    // true of this text; the one defect of the report is the blank 总计 of 结转下年度.
    file: 'kewei-2024.md',
    sections: [1, 2, 3, 4, 6],
    table2Cells: 174,
    table2: {
      new: '32 2 0 0 0 0 34', carried: '2 0 0 0 0 0 2', granted: '9 0 0 0 0 0 9', partial: '0 0 0 0 0 0 0', 'refused.stateSecret': '0 0 0 0 0 0 0',
      'refused.prohibited': '0 0 0 0 0 0 0', 'refused.internal': '1 0 0 0 0 0 1', 'unable.notHeld': '4 0 0 0 0 0 4', 'unable.needsCreation': '6 0 0 0 0 0 6',
      'unable.unclear': '0 0 0 0 0 0 0', 'other.noCorrection': '8 2 0 0 0 0 10', 'other.unpaidFee': '0 0 0 0 0 0 0', total: '33 2 0 0 0 0 35', carryOver: '1 0 0 0 0 0 b',
    },
    table3: '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': '13 0 55', 'item5.licensing': '97', 'item6.penalty': '0', 'item8.fees': '0' },
    findings: [
      'section-numbering: 标题编号“一、”应为“二、”',
      'section-numbering: 标题编号“二、”应为“三、”',
      'unknown-header: 表2的表头无法完全识别',
      'row-label: 表2有 10 行数字没有行标签（转换时丢失），已按格式规定的行序读作',
      'balance: “总计”列：“四、结转下年度继续办理”为空；按一 + 二 = （七）+ 四，应为 1',
      'row-total: “四、结转下年度继续办理”行：总计为空，应为 1',
      'section-numbering: 标题编号“三、”应为“四、”',
      'section-numbering: 标题编号“五、”应为“六、”',
      'section-missing: 缺少第五部分',
    ],
  },
  {
    // Crawler text of a Pingtan department: the body on one line, a label and its glued figures
    // apart by a space ("申请数量 291000030二、…"), rows spaced inside cells ("2600000 26"). Nothing
    // is missing; the rows the identities split are said once, with the lost line breaks.
    file: 'pingtan-ziyuan-2022-web.txt',
    table2Cells: 175,
    table2: { new: '29 1 0 0 0 0 30', carried: ZERO, granted: '2 0 0 0 0 0 2', partial: '1 1 0 0 0 0 2', 'unable.notHeld': '26 0 0 0 0 0 26', total: '29 1 0 0 0 0 30', carryOver: ZERO },
    table3: '0 1 0 1 2 0 0 0 0 0 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': 'i i i', 'item5.licensing': '202', 'item6.penalty': '74', 'item8.fees': '0' },
    findings: [
      'lost-line-breaks: 文本没有换行，表格单元格也连在一起（多见于抓取的网页文本），已按标题和表格标签分行；3 行',
      'flattened-row: 表1有 1 行的数字连在一起、无法可靠读取：行政规范性文件（24432）',
    ],
  },
  {
    // The same department two years on: 表3 spaced inside cells ("10 0 1 2…"); section 四 is there.
    file: 'pingtan-ziyuan-2024-web.txt',
    table2Cells: 175,
    table2: { new: '69 0 0 0 0 0 69', carried: ZERO, granted: '23 0 0 0 0 0 23', partial: '9 0 0 0 0 0 9', 'unable.notHeld': '37 0 0 0 0 0 37', total: '69 0 0 0 0 0 69', carryOver: ZERO },
    table3: '1 0 0 1 2 0 0 0 0 0 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': 'i i i', 'item5.licensing': '308', 'item6.penalty': '33', 'item8.fees': '0' },
    findings: [
      'lost-line-breaks: 文本没有换行，表格单元格也连在一起（多见于抓取的网页文本），已按标题和表格标签分行；4 行',
      'flattened-row: 表1有 1 行的数字连在一起、无法可靠读取：行政规范性文件（2433）',
    ],
  },
  {
    // All zeros ("0000000" has one reading: nothing said per row); section 六 worded
    // "需要说明的其他事项与附表" (said as its title, not missing).
    file: 'pingtan-nongye-2022-web.txt',
    table2Cells: 175,
    table2: { new: ZERO, carried: ZERO, granted: ZERO, 'other.other': ZERO, total: ZERO, carryOver: ZERO },
    table3: '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': 'i i i', 'item5.licensing': '160', 'item6.penalty': '236', 'item8.fees': '0' },
    findings: [
      'lost-line-breaks: 文本没有换行，表格单元格也连在一起（多见于抓取的网页文本），已按标题和表格标签分行读取',
      'flattened-row: 表1有 1 行的数字连在一起、无法可靠读取：行政规范性文件（5125）',
      'section-title: 标题“需要说明的其他事项”与格式规定的“其他需要报告的事项”不同',
    ],
  },
  {
    // The one real defect: I1 fails in 自然人 and 总计 (the one application counted as handled and as
    // carried over). Read from cells the reader cut itself: a warning, never an error; 表1's header
    // typo "本年废纸件数" is a known column misspelt.
    file: 'pingtan-gongan-2021-web.txt',
    table2Cells: 175,
    table2: { new: '1 0 0 0 0 0 1', carried: ZERO, 'other.other': '1 0 0 0 0 0 1', total: '1 0 0 0 0 0 1', carryOver: '1 0 0 0 0 0 1' },
    table3: '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': '0 0 2', 'item8.fees': '0' },
    findings: [
      'lost-line-breaks: 文本没有换行，表格单元格也连在一起（多见于抓取的网页文本），已按标题和表格标签分行读取',
      'unknown-header: 无法识别的表头“本年废纸件数”，可能是“本年废止件数”',
      'wrong-cell: “自然人”列的收支平衡（一 + 二 = （七）+ 四）与“总计”列的收支平衡（一 + 二 = （七）+ 四）不成立',
    ],
  },
  {
    // A 2021 report whose 表1 keeps the 2019 columns: mixed-format; its run-together figures have
    // no sure split in those columns and are not read; （六）3 labelled bare "其他" is the row.
    file: 'pingtan-shehui-2021-web.txt',
    table2Cells: 175,
    table2: { new: ZERO, carried: ZERO, 'other.other': ZERO, total: ZERO, carryOver: ZERO },
    table3: '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0',
    table1: { 'item1.rules': '0 0 0', 'item1.normative': 'i i i', 'item5.licensing': 'i i i', 'item6.penalty': 'i i i' },
    findings: [
      'lost-line-breaks: 文本没有换行，表格单元格也连在一起（多见于抓取的网页文本），已按标题和表格标签分行读取',
      'unconfirmed: 文本已失去换行和单元格边界，未能确认表1是否完整',
      'mixed-format: 表格混用两种格式：表1 列名“本年新制作数量”属于 2019 年格式',
      'flattened-row: 表1有 3 行的数字连在一起、无法可靠读取：行政规范性文件（121223）、行政许可（89741888）、行政处罚（7400）',
    ],
  },
];

/** huaian-2024.pdf (read from the PDF itself; its `pdftotext -layout` text in test/fixtures/derived). */
export const HUAIAN: Expected = {
  file: 'huaian-2024.pdf',
  table2Cells: 175,
  table2: {
    new: '3001 53 0 0 61 4 3119', carried: '34 0 0 0 0 0 34', granted: '1288 21 0 0 50 3 1362', partial: '447 7 0 0 0 0 454',
    'refused.stateSecret': '2 0 0 0 0 0 2', 'refused.prohibited': '30 1 0 0 0 0 31', 'refused.security': '5 0 0 0 0 0 5', 'refused.thirdParty': '6 0 0 0 0 0 6',
    'refused.internal': '7 1 0 0 0 0 8', 'refused.process': '12 0 0 0 0 0 12', 'refused.enforcementFile': '9 0 0 0 0 0 9', 'refused.inquiry': '105 0 0 0 0 0 105',
    'unable.notHeld': '746 12 0 0 10 1 769', 'unable.needsCreation': '11 0 0 0 0 0 11', 'unable.unclear': '1 0 0 0 0 0 1', 'notProcessed.petition': '56 6 0 0 0 0 62',
    'notProcessed.repeated': '25 0 0 0 0 0 25', 'notProcessed.publication': '0 0 0 0 0 0 0', 'notProcessed.excessive': '0 0 0 0 0 0 0', 'notProcessed.confirmation': '1 0 0 0 0 0 1',
    'other.noCorrection': '67 3 0 0 1 0 71', 'other.unpaidFee': '6 0 0 0 0 0 6', 'other.other': '108 2 0 0 0 0 110', total: '2932 53 0 0 61 4 3050', carryOver: '103 0 0 0 0 0 103',
  },
  table3: '72 64 178 37 351 13 4 8 1 26 12 1 1 6 20',
  table1: { 'item1.rules': '1 0 11', 'item1.normative': '8 26 66', 'item5.licensing': '447228', 'item6.penalty': '3985758', 'item6.enforcement': '88283', 'item8.fees': '96171.6' },
  findings: [],
};

const values = (model: ReportModel, table: 'table1' | 'table2' | 'table3', rowId?: string): string | undefined => {
  const rows = model.tables[table]?.rows ?? [];
  const row = rowId === undefined ? rows[0] : rows.find((r) => r.rowId === rowId);
  return row?.cells.map((c) => (c.value.kind === 'number' ? String(c.value.value) : c.value.kind[0])).join(' ');
};


/** The model has the hand-checked figures, six sections, three tables, and only the reviewed findings. */
export function assertReading(model: ReportModel, findings: readonly Finding[], c: Expected): void {
  assert.deepEqual(model.sections.map((s) => s.number), c.sections ?? [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(Object.keys(model.tables).sort(), ['table1', 'table2', 'table3']);
  const cells = (model.tables.table2?.rows ?? []).flatMap((r) => r.cells).filter((x) => x.value.kind === 'number');
  assert.equal(cells.length, c.table2Cells, 'non-blank cells of 表2');
  for (const [rowId, expected] of Object.entries(c.table2)) assert.equal(values(model, 'table2', rowId), expected, `表2 ${rowId}`);
  assert.equal(values(model, 'table3'), c.table3, '表3');
  for (const [rowId, expected] of Object.entries(c.table1)) assert.equal(values(model, 'table1', rowId), expected, `表1 ${rowId}`);
  // No arithmetic or structure finding but the reviewed ones (shanghai-2019's blank totals are real).
  const reviewed = (f: Finding) => c.findings.some((p) => `${f.ruleId}: ${f.message.zh}`.startsWith(p));
  assert.deepEqual(findings.filter((f) => (ARITHMETIC.includes(f.ruleId) || STRUCTURE.includes(f.ruleId)) && !reviewed(f)).map((f) => f.message.zh), []);
  const got = findings.map((f) => `${f.ruleId}: ${f.message.zh}`);
  assert.equal(got.length, c.findings.length, got.join('\n'));
  c.findings.forEach((prefix, k) => assert.ok(got[k]?.startsWith(prefix), `${got[k]} should start with ${prefix}`));
}
