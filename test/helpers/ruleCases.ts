// The fixture that triggers each rule: a targeted change of the clean sample report, with the line
// the finding must point to. Shared by the rule tests and the rule pages (their examples are these
// cases, run through the real checker).
import type { SeveritySetting } from '../../shared/src/index';
import { fixture, replaceOnce } from './util';

export const clean = fixture('rules', 'clean-2023.txt');
export const lines = clean.split('\n');
export const lineWith = (s: string) => lines.find((l) => l.includes(s)) as string;
export const setCells = (label: string, values: string[]) => {
  const l = lineWith(label);
  const cells = l.split('\t');
  const firstValue = cells.findIndex((c) => /^\d+$/.test(c));
  return replaceOnce(clean, l, [...cells.slice(0, firstValue), ...values].join('\t'));
};
/** 表2 without its column k (1-based among the seven): the header word and that value of every row. */
function withoutColumn(k: number): string {
  const start = clean.indexOf('（本列数据');
  const end = clean.indexOf('\n\n', clean.indexOf('四、结转下年度继续办理'));
  const table = clean.slice(start, end).split('\n').map((line) => {
    if (line.includes('法律服务机构')) return line.replace('\t法律服务机构', '');
    const cells = line.split('\t');
    const first = cells.findIndex((c) => /^\d+$/.test(c));
    return first < 0 ? line : [...cells.slice(0, first + k - 1), ...cells.slice(first + k)].join('\t');
  });
  return clean.slice(0, start) + table.join('\n') + clean.slice(end);
}
const markdown = clean.replace(/^([一二三四五六])、(?=总体|主动|收到|政府信息公开行政|存在|其他需要)/gm, '## $1、');
export const section = (numeral: string) => {
  const start = clean.indexOf(`\n${numeral}、`) + 1;
  const next = clean.slice(start + 2).search(/\n[一二三四五六]、/);
  return clean.slice(start, next < 0 ? clean.length : start + 2 + next + 1);
};

export interface Case {
  rule: string;
  text: string;
  /** The finding points at the line holding this text. */
  at: string;
  /** The marker's last occurrence rather than its first. */
  last?: boolean;
  html?: boolean;
  /** Severity overrides: the symptom rules of I1–I4 are seen alone with the locator off. */
  severity?: Record<string, SeveritySetting>;
  /** The configuration's requireReason (suppression-reason is raised only with it). */
  requireReason?: true;
}

// A wrong written figure is named by wrong-cell, which folds the relations' own findings into it.
export const alone: Record<string, SeveritySetting> = { 'wrong-cell': 'off' };

