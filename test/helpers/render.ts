// Renders the same figures as a complete report in each layout of docs/format.md §9, so tests can
// show that every layout gives the same model and the same findings.
import { spec, table1ItemsFor, table2RowsFor } from '../../shared/src/index';

export type RenderLayout = 'tab' | 'cellPerLine' | 'markdown' | 'html' | 'markdownHtml' | 'pdf' | 'flattened' | 'crawler';
export const LAYOUTS_WITH_CELLS: RenderLayout[] = ['tab', 'cellPerLine', 'markdown', 'html', 'markdownHtml', 'pdf'];

export interface Figures {
  year: number;
  table1: Record<string, Array<number | string>>;
  /** 表2 data rows of the 2021 format, seven values each. */
  table2: Record<string, number[]>;
  table3: number[];
}

const SECTIONS = spec.sections;

/** Consistent figures taken from a real county report (with one row of 3119 applications). */
export function realisticFigures(): Figures {
  const zero = [0, 0, 0, 0, 0, 0, 0];
  const t2: Record<string, number[]> = {};
  for (const r of table2RowsFor('2021')) if (!r.group) t2[r.id] = [...zero];
  t2.new = [3001, 53, 0, 0, 61, 4, 3119];
  t2.carried = [40, 2, 0, 0, 1, 0, 43];
  t2.granted = [1702, 30, 0, 0, 40, 2, 1774];
  t2.partial = [212, 5, 0, 0, 6, 0, 223];
  t2['refused.stateSecret'] = [3, 0, 0, 0, 0, 0, 3];
  t2['refused.thirdParty'] = [41, 2, 0, 0, 1, 0, 44];
  t2['refused.process'] = [17, 1, 0, 0, 0, 0, 18];
  t2['unable.notHeld'] = [688, 9, 0, 0, 9, 1, 707];
  t2['unable.needsCreation'] = [51, 1, 0, 0, 1, 0, 53];
  t2['notProcessed.petition'] = [96, 1, 0, 0, 0, 0, 97];
  t2['notProcessed.repeated'] = [45, 0, 0, 0, 1, 0, 46];
  t2['other.noCorrection'] = [60, 3, 0, 0, 2, 1, 66];
  t2['other.other'] = [21, 1, 0, 0, 0, 0, 22];
  // (七) and 四 computed so that every identity holds.
  const total = [0, 0, 0, 0, 0, 0, 0];
  for (const [id, v] of Object.entries(t2)) {
    if (['new', 'carried', 'total', 'carryOver'].includes(id)) continue;
    v.forEach((x, k) => (total[k] = (total[k] as number) + x));
  }
  t2.total = total;
  t2.carryOver = total.map((x, k) => (t2.new![k] as number) + (t2.carried![k] as number) - x);
  return {
    year: 2023,
    table1: { 'item1.rules': [0, 0, 0], 'item1.normative': [4, 2, 31], 'item5.licensing': [5210], 'item6.penalty': [388], 'item6.enforcement': [12], 'item8.fees': ['24252.311082'] },
    table2: t2,
    table3: [5, 1, 0, 2, 8, 3, 0, 1, 1, 5, 1, 0, 0, 0, 1],
  };
}

interface Row {
  labels: string[];
  values: Array<number | string>;
}

function table1Rows(f: Figures): Array<{ item: number; header: string[]; rows: Row[] }> {
  return table1ItemsFor('2021').map((item) => ({
    item: item.item,
    header: ['信息内容', ...item.columns.map((c) => c.label)],
    rows: item.rows.map((r) => ({ labels: [r.label], values: f.table1[r.id] ?? item.columns.map(() => 0) })),
  }));
}

function table2Rows(f: Figures): Row[] {
  const rows: Row[] = [];
  let pendingGroup: string | undefined;
  for (const r of table2RowsFor('2021')) {
    if (r.group) {
      if (r.id === 'results') pendingGroup = r.label;
      else pendingGroup = (pendingGroup && pendingGroup.startsWith('三') ? pendingGroup + '\u0000' : '') + r.label;
      continue;
    }
    const labels = pendingGroup ? [...pendingGroup.split('\u0000'), r.label] : [r.label];
    pendingGroup = undefined;
    rows.push({ labels, values: f.table2[r.id] ?? [0, 0, 0, 0, 0, 0, 0] });
  }
  return rows;
}

const T2_HEAD_1 = ['申请人情况', '', '', '', '', '', '总计'];
const T2_HEAD_2 = ['自然人', '法人或其他组织', '', '', '', '', ''];
const T2_HEAD_3 = ['', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''];
const T3_HEAD_1 = ['行政复议', '', '', '', '', '行政诉讼'];
const T3_HEAD_2 = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'];
const T3_HEAD_3 = ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function narrative(f: Figures, n: number): string {
  const t2 = f.table2;
  switch (n) {
    case 1: return `（一）主动公开。全年主动公开政府信息 1200 条。\n（二）依申请公开。本年新收政府信息公开申请 ${t2.new?.[6]} 件。\n（三）政府信息管理。落实审核制度。`;
    case 5: return '一是公开内容不够全面；二是解读形式单一。下一步将加以改进。';
    case 6: return '本年度未收取信息处理费。';
    default: return '';
  }
}

