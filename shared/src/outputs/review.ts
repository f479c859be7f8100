// A folder of reports as a reviewer sees it: each report's figures (yearFigures.ts), how fully
// it was read, its findings and decisions, and the exports (CSV, JSON, HTML) of the whole review.
import type { ReportModel } from '../model';
import type { Finding } from '../rules/types';
import { englishPlurals } from '../i18n/catalog';
import { reviewFigures, type ReviewFigures } from '../yearFigures';

export { reviewFigures, type ReviewFigures };

/** Rules that say a part of the report could not be read (or was read by a guess said once). */
export const READING_RULES: ReadonlySet<string> = new Set(['flattened-row', 'short-row', 'extra-cells', 'unknown-row-label', 'unknown-header']);

/** `unread`: part of the file was not read at all (PDF pages too complex or past the page limit). */
export type ReadingStatus = { kind: 'full' } | { kind: 'partial'; rules: string[]; unread?: true };

export function readingStatus(findings: readonly Finding[], model?: Pick<ReportModel, 'incomplete'>): ReadingStatus {
  const rules = [...new Set(findings.filter((f) => READING_RULES.has(f.ruleId)).map((f) => f.ruleId))].sort();
  if (model?.incomplete) return { kind: 'partial', rules, unread: true };
  return rules.length ? { kind: 'partial', rules } : { kind: 'full' };
}

// ------------------------------------------------------------------ a folder of reports
/** One file of a reviewer's folder: checked (with its figures and findings), skipped or failed. */
export interface ReviewEntry {
  path: string;
  state: 'checked' | 'skipped' | 'failed';
  /** Why a file was not checked (its message, in the run's language). */
  reason?: string;
  agency: string | null;
  year: number | null;
  format: '2019' | '2021' | null;
  counts: { error: number; warning: number; info: number };
  /** What the reviewers decided of its findings: not yet decided, confirmed, dismissed. */
  decisions: { open: number; confirmed: number; dismissed: number };
  reading: ReadingStatus | null;
  figures: ReviewFigures | null;
  findings: ReviewFinding[];
}

export interface ReviewFinding {
  line: number;
  column: number;
  /** The page, paragraph or cell of a PDF or Word file, written out. */
  place?: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** A reviewer's decision on it, and the reason. */
  decision?: 'confirmed' | 'dismissed';
  reason?: string;
}

type Lang = 'zh-CN' | 'en';
type Value = string | number | null;

/** A checked report's entry: `place` names the page, paragraph or cell of a finding in a PDF or Word file. */
export function reviewEntry(path: string, model: ReportModel, findings: readonly Finding[], lang: Lang, place?: (line: number, column: number) => string | undefined, dismissed: readonly Finding[] = []): ReviewEntry {
  // A dismissed finding counts for nothing, but is listed with its reason (the hand-over).
  const open = findings.filter((f) => f.review?.decision !== 'dismissed');
  const count = (severity: string) => open.filter((f) => f.severity === severity).length;
  const confirmed = open.filter((f) => f.review?.decision === 'confirmed').length;
  const all = [...open, ...dismissed, ...findings.filter((f) => f.review?.decision === 'dismissed')].sort((a, b) => a.range.start - b.range.start);
  return {
    path,
    state: 'checked',
    agency: model.agency ?? null,
    year: model.year ?? null,
    format: model.formatVersion,
    counts: { error: count('error'), warning: count('warning'), info: count('info') },
    decisions: { open: open.length - confirmed, confirmed, dismissed: all.length - open.length },
    reading: readingStatus(findings, model),
    figures: reviewFigures(model),
    findings: all.map((f) => {
      const at = model.lines.positionAt(f.range.start);
      const where = place?.(at.line, at.character);
      const decided = f.review ? { decision: f.review.decision, ...(f.review.reason ? { reason: f.review.reason } : {}) } : {};
      return { line: at.line + 1, column: at.character + 1, ...(where ? { place: where } : {}), rule: f.ruleId, severity: f.severity, message: lang === 'en' ? f.message.en : f.message.zh, ...decided };
    }),
  };
}

