// A complete skeleton of a 2021-format report (the "new report" command): title, the six sections
// with their usual sub-headings, 表1 with its items, 表2 with its 25 rows and 7 columns, 表3;
// number cells left empty or 0. Built from the spec, so it reads back as the format itself.
import { spec, table1ItemsFor, table2RowsFor } from '../format/data';
import { chineseNumeral } from '../text';

export interface SkeletonOptions {
  agency: string;
  year: number;
  layout: 'markdown' | 'text';
  /** What a number cell holds: nothing yet, or 0 (nothing happened). */
  cells: 'empty' | 'zero';
}

/** The sub-headings section 一 usually has (docs/format.md §2, the format's own outline). */
const OVERVIEW_SUBHEADINGS = ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障'];
/** Where the narrative goes: the rule unfilled-text says each one left (rules/unfilledText.ts). */
export const PLACEHOLDER = '（请在此填写）';

const T2_HEAD: string[][] = [
  ['申请人情况', '', '', '', '', '', ''],
  ['自然人', '法人或其他组织', '', '', '', '', '总计'],
  ['', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
];

export function reportSkeleton(o: SkeletonOptions): string {
  const md = o.layout === 'markdown';
  const cell = o.cells === 'zero' ? '0' : '';
  const heading = (n: number) => {
    const s = spec.sections[n - 1] as (typeof spec.sections)[number];
    return `${md ? '## ' : ''}${s.numeral}、${s.title}`;
  };
  const table = (rows: string[][]): string => {
    if (!md) return rows.map((r) => r.join('\t')).join('\n');
    const width = Math.max(...rows.map((r) => r.length));
    const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
    const [head, ...body] = rows;
    return [`| ${pad(head ?? []).join(' | ')} |`, `|${' --- |'.repeat(width)}`, ...body.map((r) => `| ${pad(r).join(' | ')} |`)].join('\n');
  };

  const t1: string[][] = [];
  for (const item of table1ItemsFor('2021')) {
    t1.push([`第二十条第（${chineseNumeral(item.item)}）项`, ...item.columns.map(() => '')]);
    t1.push(['信息内容', ...item.columns.map((c) => c.label)]);
    for (const r of item.rows) t1.push([r.label, ...item.columns.map(() => cell)]);
  }
  const t2: string[][] = [[spec.table2.cornerNote, '', ...(T2_HEAD[0] as string[])], ['', '', ...(T2_HEAD[1] as string[])], ['', '', ...(T2_HEAD[2] as string[])]];
  let group: string[] = [];
  for (const r of table2RowsFor('2021')) {
    if (r.group) {
      group = r.id === 'results' ? [r.label] : [...group.filter((g) => g.startsWith('三')), r.label];
      continue;
    }
    const labels = group.length === 0 ? [r.label, ''] : group.length === 1 ? [group[0] as string, r.label] : [group.join(''), r.label];
    group = [];
    t2.push([...labels, ...Array<string>(7).fill(cell)]);
  }
  const t3: string[][] = [
    ['行政复议', '', '', '', '', '行政诉讼'],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'],
    ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
    Array<string>(15).fill(cell),
  ];

  const title = `${o.agency}${o.year}年政府信息公开工作年度报告`;
  const intro = `本报告由${o.agency}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制。本报告中所列数据的统计期限自${o.year}年1月1日起至${o.year}年12月31日止。`;
  const parts = [
    md ? `# ${title}` : title,
    intro,
    heading(1),
    OVERVIEW_SUBHEADINGS.map((h, i) => `（${chineseNumeral(i + 1)}）${h}\n\n${PLACEHOLDER}`).join('\n\n'),
    heading(2), table(t1),
    heading(3), table(t2),
    heading(4), table(t3),
    heading(5), PLACEHOLDER,
    heading(6), `${PLACEHOLDER}（含信息处理费收取情况）`,
  ];
  return parts.join('\n\n') + '\n';
}
