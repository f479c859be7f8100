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
}

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
      'unknown-header: 表2的表头无法完全识别',
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
];

const values = (model: ReportModel, table: 'table1' | 'table2' | 'table3', rowId?: string): string | undefined => {
  const rows = model.tables[table]?.rows ?? [];
  const row = rowId === undefined ? rows[0] : rows.find((r) => r.rowId === rowId);
  return row?.cells.map((c) => (c.value.kind === 'number' ? String(c.value.value) : c.value.kind[0])).join(' ');
};


/** The model has the hand-checked figures, six sections, three tables, and only the reviewed findings. */
export function assertReading(model: ReportModel, findings: readonly Finding[], c: Expected): void {
  assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(Object.keys(model.tables).sort(), ['table1', 'table2', 'table3']);
  const cells = (model.tables.table2?.rows ?? []).flatMap((r) => r.cells).filter((x) => x.value.kind === 'number');
  assert.equal(cells.length, c.table2Cells, 'non-blank cells of 表2');
  for (const [rowId, expected] of Object.entries(c.table2)) assert.equal(values(model, 'table2', rowId), expected, `表2 ${rowId}`);
  assert.equal(values(model, 'table3'), c.table3, '表3');
  for (const [rowId, expected] of Object.entries(c.table1)) assert.equal(values(model, 'table1', rowId), expected, `表1 ${rowId}`);
  assert.deepEqual(findings.filter((f) => ARITHMETIC.includes(f.ruleId) || STRUCTURE.includes(f.ruleId)).map((f) => f.message.zh), []);
  const got = findings.map((f) => `${f.ruleId}: ${f.message.zh}`);
  assert.equal(got.length, c.findings.length, got.join('\n'));
  c.findings.forEach((prefix, k) => assert.ok(got[k]?.startsWith(prefix), `${got[k]} should start with ${prefix}`));
}