/** A file that was not checked: why, in the run's language. */
export function notCheckedEntry(path: string, state: 'skipped' | 'failed', reason?: string): ReviewEntry {
  return { path, state, ...(reason ? { reason } : {}), agency: null, year: null, format: null, counts: { error: 0, warning: 0, info: 0 }, decisions: { open: 0, confirmed: 0, dismissed: 0 }, reading: null, figures: null, findings: [] };
}

/** The overview's columns, in order: one place for their names in both languages. `zhShort` and
 *  `enShort` are the headers of the overview's narrow columns (a line break where a header takes two
 *  lines); the full name is the header's tooltip. */
export const REVIEW_COLUMNS: ReadonlyArray<{ key: string; zh: string; en: string; zhShort?: string; enShort?: string; kind: 'text' | 'count' | 'rate'; value: (e: ReviewEntry, lang: Lang) => Value }> = [
  { key: 'file', zh: '文件', en: 'File', kind: 'text', value: (e) => e.path },
  { key: 'agency', zh: '机关', en: 'Agency', kind: 'text', value: (e) => e.agency },
  { key: 'year', zh: '年度', en: 'Year', kind: 'count', value: (e) => e.year },
  { key: 'format', zh: '格式', en: 'Format', kind: 'text', value: (e) => e.format },
  { key: 'status', zh: '状态', en: 'Status', kind: 'text', value: (e, l) => statusText(e, l) },
  { key: 'errors', zh: '错误', en: 'Errors', enShort: 'Err.', kind: 'count', value: (e) => (e.state === 'checked' ? e.counts.error : null) },
  { key: 'warnings', zh: '警告', en: 'Warnings', enShort: 'Warn.', kind: 'count', value: (e) => (e.state === 'checked' ? e.counts.warning : null) },
  { key: 'infos', zh: '提示', en: 'Infos', enShort: 'Info', kind: 'count', value: (e) => (e.state === 'checked' ? e.counts.info : null) },
  { key: 'open', zh: '待处理', en: 'Open', zhShort: '待\n处理', kind: 'count', value: (e) => (e.state === 'checked' ? e.decisions.open : null) },
  { key: 'confirmed', zh: '已确认', en: 'Confirmed', zhShort: '已\n确认', enShort: 'Conf.', kind: 'count', value: (e) => (e.state === 'checked' ? e.decisions.confirmed : null) },
  { key: 'dismissed', zh: '已排除', en: 'Dismissed', zhShort: '已\n排除', enShort: 'Dism.', kind: 'count', value: (e) => (e.state === 'checked' ? e.decisions.dismissed : null) },
  { key: 'received', zh: '本年新收', en: 'Received', zhShort: '新收', enShort: 'New', kind: 'count', value: (e) => e.figures?.received ?? null },
  { key: 'carriedIn', zh: '上年结转', en: 'Carried in', zhShort: '上年\n结转', enShort: 'Carried\nin', kind: 'count', value: (e) => e.figures?.carriedIn ?? null },
  { key: 'handled', zh: '办理总计', en: 'Handled', zhShort: '办理', enShort: 'Handled', kind: 'count', value: (e) => e.figures?.handled ?? null },
  { key: 'carriedOut', zh: '结转下年度', en: 'Carried out', zhShort: '结转\n下年', enShort: 'Carried\nout', kind: 'count', value: (e) => e.figures?.carriedOut ?? null },
  { key: 'granted', zh: '予以公开', en: 'Granted', zhShort: '予以\n公开', enShort: 'Granted', kind: 'count', value: (e) => e.figures?.granted ?? null },
  { key: 'partial', zh: '部分公开', en: 'Partly granted', zhShort: '部分\n公开', enShort: 'Partly\ngranted', kind: 'count', value: (e) => e.figures?.partial ?? null },
  { key: 'disclosureRate', zh: '公开率', en: 'Disclosure rate', enShort: 'Rate', kind: 'rate', value: (e) => e.figures?.disclosureRate ?? null },
  { key: 'refused', zh: '不予公开', en: 'Refused', zhShort: '不予\n公开', enShort: 'Refused', kind: 'count', value: (e) => e.figures?.refused ?? null },
  { key: 'unable', zh: '无法提供', en: 'Unable to provide', zhShort: '无法\n提供', enShort: 'Unable', kind: 'count', value: (e) => e.figures?.unable ?? null },
  { key: 'reconsideration', zh: '行政复议', en: 'Reconsideration', zhShort: '复议', enShort: 'Recon.', kind: 'count', value: (e) => e.figures?.reconsideration ?? null },
  { key: 'reconsiderationCorrected', zh: '复议纠正', en: 'Reconsideration corrected', zhShort: '复议\n纠正', enShort: 'Recon.\ncorr.', kind: 'count', value: (e) => e.figures?.reconsiderationCorrected ?? null },
  { key: 'litigation', zh: '行政诉讼', en: 'Litigation', zhShort: '诉讼', enShort: 'Litig.', kind: 'count', value: (e) => e.figures?.litigation ?? null },
  { key: 'litigationCorrected', zh: '诉讼纠正', en: 'Litigation corrected', zhShort: '诉讼\n纠正', enShort: 'Litig.\ncorr.', kind: 'count', value: (e) => e.figures?.litigationCorrected ?? null },
];

