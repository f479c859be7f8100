// The client's own words (prompts, status bar), in Simplified Chinese and English. Diagnostics,
// hovers and status details come from the server in the user's language.
import { env, workspace } from 'vscode';

const zh = {
  statusChecked: '年度报告 {format} 格式',
  statusNotRecognised: '未识别为年度报告',
  statusIgnored: '年度报告：不检查',
  tooltipChecked: '{detail}\n\n点击打开“问题”面板',
  tooltipNotRecognised: '{detail}\n\n点击：将此文件作为年度报告检查',
  tooltipIgnored: '{detail}\n\n点击：恢复检查',
  pickLayout: '报告的写法',
  layoutMarkdown: 'Markdown（# 标题与 | 表格 |）',
  layoutText: '纯文本（表格行用制表符分隔，可直接粘贴到 Word/WPS 表格）',
  askAgency: '机关名称（如“某某县人民政府办公室”）',
  askAgencyEmpty: '请填写机关名称',
  askYear: '报告年度（2021 年起使用 2021 年格式）',
  askYearInvalid: '请填写 2021 年或以后的四位年份',
  pickCells: '表格中的数字',
  cellsEmpty: '留空（逐项填写；未填写的表会提示一次）',
  cellsZero: '填 0（只改有发生的数字）',
  checkedNow: '已将此文件作为年度报告检查',
  ignoredNow: '已设为不检查此文件',
  checkingWorkspace: '正在检查工作区中的年度报告',
  checkedSoFar: '{done}/{total} 个文件，{reports} 份年度报告',
  workspaceChecked: '已检查 {checked} 个文件（含 PDF 和 Word）：{reports} 份年度报告，{errors} 个错误，{warnings} 个警告，{infos} 个提示',
  openProblems: '打开“问题”面板',
  pickPdfOrWord: '选择要检查的 PDF 或 Word（.docx）报告',
  rebuilding: '正在读取 {name}',
  rebuildFailed: '{name}：{message}',
  offerCheck: '{name} 是 PDF/Word 文件。要把其中的年度报告重建为文本并检查吗？',
  offerAction: '检查此报告',
  rebuiltReady: '已由 {name} 重建报告（只读）：问题中注明所在页码；可另存为 Markdown 编辑',
  rebuiltReadyWord: '已由 {name} 重建报告（只读）：问题中注明所在段落或表格单元格；可另存为 Markdown 编辑',
  notRebuiltHere: '{name} 未能重建为年度报告（原因见通知）。可用“重新打开编辑器的方式…”选择其他编辑器查看原文件。',
  saveAs: '另存为 Markdown…',
  saveExists: '{name} 已存在，未覆盖',
  notRebuilt: '当前编辑器不是由 PDF/Word 重建的报告',
};
const en: typeof zh = {
  statusChecked: 'Annual report · {format} format',
  statusNotRecognised: 'Not recognised as a report',
  statusIgnored: 'Annual report: not checked',
  tooltipChecked: '{detail}\n\nClick to open the Problems panel',
  tooltipNotRecognised: '{detail}\n\nClick: check this file as a report',
  tooltipIgnored: '{detail}\n\nClick: check it again',
  pickLayout: 'How the report is written',
  layoutMarkdown: 'Markdown (# headings and | tables |)',
  layoutText: 'Plain text (table rows separated by tabs; pastes into Word/WPS tables)',
  askAgency: 'Agency name (e.g. 某某县人民政府办公室)',
  askAgencyEmpty: 'Please give the agency name',
  askYear: 'Year reported on (the 2021 format applies from 2021)',
  askYearInvalid: 'A four-digit year, 2021 or later',
  pickCells: 'Number cells',
  cellsEmpty: 'Empty (fill in each; an unfilled table is said once)',
  cellsZero: '0 (change only what happened)',
  checkedNow: 'This file is now checked as a report',
  ignoredNow: 'This file is no longer checked',
  checkingWorkspace: 'Checking the reports in the workspace',
  checkedSoFar: '{done}/{total} files, {reports} reports',
  workspaceChecked: '{checked} files checked (PDF and Word included): {reports} reports, {errors} errors, {warnings} warnings, {infos} infos',
  openProblems: 'Open Problems',
  pickPdfOrWord: 'Choose a PDF or Word (.docx) report to check',
  rebuilding: 'Reading {name}',
  rebuildFailed: '{name}: {message}',
  offerCheck: '{name} is a PDF/Word file. Rebuild the annual report in it as text and check it?',
  offerAction: 'Check this report',
  rebuiltReady: 'Report rebuilt from {name} (read-only): each problem names its page; save it as Markdown to edit',
  rebuiltReadyWord: 'Report rebuilt from {name} (read-only): each problem names its paragraph or table cell; save it as Markdown to edit',
  notRebuiltHere: '{name} could not be rebuilt as an annual report (the notification says why). Use "Reopen Editor With…" to view the original in another editor.',
  saveAs: 'Save as Markdown…',
  saveExists: '{name} exists already and was not overwritten',
  notRebuilt: 'The active editor is not a report rebuilt from a PDF or Word file',
};

export type StringId = keyof typeof zh;

/** The language of the client's words: the gov-report.language setting, else VS Code's. */
export function lang(): 'zh-CN' | 'en' {
  const setting = workspace.getConfiguration('gov-report').get<string>('language', 'auto');
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return /^en\b/i.test(env.language) ? 'en' : 'zh-CN';
}

export function t(id: StringId, params: Record<string, string | number> = {}): string {
  const template = (lang() === 'en' ? en : zh)[id];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