export const cases: Case[] = [
  { rule: 'wrong-cell', text: setCells('（一）予以公开', ['5', '1', '0', '0', '0', '0', '7']), at: '（一）予以公开' },
  { rule: 'balance', text: setCells('四、结转下年度继续办理', ['3', '1', '0', '0', '0', '0', '4']), at: '四、结转下年度继续办理', severity: alone },
  { rule: 'balance', text: setCells('四、结转下年度继续办理', ['', '1', '0', '0', '0', '0', '3']), at: '四、结转下年度继续办理' },
  { rule: 'outcome-total', text: setCells('（七）总计', ['12', '1', '0', '0', '1', '0', '14']), at: '（七）总计', severity: alone },
  { rule: 'outcome-total', text: setCells('（七）总计', ['11', '1', '0', '0', '1', '0', '']), at: '（七）总计' },
  { rule: 'row-total', text: setCells('（一）予以公开', ['5', '1', '0', '0', '0', '0', '7']), at: '（一）予以公开', severity: alone },
  { rule: 'row-total', text: setCells('（一）予以公开', ['5', '1', '0', '0', '0', '0', '']), at: '（一）予以公开' },
  { rule: 'review-total', text: replaceOnce(clean, '1\t0\t0\t0\t1\t0', '1\t0\t0\t0\t2\t0'), at: '1\t0\t0\t0\t2\t0', severity: alone },
  { rule: 'review-total', text: replaceOnce(clean, '1\t0\t0\t0\t1\t0', '1\t0\t0\t0\t\t0'), at: '1\t0\t0\t0\t\t0' },
  { rule: 'text-table', text: replaceOnce(clean, '申请15件', '申请14件'), at: '申请14件' },
  { rule: 'text-percentage', text: replaceOnce(clean, '上年结转1件，均已依法答复。', '上年结转1件，其中予以公开6件，占45.0%。'), at: '占45.0%' },
  { rule: 'review-outcome', text: replaceOnce(replaceOnce(clean, '\n1\t0\t0\t0\t1\t0', '\n0\t1\t0\t0\t1\t0'), '\n五、存在的主要问题', '本年度被申请行政复议1件，均获维持。\n\n五、存在的主要问题'), at: '均获维持' },
  { rule: 'section-content', text: replaceOnce(clean, '一是部分信息公开不够及时；二是政策解读形式较为单一。下一步将健全发布机制，丰富解读形式。', '无。'), at: '五、存在的主要问题' },
  { rule: 'processing-fee', text: replaceOnce(clean, '本年度未收取信息处理费。', '无其他需要报告的事项。'), at: '六、其他需要报告的事项' },
  // The new-report template's placeholder left where section 五's text goes.
  { rule: 'unfilled-text', text: replaceOnce(clean, '一是部分信息公开不够及时；二是政策解读形式较为单一。下一步将健全发布机制，丰富解读形式。', '（请在此填写）'), at: '（请在此填写）' },
  // One application moved from 予以公开 to （六）2 (totals unchanged), the text still says no fee was charged.
  { rule: 'suppression-unknown', text: replaceOnce(clean, '五、存在的主要问题', '<!-- gov-report-disable-next-line heading-levels -->\n五、存在的主要问题'), at: 'heading-levels' },
  { rule: 'publication-date', text: `${clean.trimEnd()}\n\n示例县人民政府办公室\n2024年3月5日\n`, at: '2024年3月5日' },
  { rule: 'fee-unpaid', text: replaceOnce(replaceOnce(clean, '（一）予以公开\t5\t1\t0\t0\t0\t0\t6', '（一）予以公开\t4\t1\t0\t0\t0\t0\t5'), /(2\.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请)\t0\t0\t0\t0\t0\t0\t0/, '$1\t1\t0\t0\t0\t0\t0\t1'), at: '未收取信息处理费' },
  { rule: 'year-mismatch', text: replaceOnce(clean, '至2023年12月31日止', '至2022年12月31日止'), at: '本报告依据' },
  { rule: 'section-missing', text: replaceOnce(clean, section('五'), ''), at: '六、其他需要报告的事项' },
  { rule: 'section-duplicate', text: clean + '\n六、其他需要报告的事项\n\n无。\n', at: '六、其他需要报告的事项', last: true },
  { rule: 'section-order', text: replaceOnce(clean, section('五') + section('六'), section('六') + '\n' + section('五')), at: '五、存在的主要问题' },
  { rule: 'section-numbering', text: replaceOnce(clean, '二、主动公开政府信息情况', '2、主动公开政府信息情况'), at: '2、主动公开' },
  { rule: 'section-title', text: replaceOnce(clean, '五、存在的主要问题及改进情况', '五、工作中的主要问题和下一步打算'), at: '五、工作中的主要问题' },
  { rule: 'heading-level', text: replaceOnce(markdown, '## 四、', '#### 四、'), at: '#### 四、' },
  { rule: 'title-missing', text: replaceOnce(clean, lines[0] as string, ''), at: '一、总体情况' },
  { rule: 'year-unknown', text: replaceOnce(replaceOnce(clean, lines[0] as string, '示例县市场监督管理局政府信息公开工作年度报告'), /本报告所列数据的统计期限[^\n]*/, ''), at: '示例县市场监督管理局政府信息公开工作年度报告' },
  { rule: 'table-missing', text: replaceOnce(clean, /行政复议\t[\s\S]*?\n\n五、/, '\n五、'), at: '四、政府信息公开行政复议' },
  { rule: 'row-missing', text: replaceOnce(clean, lineWith('2.重复申请') + '\n', ''), at: '3.要求提供公开出版物' },
  // A row of a 表1 item (规章 under 第二十条第（一）项): said at the item's label.
  { rule: 'row-missing', text: replaceOnce(clean, lineWith('规章\t') + '\n', ''), at: '第二十条第（一）项' },
  { rule: 'row-duplicate', text: replaceOnce(clean, lineWith('2.重复申请'), lineWith('2.重复申请') + '\n' + lineWith('2.重复申请')), at: '2.重复申请', last: true },
  { rule: 'column-missing', text: withoutColumn(5), at: '申请人情况' },
  { rule: 'unknown-header', text: replaceOnce(clean, '本年废止件数', '本年度止件数'), at: '本年度止件数' },
  { rule: 'unknown-row-label', text: replaceOnce(clean, '8.属于行政查询事项', '8.另行说明的情形'), at: '8.另行说明的情形' },
  { rule: 'row-label', text: replaceOnce(clean, '8.属于行政查询事项', '8.属于行政查阅事务'), at: '8.属于行政查阅事务' },
  { rule: 'lost-line-breaks', text: clean.split('\n').join(' '), at: lines[0] as string },
  // A row that seems missing where the line breaks were lost: not claimed, said once.
  // A suppression comment with no reason, where the configuration requires one.
  { rule: 'suppression-reason', text: replaceOnce(clean, lineWith('三、收到和处理'), `<!-- gov-report-disable-next-line section-title -->\n${lineWith('三、收到和处理')}`), at: '<!-- gov-report-disable-next-line', requireReason: true },
  { rule: 'unconfirmed', text: lines.filter((l) => !l.includes('（二）部分公开')).join(' '), at: lines[0] as string },
  { rule: 'blank-value', text: setCells('2.重复申请', ['0', '', '0', '0', '0', '0', '0']), at: '2.重复申请' },
  { rule: 'invalid-number', text: setCells('2.重复申请', ['0', '-1', '0', '0', '0', '0', '0']), at: '2.重复申请' },
  { rule: 'placeholder-value', text: setCells('2.重复申请', ['0', '—', '0', '0', '0', '0', '0']), at: '2.重复申请' },
  { rule: 'number-format', text: setCells('一、本年新收', ['１２', '2', '0', '0', '1', '0', '15']), at: '一、本年新收' },
  { rule: 'short-row', text: setCells('（二）部分公开', ['2', '0', '0', '0', '0', '0']), at: '（二）部分公开' },
  { rule: 'extra-cells', text: setCells('（二）部分公开', ['2', '0', '0', '0', '0', '0', '2', '0']), at: '（二）部分公开' },
  // (Nine digits in seven columns: the row total chooses 12|2|0|0|1|0|15; seven would split one way only, said by no rule.)
  { rule: 'flattened-row', text: replaceOnce(clean, lineWith('一、本年新收'), '一、本年新收政府信息公开申请数量 122001015'), at: '一、本年新收' },
  { rule: 'outdated-format', text: replaceOnce(fixture('real', 'yichuan-2020.txt'), '伊川县科技和工信局2020年', '伊川县科技和工信局2023年'), at: '信息内容\t本年新制作数量' },
  { rule: 'mixed-format', text: replaceOnce(clean, '本年制发件数', '本年新制作数量'), at: '本年新制作数量' },
];