/** The overview's columns: the exports', with the three decision counts as one narrow column
 *  (审阅: 待处理 · 已确认 · 已排除), so that every column still fits the editor. */
const DECISIONS_COLUMN: (typeof REVIEW_COLUMNS)[number] = {
  key: 'review', zh: '审阅：待处理 · 已确认 · 已排除', en: 'Review: open · confirmed · dismissed', zhShort: '审阅', enShort: 'Review', kind: 'text',
  value: (e) => (e.state === 'checked' ? `${e.decisions.open}·${e.decisions.confirmed}·${e.decisions.dismissed}` : null),
};
const OVERVIEW_COLUMNS = REVIEW_COLUMNS.flatMap((c) => (c.key === 'open' ? [DECISIONS_COLUMN] : c.key === 'confirmed' || c.key === 'dismissed' ? [] : [c]));

/** A row of the overview webview: the columns' values formatted for the language, and what the
 *  page filters and opens by. */
export interface OverviewRow {
  uri: string;
  values: Value[];
  state: ReviewEntry['state'];
  counts: ReviewEntry['counts'];
  decisions: ReviewEntry['decisions'];
  rules: string[];
  first: { line: number; column: number } | null;
}

/** The overview's columns and rows for entries (the language server sends them; the benchmark too). */
export function overviewTable(entries: readonly ReviewEntry[], lang: Lang): { columns: Array<{ key: string; label: string; short: string; kind: 'text' | 'count' | 'rate' }>; rows: OverviewRow[] } {
  const en = lang === 'en';
  return {
    columns: OVERVIEW_COLUMNS.map((c) => ({ key: c.key, label: en ? c.en : c.zh, short: (en ? c.enShort ?? c.en : c.zhShort ?? c.zh), kind: c.kind })),
    rows: entries.map((e) => ({
      uri: e.path, values: OVERVIEW_COLUMNS.map((c) => c.value(e, lang)), state: e.state, counts: e.counts, decisions: e.decisions,
      rules: [...new Set(e.findings.map((f) => f.rule))], first: e.findings[0] ? { line: e.findings[0].line, column: e.findings[0].column } : null,
    })),
  };
}

/** The findings sheet's columns. */
export const FINDING_COLUMNS: ReadonlyArray<{ key: string; zh: string; en: string; value: (path: string, f: ReviewFinding, lang: Lang) => Value }> = [
  { key: 'file', zh: '文件', en: 'File', value: (p) => p },
  { key: 'place', zh: '位置', en: 'Place', value: (_p, f) => `${f.line}:${f.column}${f.place ? ` ${f.place}` : ''}` },
  { key: 'rule', zh: '规则', en: 'Rule', value: (_p, f) => f.rule },
  { key: 'severity', zh: '级别', en: 'Severity', value: (_p, f, l) => SEVERITY[f.severity][l === 'en' ? 'en' : 'zh'] },
  { key: 'message', zh: '问题', en: 'Message', value: (_p, f) => f.message },
  { key: 'decision', zh: '处理', en: 'Decision', value: (_p, f, l) => (f.decision ? DECISION[f.decision][l === 'en' ? 'en' : 'zh'] : null) },
  { key: 'reason', zh: '理由', en: 'Reason', value: (_p, f) => f.reason ?? null },
];

