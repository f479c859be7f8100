// Word files written by an independent library (`docx`), as a writer's Word would save them:
// headings numbered by Word's own list numbering (一、二、… in numbering.xml, not in the text),
// and the three tables with real merges: the corner note over three label columns and three
// header rows, 法人或其他组织 over five columns, 三、本年度办理结果 down every result row, （三）不予公开
// down its eight sub-rows. The reader must put every value in its true column from these alone.
import { AlignmentType, BorderStyle, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { spec, table1ItemsFor, table2RowsFor } from '../../shared/src/index';
import type { Figures } from './render';

export interface DocxOptions {
  /** Cells to leave blank: "table2:<rowId>:<column index>" (as a writer forgets them). */
  blank?: string[];
  /** Number the section headings by Word's list numbering (default) or write 一、 in the text. */
  listNumbering?: boolean;
  /**
   * How the tables are drawn, as agencies' Word files draw them:
   * - merged: ruled, merged group labels and header cells (the default);
   * - narrow: every column as narrow as the others, so the labels wrap to several lines;
   * - breaking: large type, so 表2 runs over pages and its rows may break across them;
   * - borderless: no rules at all.
   */
  style?: DocxStyle;
}

export type DocxStyle = 'merged' | 'narrow' | 'breaking' | 'borderless';
export const DOCX_STYLES: DocxStyle[] = ['merged', 'narrow', 'breaking', 'borderless'];
/** The styles whose office-printed PDF is committed and read as its .docx. */
export const PRINTED_STYLES: DocxStyle[] = ['merged', 'narrow', 'breaking', 'borderless'];

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

let runSize: number | undefined;
const cell = (text: string, opts: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, ...(runSize ? { size: runSize } : {}) })] })], ...opts });

const T3_SUB = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export async function renderDocx(f: Figures, options: DocxOptions = {}): Promise<Uint8Array> {
  const blank = new Set(options.blank ?? []);
  const listNumbering = options.listNumbering ?? true;
  const style = options.style ?? 'merged';
  runSize = style === 'breaking' ? 30 : undefined;
  const heading = (n: number) => {
    const s = spec.sections[n - 1]!;
    return listNumbering
      ? new Paragraph({ children: [new TextRun({ text: s.title, bold: true })], numbering: { reference: 'sections', level: 0 } })
      : new Paragraph({ children: [new TextRun({ text: `${s.numeral}、${s.title}`, bold: true })] });
  };
  const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

  // 表1: one table, each item a heading row over its own header and rows.
  const t1Rows: TableRow[] = [];
  for (const item of table1ItemsFor('2021')) {
    const width = 4;
    t1Rows.push(new TableRow({ children: [cell(`第二十条第（${'一二三四五六七八九'.charAt(item.item - 1)}）项`, { columnSpan: width })] }));
    const span = item.columns.length === 1 ? 3 : 1;
    t1Rows.push(new TableRow({ children: [cell('信息内容'), ...item.columns.map((c) => cell(c.label, { columnSpan: span }))] }));
    for (const r of item.rows) {
      const values = f.table1[r.id] ?? item.columns.map(() => 0);
      t1Rows.push(new TableRow({ children: [cell(r.label), ...values.map((v) => cell(String(v), { columnSpan: span }))] }));
    }
  }

  // 表2: three label columns, seven value columns.
  const rows = table2RowsFor('2021');
  const resultRows = rows.filter((r) => !r.group && r.parent !== undefined).length;
  const t2Rows: TableRow[] = [
    new TableRow({ children: [cell(spec.table2.cornerNote, { columnSpan: 3, rowSpan: 3 }), cell('申请人情况', { columnSpan: 6 }), cell('总计', { rowSpan: 3 })] }),
    new TableRow({ children: [cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { columnSpan: 5 })] }),
    new TableRow({ children: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t) => cell(t)) }),
  ];
  let firstResult = true;
  let openGroup: { label: string; size: number } | undefined;
  for (const r of rows) {
    if (r.group) {
      if (r.id !== 'results') openGroup = { label: r.label, size: rows.filter((x) => x.parent === r.id).length };
      continue;
    }
    const labels: TableCell[] = [];
    if (r.parent === undefined) labels.push(cell(r.label, { columnSpan: 3 }));
    else {
      if (firstResult) labels.push(cell('三、本年度办理结果', { rowSpan: resultRows }));
      firstResult = false;
      if (r.parent === 'results') labels.push(cell(r.label, { columnSpan: 2 }));
      else {
        if (openGroup) labels.push(cell(openGroup.label, { rowSpan: openGroup.size }));
        openGroup = undefined;
        labels.push(cell(r.label));
      }
    }
    const values = f.table2[r.id] ?? [0, 0, 0, 0, 0, 0, 0];
    t2Rows.push(new TableRow({ cantSplit: false, children: [...labels, ...values.map((v, k) => cell(blank.has(`table2:${r.id}:${k}`) ? '' : String(v)))] }));
  }

  // 表3: two header levels over fifteen columns.
  const t3Rows: TableRow[] = [
    new TableRow({ children: [cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })] }),
    new TableRow({ children: [...T3_SUB.map((t) => cell(t, { rowSpan: 2 })), cell('未经复议直接起诉', { columnSpan: 5 }), cell('复议后起诉', { columnSpan: 5 })] }),
    new TableRow({ children: [...T3_SUB, ...T3_SUB].map((t) => cell(t)) }),
    new TableRow({ children: f.table3.map((v) => cell(String(v))) }),
  ];
  const table = (r: TableRow[], columns: number) => new Table({
    rows: r,
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(style === 'narrow' ? { layout: TableLayoutType.FIXED, columnWidths: Array(columns).fill(Math.floor(9000 / columns)) } : {}),
    ...(style === 'borderless' ? { borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER } } : {}),
  });

  const title = `示例县人民政府办公室${f.year}年政府信息公开工作年度报告`;
  const doc = new Document({
    numbering: {
      config: [{ reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }] }],
    },
    sections: [{
      children: [
        new Paragraph({ children: [new TextRun({ text: title, bold: true })], alignment: AlignmentType.CENTER }),
        new Paragraph({}),
        heading(1),
        para('（一）主动公开。全年主动公开政府信息 1200 条。'),
        para(`（二）依申请公开。本年新收政府信息公开申请 ${f.table2.new?.[6]} 件。`),
        para('（三）政府信息管理。落实审核制度。'),
        heading(2),
        table(t1Rows, 4),
        heading(3),
        table(t2Rows, 10),
        heading(4),
        table(t3Rows, 15),
        heading(5),
        para('一是公开内容不够全面；二是解读形式单一。下一步将加以改进。'),
        heading(6),
        para('本年度未收取信息处理费。'),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