export function render(f: Figures, layout: RenderLayout): string {
  const title = `示例县人民政府办公室${f.year}年政府信息公开工作年度报告`;
  const t1 = table1Rows(f);
  const t2 = table2Rows(f);
  const corner = spec.table2.cornerNote;
  const parts: string[] = [];
  const heading = (n: number) => {
    const s = SECTIONS[n - 1]!;
    const text = `${s.numeral}、${s.title}`;
    if (layout === 'markdown' || layout === 'markdownHtml') return `## ${text}`;
    if (layout === 'html') return `<h2>${text}</h2>`;
    return text;
  };
  const para = (s: string) => (layout === 'html' ? s.split('\n').map((l) => `<p>${l}</p>`).join('\n') : s);

  const table = (rows: string[][]): string => {
    switch (layout === 'markdownHtml' ? 'html' : layout) {
      case 'tab': return rows.map((r) => r.join('\t')).join('\n');
      case 'cellPerLine': return rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n');
      case 'markdown': {
        const width = Math.max(...rows.map((r) => r.length));
        const pad = (r: string[]) => [...r, ...Array(width - r.length).fill('')];
        const [head, ...body] = rows;
        return [`| ${pad(head ?? []).join(' | ')} |`, `|${' --- |'.repeat(width)}`, ...body.map((r) => `| ${pad(r).join(' | ')} |`)].join('\n');
      }
      case 'html': {
        // As published on the web: merged cells are spans, not empty cells. A run of empty cells
        // after a label becomes that label's colspan; empty leading cells (under a rowspan) vanish.
        const tr = (r: string[]) => {
          const out: string[] = [];
          let k = 0;
          while (k < r.length && r[k] === '' && r.some((c) => c !== '')) k++;
          for (; k < r.length; k++) {
            const c = r[k] as string;
            let span = 1;
            while (c !== '' && !/^[\d.]+$/.test(c) && r[k + span] === '') span++;
            out.push(`<td${span > 1 ? ` colspan="${span}"` : ''}>${c.replace(/&/g, '&amp;')}</td>`);
            k += span - 1;
          }
          return `  <tr>${out.join('')}</tr>`;
        };
        return `<table border="1">\n${rows.map(tr).join('\n')}\n</table>`;
      }
      case 'pdf': return rows.map((r) => r.filter((c) => c !== '').join(' ')).join('\n');
      case 'flattened': return rows.map((r) => {
        const labels = r.filter((c) => c !== '' && !/^-?[\d.]+$/.test(c));
        const values = r.filter((c) => /^-?[\d.]+$/.test(c));
        return labels.join('') + (values.length ? ' ' + values.join('') : '');
      }).join('\n');
      // A crawler's text of a web page: every cell of every row glued, the rows too.
      case 'crawler': return rows.map((r) => r.join('')).join('');
    }
  };

  const t1Rows: string[][] = [];
  for (const item of t1) {
    t1Rows.push([`第二十条第（${'一二三四五六七八九'.charAt(item.item - 1)}）项`, '', '', '']);
    t1Rows.push(item.header);
    for (const r of item.rows) t1Rows.push([...r.labels, ...r.values.map(String)]);
  }
  const t2Rows: string[][] = [
    [corner, '', ...T2_HEAD_1],
    ['', '', ...T2_HEAD_2],
    ['', '', ...T2_HEAD_3],
    ...t2.map((r) => {
      const labels = r.labels.length === 1 ? [r.labels[0] as string, ''] : r.labels.length === 2 ? r.labels : [`${r.labels[0] ?? ""}${r.labels[1] ?? ""}`, r.labels[2] ?? ""];
      return [...labels, ...r.values.map(String)];
    }),
  ];
  const t3Rows: string[][] = [T3_HEAD_1, T3_HEAD_2, T3_HEAD_3, f.table3.map(String)];

  let t2Text = table(t2Rows);
  if (layout === 'pdf') {
    // What text extracted from a PDF looks like: the corner note wrapped, spaced-out header
    // words, and a page marker in the middle of the table.
    const lines = t2Text.split('\n');
    lines[0] = lines[0]!.replace('第一项加第二项之和，', '第一项加第二项之和，\n');
    lines[2] = lines[2]!.replace('商业企业', '商 业 企 业');
    lines.splice(12, 0, '- 4 -');
    t2Text = lines.join('\n');
  }

  parts.push(layout === 'markdown' || layout === 'markdownHtml' ? `# ${title}` : layout === 'html' ? `<h1>${title}</h1>` : title);
  parts.push(heading(1), para(narrative(f, 1)));
  parts.push(heading(2), table(t1Rows));
  parts.push(heading(3), t2Text);
  parts.push(heading(4), table(t3Rows));
  parts.push(heading(5), para(narrative(f, 5)));
  parts.push(heading(6), para(narrative(f, 6)));
  if (layout === 'crawler') {
    // The metadata lines a crawler writes, then the whole body on one line, headings glued to what follows.
    return [`标题: ${title}`, '发布时间: 2024-01-20 15:22', '文号: ', '栏目: 政府信息公开年报', '原文链接: https://www.example.gov.cn/zwgk/nb/t20240120_1.htm', '==================== 正文 ====================', `${title} ${parts.slice(1).join('').replace(/\n/g, '')}`, ''].join('\n');
  }
  const body = parts.join('\n\n') + '\n';
  return layout === 'html' ? `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body>\n${body}</body></html>\n` : body;
}