const DECISION = { confirmed: { zh: '已确认', en: 'confirmed' }, dismissed: { zh: '已排除', en: 'dismissed' } } as const;

const SEVERITY = { error: { zh: '错误', en: 'error' }, warning: { zh: '警告', en: 'warning' }, info: { zh: '提示', en: 'info' } } as const;

function statusText(e: ReviewEntry, lang: Lang): string {
  const en = lang === 'en';
  // The reason is the CLI's own line for the file ("跳过：…", "无法读取：…").
  if (e.state !== 'checked') return e.reason ?? (en ? (e.state === 'skipped' ? 'skipped' : 'not read') : e.state === 'skipped' ? '跳过' : '无法读取');
  if (e.reading?.kind === 'partial' && e.reading.unread) {
    const also = e.reading.rules.length ? (en ? `; in part unreadable (${e.reading.rules.join(', ')})` : `；部分无法可靠读取（${e.reading.rules.join('、')}）`) : '';
    return (en ? 'read in part: part of the file could not be read' : '部分读取：文件有内容未能读取') + also;
  }
  if (e.reading?.kind === 'partial') return en ? `read, in part unreadable (${e.reading.rules.join(', ')})` : `已读取，部分无法可靠读取（${e.reading.rules.join('、')}）`;
  return en ? 'read fully' : '完整读取';
}

export const formatRate = (r: number | null): string => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

const csvField = (v: Value): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV, one row per file, UTF-8 with a byte order mark (so that Excel reads the Chinese). */
export function reviewCsv(entries: readonly ReviewEntry[], lang: Lang = 'zh-CN'): string {
  const head = REVIEW_COLUMNS.map((c) => (lang === 'en' ? c.en : c.zh));
  const rows = entries.map((e) => REVIEW_COLUMNS.map((c) => {
    const v = c.value(e, lang);
    return c.kind === 'rate' ? formatRate(v as number | null) : v;
  }));
  return '\uFEFF' + [head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** JSON: every entry with its figures and findings. */
export function reviewJson(entries: readonly ReviewEntry[]): string {
  return JSON.stringify({ reports: entries }, null, 2) + '\n';
}

/** Written into the head of every HTML export, and how the tool knows its own export again: an
 *  export saved in the folder it describes is never read as a report (nor listed as a file that is
 *  not one). */
export const EXPORT_MARKER = '<meta name="generator" content="gov-report summary">';

/** Whether a file's text is an export this tool wrote (the marker in its first lines). */
export function isOwnExport(text: string): boolean {
  return text.slice(0, 2048).includes(EXPORT_MARKER);
}

/** The entries with each file named relative to `base` (a folder's URI), as `gov-report summary`
 *  names them: `sub/report.pdf`, not `file:///…/sub/report.pdf`. A file outside the folder keeps its
 *  path (its URI's path, for a file: URI). */
export function entriesRelativeTo(entries: readonly ReviewEntry[], base: string): ReviewEntry[] {
  const folder = base.endsWith('/') ? base : `${base}/`;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const name = (p: string): string => {
    if (p.startsWith(folder)) return decode(p.slice(folder.length));
    return p.startsWith('file://') ? decode(p.replace(/^file:\/\/[^/]*/, '')) : p;
  };
  return entries.map((e) => ({ ...e, path: name(e.path) }));
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An agency's reports in the folder by year, with the carry-over between consecutive years. */
export interface AgencyChain {
  agency: string;
  years: Array<{ entry: ReviewEntry; year: number; carryBreak: boolean }>;
}

/** Chains of one agency's reports (two or more years), oldest first; a carry-over break is where
 *  this year's 上年结转 is not last year's 结转下年度 (I5, on the 总计 column). */
export function agencyChains(entries: readonly ReviewEntry[]): AgencyChain[] {
  const by = new Map<string, ReviewEntry[]>();
  for (const e of entries) {
    if (e.state !== 'checked' || !e.agency || e.year === null) continue;
    by.set(e.agency, [...(by.get(e.agency) ?? []), e]);
  }
  const chains: AgencyChain[] = [];
  for (const [agency, list] of by) {
    if (new Set(list.map((e) => e.year)).size < 2) continue;
    const sorted = [...list].sort((a, b) => (a.year as number) - (b.year as number));
    chains.push({
      agency,
      years: sorted.map((entry, i) => {
        const before = sorted[i - 1];
        const last = before && before.year === (entry.year as number) - 1 ? before.figures?.carriedOut : undefined;
        const now = entry.figures?.carriedIn;
        return { entry, year: entry.year as number, carryBreak: last !== undefined && last !== null && now !== undefined && now !== null && last !== now };
      }),
    });
  }
  return chains.sort((a, b) => a.agency.localeCompare(b.agency, 'zh-CN'));
}

/** A small bar chart of one figure over the years, as inline SVG (the export stays one file). */
function barChart(title: string, points: Array<{ label: string; value: number | null }>, percent = false): string {
  const w = 260;
  const h = 110;
  const max = Math.max(1e-9, ...points.map((p) => p.value ?? 0));
  const step = w / Math.max(1, points.length);
  const bars = points.map((p, i) => {
    const bh = p.value === null ? 0 : Math.round((p.value / max) * (h - 40));
    const x = Math.round(i * step + step * 0.2);
    const bw = Math.max(4, Math.round(step * 0.6));
    const shown = p.value === null ? '—' : percent ? formatRate(p.value) : String(p.value);
    return `<rect x="${x}" y="${h - 20 - bh}" width="${bw}" height="${bh}" class="bar"/><text x="${x + bw / 2}" y="${h - 24 - bh}" text-anchor="middle">${escapeHtml(shown)}</text><text x="${x + bw / 2}" y="${h - 6}" text-anchor="middle">${escapeHtml(p.label)}</text>`;
  });
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeHtml(title)}">${bars.join('')}</svg></figure>`;
}

/** A self-contained HTML review report: overview, per-agency years with charts, findings per report. */
export function reviewHtml(entries: readonly ReviewEntry[], lang: Lang = 'zh-CN', generated = new Date()): string {
  const en = lang === 'en';
  const L = (zh: string, english: string) => (en ? english : zh);
  const checked = entries.filter((e) => e.state === 'checked');
  const total = (k: 'error' | 'warning' | 'info') => checked.reduce((n, e) => n + e.counts[k], 0);
  const cell = (c: (typeof REVIEW_COLUMNS)[number], e: ReviewEntry) => {
    const v = c.value(e, lang);
    const text = c.kind === 'rate' ? formatRate(v as number | null) : v === null ? '' : String(v);
    return `<td class="${c.kind} col-${c.key}${c.key === 'errors' && (v as number) > 0 ? ' bad' : ''}">${escapeHtml(text)}</td>`;
  };
  // Wider than the page: it scrolls sideways (the names are never squeezed into a column of a few characters).
  const overview = `<div class="wide"><table class="overview"><thead><tr>${REVIEW_COLUMNS.map((c) => `<th class="col-${c.key}">${escapeHtml(en ? c.en : c.zh)}</th>`).join('')}</tr></thead><tbody>${entries.map((e) => `<tr>${REVIEW_COLUMNS.map((c) => cell(c, e)).join('')}</tr>`).join('')}</tbody></table></div>`;
  const chains = agencyChains(entries).map((chain) => {
    const label = (y: { year: number }) => String(y.year);
    const rows = chain.years.map((y) => `<tr${y.carryBreak ? ' class="break"' : ''}><td>${y.year}</td><td>${escapeHtml(y.entry.path)}</td><td class="count">${y.entry.figures?.carriedIn ?? ''}</td><td class="count">${y.entry.figures?.carriedOut ?? ''}</td><td>${y.carryBreak ? escapeHtml(L('上年结转与上年报告的结转下年度不一致（I5）', "carried in differs from last year's carried out (I5)")) : ''}</td></tr>`).join('');
    return `<section class="agency"><h3>${escapeHtml(chain.agency)}</h3><table><thead><tr><th>${L('年度', 'Year')}</th><th>${L('文件', 'File')}</th><th>${L('上年结转', 'Carried in')}</th><th>${L('结转下年度', 'Carried out')}</th><th></th></tr></thead><tbody>${rows}</tbody></table><div class="charts">${
      barChart(L('本年新收', 'Received'), chain.years.map((y) => ({ label: label(y), value: y.entry.figures?.received ?? null })))
    }${barChart(L('办理总计', 'Handled'), chain.years.map((y) => ({ label: label(y), value: y.entry.figures?.handled ?? null })))}${
      barChart(L('公开率', 'Disclosure rate'), chain.years.map((y) => ({ label: label(y), value: y.entry.figures?.disclosureRate ?? null })), true)}</div></section>`;
  }).join('');
  const findings = entries.filter((e) => e.findings.length || e.state !== 'checked').map((e) => {
    const items = e.state !== 'checked'
      ? `<p>${escapeHtml(statusText(e, lang))}</p>`
      : `<table><thead><tr>${FINDING_COLUMNS.slice(1).map((c) => `<th>${escapeHtml(en ? c.en : c.zh)}</th>`).join('')}</tr></thead><tbody>${e.findings.map((f) => `<tr class="${f.severity}">${FINDING_COLUMNS.slice(1).map((c) => `<td>${escapeHtml(String(c.value(e.path, f, lang) ?? ''))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    return `<section class="report"><h3>${escapeHtml(e.path)}</h3>${items}</section>`;
  }).join('');
  const date = generated.toISOString().slice(0, 10);
  return `<!DOCTYPE html>
<html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">${EXPORT_MARKER}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${L('政府信息公开工作年度报告审查汇总', 'Review of government information disclosure annual reports')}</title>
<style>
body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;margin:2em;color:#1f2328;background:#fff}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #d0d7de}h3{font-size:1em}
table{border-collapse:collapse;font-size:12px;margin:.5em 0}th,td{border:1px solid #d0d7de;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.count,td.rate{text-align:right;font-variant-numeric:tabular-nums}td.bad{color:#cf222e;font-weight:bold}
.wide{overflow-x:auto}table.overview th,table.overview td{white-space:nowrap}
table.overview td.col-agency{min-width:8em}table.overview td.col-status{white-space:normal;min-width:12em;max-width:26em}
tr.error td:nth-child(3){color:#cf222e}tr.warning td:nth-child(3){color:#9a6700}tr.break{background:#fff8c5}
.charts{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}figcaption{font-size:12px}svg text{font-size:9px;fill:#1f2328}svg .bar{fill:#0969da}
.summary{font-size:14px}
@media print{body{margin:0}section{break-inside:avoid}h2{break-before:page}h2:first-of-type{break-before:auto}.wide{overflow:visible}table.overview{font-size:9px}}
</style></head><body>
<h1>${L('政府信息公开工作年度报告审查汇总', 'Review of government information disclosure annual reports')}</h1>
<p class="summary">${escapeHtml(en
    ? englishPlurals(`${entries.length} files, ${checked.length} reports checked: ${total('error')} errors, ${total('warning')} warnings, ${total('info')} infos. Generated ${date} by gov-report.`)
    : `共 ${entries.length} 个文件，检查年度报告 ${checked.length} 份：错误 ${total('error')} 个，警告 ${total('warning')} 个，提示 ${total('info')} 个。${date} 由 gov-report 生成。`)}</p>
<h2>${L('总览', 'Overview')}</h2>
${overview}
${chains ? `<h2>${L('各机关逐年对比', 'Each agency, year over year')}</h2>${chains}` : ''}
<h2>${L('各报告的问题', 'Findings per report')}</h2>
${findings || `<p>${L('未发现问题。', 'No findings.')}</p>`}
</body></html>
`;
}
