/// <reference lib="dom" />
// The overview's page (runs in the webview): a sortable, filterable table of the reports, drawn a
// screenful at a time so that a thousand rows never stall; a click opens the report at its first
// problem. The columns fit the editor (short headers, the full name in their tooltip; the file column
// stays in view when the table scrolls sideways). Colours come from the theme (--vscode-* variables),
// and the charts are drawn again when the theme changes. A click on a row's review counts lists the
// report's problems below the table, each with the reviewer's decision or the buttons to record one
// (overviewFindings.ts). The messages to and from the extension are the protocol module's.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ExportFormat, OverviewColumn, OverviewLabels, PageMessage, Untrusted, ViewMessage } from '../../shared/src/protocol';
import type { OverviewRow } from '../../shared/src/index';
import { closeFindings, showFindings } from './overviewFindings';

declare function acquireVsCodeApi(): { postMessage(m: PageMessage): void };

// Chart.js, only the parts the small bar charts use (tree-shaken into this bundle: no network).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

type Column = OverviewColumn;
type Row = OverviewRow;
type Labels = OverviewLabels;

const vscode = acquireVsCodeApi();
const ROW_HEIGHT = 26;
let columns: Column[] = [];
let rows: Row[] = [];
let labels: Labels;
let sortKey = 'file';
let ascending = true;
let shown: Row[] = [];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
// One collator for every comparison (localeCompare with a locale builds one per call).
const collate = new Intl.Collator('zh-CN').compare;

function format(v: string | number | null, kind: Column['kind']): string {
  if (v === null || v === undefined) return '';
  return kind === 'rate' ? `${((v as number) * 100).toFixed(1)}%` : String(v);
}

function applyFilters(): void {
  const text = $<HTMLInputElement>('filter').value.trim().toLowerCase();
  const year = $<HTMLSelectElement>('year').value;
  const severity = $<HTMLSelectElement>('severity').value;
  const rule = $<HTMLSelectElement>('rule').value;
  const file = columns.findIndex((c) => c.key === 'file');
  const agency = columns.findIndex((c) => c.key === 'agency');
  const yearAt = columns.findIndex((c) => c.key === 'year');
  shown = rows.filter((r) => {
    if (text && !`${r.values[file] ?? ''} ${r.values[agency] ?? ''}`.toLowerCase().includes(text)) return false;
    if (year && String(r.values[yearAt] ?? '') !== year) return false;
    if (severity === 'error' && r.counts.error === 0) return false;
    if (severity === 'warning' && r.counts.warning === 0) return false;
    if (severity === 'any' && r.counts.error + r.counts.warning + r.counts.info === 0) return false;
    // By what the reviewers decided: reports with problems still open, confirmed, or dismissed.
    if ((severity === 'open' || severity === 'confirmed' || severity === 'dismissed') && !((r.decisions?.[severity] ?? 0) > 0)) return false;
    if (rule && !r.rules.includes(rule)) return false;
    return true;
  });
  const k = columns.findIndex((c) => c.key === sortKey);
  const numeric = columns[k]?.kind !== 'text';
  shown.sort((a, b) => {
    const x = a.values[k];
    const y = b.values[k];
    // Empty cells last, whichever the direction.
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    const c = numeric ? (x as number) - (y as number) : collate(String(x), String(y));
    return ascending ? c : -c;
  });
  $('count').textContent = labels.shown.replace('{shown}', String(shown.length)).replace('{total}', String(rows.length));
  $('spacer').style.height = `${shown.length * ROW_HEIGHT}px`;
  draw();
}

/** Only the rows in view (and a few around) are in the page: a fixed set of row elements, filled
 *  again as the list scrolls (nothing is drawn when the rows in view are the same). */
let drawn = { first: -1, last: -1, list: shown };
function draw(): void {
  const body = $('body');
  const scroller = $('scroller');
  const top = Math.max(0, scroller.scrollTop - $('head').offsetHeight);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - 10);
  const last = Math.min(shown.length, first + Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 20);
  if (drawn.first === first && drawn.last === last && drawn.list === shown) return;
  drawn = { first, last, list: shown };
  body.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
  while (body.children.length < last - first) body.append(rowElement());
  while (body.children.length > last - first) body.lastElementChild?.remove();
  for (let k = first; k < last; k++) {
    const r = shown[k] as Row;
    const tr = body.children[k - first] as HTMLElement;
    tr.className = `row ${r.state}${r.counts.error ? ' has-errors' : ''}`;
    tr.dataset.index = String(k);
    columns.forEach((c, i) => {
      const td = tr.children[i] as HTMLElement;
      const text = format(r.values[i] ?? null, c.kind);
      if (c.key === REVIEW && labels.review) reviewCell(td, text);
      else if (td.textContent !== text) td.textContent = td.title = text;
    });
  }
}

/** The review counts (待处理·已确认·已排除), a button that lists the report's problems below the table. */
const REVIEW = 'review';
function reviewCell(td: HTMLElement, text: string): void {
  let button = td.firstElementChild as HTMLButtonElement | null;
  if (!button) {
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'review';
    td.replaceChildren(button);
  }
  if (button.textContent === text) return;
  button.textContent = text;
  button.hidden = !text;
  td.title = button.title = text ? `${text}\n${labels.review?.show ?? ''}` : '';
}

function rowElement(): HTMLElement {
  const tr = document.createElement('div');
  tr.setAttribute('role', 'row');
  tr.tabIndex = 0;
  for (const c of columns) {
    const td = document.createElement('div');
    td.className = `cell ${c.kind} col-${c.key}`;
    td.setAttribute('role', 'cell');
    tr.append(td);
  }
  return tr;
}

/** The row under an event (one listener for the list: rows are reused as it scrolls). */
function rowAt(e: Event): Row | undefined {
  const tr = (e.target as HTMLElement).closest<HTMLElement>('.row');
  return tr?.dataset.index === undefined ? undefined : shown[Number(tr.dataset.index)];
}
const open = (r: Row | undefined) => {
  if (r) vscode.postMessage({ type: 'open', uri: r.uri, first: r.first });
};
/** A click or Enter on a row: its review counts list its problems; elsewhere it opens the report. */
const activate = (e: Event) => {
  const r = rowAt(e);
  if ((e.target as HTMLElement).closest('button.review')) {
    if (r) vscode.postMessage({ type: 'findings', uri: r.uri });
  } else open(r);
};

function header(): void {
  const head = $('head');
  head.replaceChildren(...columns.map((c) => {
    const th = document.createElement('div');
    th.className = `cell ${c.kind} col-${c.key}`;
    th.setAttribute('role', 'columnheader');
    // The short header (a line break where it takes two lines); the full name in the tooltip.
    const text = document.createElement('span');
    text.textContent = c.short ?? c.label;
    if (c.key === sortKey) {
      const arrow = document.createElement('span');
      arrow.className = 'arrow';
      arrow.textContent = ascending ? '▲' : '▼';
      text.append(arrow);
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    }
    th.append(text);
    th.title = labels.sortBy ? labels.sortBy.replace('{name}', c.label) : c.label;
    th.setAttribute('aria-label', c.label);
    th.addEventListener('click', () => {
      ascending = sortKey === c.key ? !ascending : c.kind === 'text';
      sortKey = c.key;
      header();
      applyFilters();
    });
    return th;
  }));
}

/** The columns' widths: a figure's column (and year, format) as wide as its header's longest line
 *  or its widest figure (the sort arrow sits under the header, taking no width); file, agency and status as wide as their
 *  longest text when the editor has room, else down to a floor (cut with an ellipsis, the whole text
 *  in the cell's tooltip). The table is as wide as the editor, or as the columns at their narrowest:
 *  then it scrolls sideways, the file column staying in view. */
const CELL_PAD = 11;
const TEXT_COLUMNS: Record<string, { floor: number; cap: number }> = { file: { floor: 130, cap: 420 }, agency: { floor: 110, cap: 320 }, status: { floor: 90, cap: 360 } };
let measurer: CanvasRenderingContext2D | null = null;
/** Per column, the longest value seen (by its look), so that an update looks at its rows only. */
let longest: Array<{ text: string; weight: number }> = [];
function fitColumns(changed?: readonly Row[]): void {
  measurer ??= document.createElement('canvas').getContext('2d');
  const style = getComputedStyle(document.body);
  const measure = (text: string, weight: string) => {
    if (!measurer) return text.length * 8;
    measurer.font = `${weight} ${style.fontSize} ${style.fontFamily}`;
    return measurer.measureText(text).width;
  };
  // The longest value by its look (a CJK character about two Latin ones), measured once.
  const widthOf = (s: string) => {
    let n = 0;
    for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) > 0x2e80 ? 2 : 1;
    return n;
  };
  // An update widens a column when one of its rows has a longer value; it never narrows one (the
  // table does not jump under the reader's eyes).
  if (!changed) longest = columns.map(() => ({ text: '', weight: 0 }));
  let wider = false;
  for (const r of changed ?? rows) {
    columns.forEach((c, i) => {
      const v = format(r.values[i] ?? null, c.kind);
      const w = widthOf(v);
      const at = longest[i] as { text: string; weight: number };
      if (w > at.weight) (at.text = v), (at.weight = w), (wider = true);
    });
  }
  if (changed && !wider) return;
  widths = columns.map((c, i) => {
    const lines = (c.short ?? c.label).split('\n');
    const head = Math.max(...lines.map((l) => measure(l, '600')));
    const content = Math.ceil(Math.max(head, measure(longest[i]?.text ?? '', 'normal')) + CELL_PAD);
    const text = TEXT_COLUMNS[c.key];
    if (!text) return { min: content, max: content };
    const min = Math.max(Math.ceil(head + CELL_PAD), Math.min(text.floor, content));
    return { min, max: Math.max(min, Math.min(text.cap, content)) };
  });
  layoutColumns();
}

/** Each column's narrowest and widest width (the same for a figure's column). */
let widths: Array<{ min: number; max: number }> = [];
let laidOut = '';
/** The widths in pixels for the table's width now (fixed tracks: the rows lay out faster than with
 *  minmax()): the room beyond the narrowest widths goes to the agency, then the file, then the status
 *  (its long reasons are read in the tooltip), each up to its widest text. Again when the table's
 *  width changes. */
const GROWS = ['agency', 'file', 'status'];
function layoutColumns(): void {
  const room = $('scroller').clientWidth;
  let left = room - widths.reduce((n, w) => n + w.min, 0);
  const px = widths.map((w) => w.min);
  for (const key of GROWS) {
    const i = columns.findIndex((c) => c.key === key);
    const w = widths[i];
    if (!w || left <= 0) continue;
    const more = Math.min(left, w.max - w.min);
    px[i] = w.min + more;
    left -= more;
  }
  const key = `${px.join(' ')}|${room}`;
  if (key === laidOut) return;
  laidOut = key;
  const grid = $('grid');
  grid.style.setProperty('--columns', px.map((w) => `${w}px`).join(' '));
  grid.style.width = `${Math.max(room, px.reduce((n, w) => n + w, 0))}px`;
}

// ---- each agency, year over year
interface ChainYear { year: number; row: Row; carryBreak: boolean; stockBreak: boolean }
const charts: Chart[] = [];
let chainKey = '';

function chains(): Map<string, ChainYear[]> {
  const at = (key: string) => columns.findIndex((c) => c.key === key);
  const [agency, year, carriedIn, carriedOut] = [at('agency'), at('year'), at('carriedIn'), at('carriedOut')];
  const by = new Map<string, Row[]>();
  for (const r of rows) {
    const a = r.values[agency];
    if (r.state !== 'checked' || typeof a !== 'string' || typeof r.values[year] !== 'number') continue;
    const list = by.get(a);
    if (list) list.push(r);
    else by.set(a, [r]);
  }
  const out = new Map<string, ChainYear[]>();
  for (const [a, list] of by) {
    if (new Set(list.map((r) => r.values[year])).size < 2) continue;
    const sorted = [...list].sort((x, y) => (x.values[year] as number) - (y.values[year] as number));
    out.set(a, sorted.map((row, i) => {
      const before = sorted[i - 1];
      const y = row.values[year] as number;
      const last = before && before.values[year] === y - 1 ? before.values[carriedOut] : null;
      const now = row.values[carriedIn];
      // I5 from the figures, or said by the carry-over rule; I6 said by the stock rule.
      const carryBreak = (typeof last === 'number' && typeof now === 'number' && last !== now) || row.rules.includes('carry-over');
      return { year: y, row, carryBreak, stockBreak: row.rules.includes('stock') };
    }));
  }
  return out;
}

function drawChains(): void {
  const all = chains();
  const select = $<HTMLSelectElement>('agency');
  const names = [...all.keys()].sort(collate);
  options(select, names.length ? '—' : labels.noChains, names);
  if (!select.value && names.length) select.value = names[0] as string;
  const chain = all.get(select.value);
  // Drawn again only when what it shows changed (an edit elsewhere leaves the charts alone).
  const key = JSON.stringify([select.value, (chain ?? []).map((y) => [y.year, y.row.uri, y.row.values, y.carryBreak, y.stockBreak])]);
  if (key === chainKey) return;
  chainKey = key;
  for (const c of charts.splice(0)) c.destroy();
  $('years').replaceChildren(...(chain ?? []).map((y) => {
    const li = document.createElement('li');
    li.textContent = `${y.year}  ${format(y.row.values[0] ?? null, 'text')}${y.carryBreak ? `  ⚠ ${labels.carryBreak}` : ''}${y.stockBreak ? `  ⚠ ${labels.stockBreak}` : ''}`;
    if (y.carryBreak || y.stockBreak) li.className = 'break';
    li.addEventListener('click', () => vscode.postMessage({ type: 'open', uri: y.row.uri, first: y.row.first }));
    return li;
  }));
  if (!chain) return;
  const { colour, text, grid } = ink();
  drawnInk = `${colour} ${text} ${grid}`;
  const at = (key: string) => columns.findIndex((c) => c.key === key);
  for (const [canvas, key, title, percent] of [['chart-received', 'received', labels.received, false], ['chart-handled', 'handled', labels.handled, false], ['chart-rate', 'disclosureRate', labels.rate, true]] as const) {
    charts.push(new Chart($<HTMLCanvasElement>(canvas), {
      type: 'bar',
      data: { labels: chain.map((y) => String(y.year)), datasets: [{ label: title, data: chain.map((y) => { const v = y.row.values[at(key)]; return typeof v === 'number' ? (percent ? Math.round(v * 1000) / 10 : v) : null; }), backgroundColor: colour }] },
      options: { animation: false, responsive: false, plugins: { tooltip: { enabled: true } }, scales: { x: { ticks: { color: text }, grid: { color: grid } }, y: { beginAtZero: true, ticks: { color: text }, grid: { color: grid }, ...(percent ? { max: 100 } : {}) } } },
    }));
    // The colours it was drawn with (what the UI test compares with the theme's).
    const drawnOn = $<HTMLCanvasElement>(canvas);
    drawnOn.dataset.bar = colour;
    drawnOn.dataset.ink = text;
  }
}

/** The charts' colours, from the theme in force. */
function ink(): { colour: string; text: string; grid: string } {
  const style = getComputedStyle(document.body);
  const v = (name: string) => style.getPropertyValue(name).trim();
  return { colour: v('--vscode-charts-blue') || v('--vscode-focusBorder') || '#3794ff', text: v('--vscode-foreground') || '#888', grid: v('--vscode-panel-border') || v('--vscode-widget-border') || 'rgba(128,128,128,.25)' };
}
let drawnInk = '';

// A theme change (VS Code sets the body's class, vscode-light / vscode-dark / vscode-high-contrast,
// and the --vscode-* variables on the page's root) draws the charts again in the new colours: a
// canvas keeps the colours it was drawn with.
const themeChanged = () => {
  if (!labels || !drawnInk) return;
  const now = ink();
  if (`${now.colour} ${now.text} ${now.grid}` === drawnInk) return;
  chainKey = '';
  drawChains();
};
const watchTheme = new MutationObserver(themeChanged);
watchTheme.observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id', 'data-vscode-theme-kind'] });
watchTheme.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });

function options(select: HTMLSelectElement, first: string, values: string[]): void {
  const current = select.value;
  select.replaceChildren(new Option(first, ''), ...values.map((v) => new Option(v, v)));
  select.value = values.includes(current) ? current : '';
}

function refreshChoices(): void {
  const yearAt = columns.findIndex((c) => c.key === 'year');
  options($<HTMLSelectElement>('year'), labels.allYears, [...new Set(rows.map((r) => r.values[yearAt]).filter((y) => y !== null).map(String))].sort());
  options($<HTMLSelectElement>('rule'), labels.allRules, [...new Set(rows.flatMap((r) => r.rules))].sort());
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as ViewMessage;
  if (m.type === 'trust') {
    showTrust(m.untrusted);
    return;
  }
  if (m.type === 'findings') {
    if (labels.review) showFindings(m, labels.review, columns, (x) => vscode.postMessage(x));
    return;
  }
  if (m.type === 'init') {
    ({ columns, rows, labels } = m);
    showTrust(m.untrusted ?? null);
    $<HTMLInputElement>('filter').placeholder = labels.filter;
    const severity = $<HTMLSelectElement>('severity');
    $('chains-title').textContent = labels.chains;
    $('cap-received').textContent = labels.received;
    $('cap-handled').textContent = labels.handled;
    $('cap-rate').textContent = labels.rate;
    severity.replaceChildren(new Option(labels.anySeverity, ''), new Option(labels.withErrors, 'error'), new Option(labels.withWarnings, 'warning'), new Option(labels.withProblems, 'any'),
      new Option(labels.withOpen, 'open'), new Option(labels.withConfirmed, 'confirmed'), new Option(labels.withDismissed, 'dismissed'));
    $('body').replaceChildren();
    header();
  } else {
    // Rows of files that changed, by URI; new files appended.
    const byUri = new Map(m.rows.map((r) => [r.uri, r]));
    rows = rows.map((r) => {
      const changed = byUri.get(r.uri);
      byUri.delete(r.uri);
      return changed ?? r;
    });
    rows.push(...byUri.values());
    fitColumns(m.rows);
  }
  if (m.type === 'init') fitColumns();
  refreshChoices();
  applyFilters();
  drawChains();
});

/** Restricted Mode: why the PDF and Word files are not read yet, and the way to trust the workspace. */
function showTrust(untrusted: Untrusted | null): void {
  const notice = $('trust');
  notice.hidden = !untrusted;
  if (!untrusted) return;
  $('trust-text').textContent = untrusted.text;
  $('trust-button').textContent = untrusted.action;
}
$('trust-button').addEventListener('click', () => vscode.postMessage({ type: 'manageTrust' }));
$('agency').addEventListener('change', drawChains);

for (const id of ['filter', 'year', 'severity', 'rule']) $(id).addEventListener(id === 'filter' ? 'input' : 'change', applyFilters);
$('scroller').addEventListener('scroll', draw);
$('body').addEventListener('click', activate);
$('body').addEventListener('keydown', (e) => {
  // (Enter on the review button is its click.)
  if (e.key === 'Enter' && !(e.target as HTMLElement).closest('button')) activate(e);
});
$('findings-close').addEventListener('click', () => {
  closeFindings();
  vscode.postMessage({ type: 'findings', uri: null });
});
// The editor resized, or the table's own vertical scrollbar came or went (its rows filled in): the
// columns are laid out again for the room there is now.
new ResizeObserver(() => {
  if (widths.length) layoutColumns();
  draw();
}).observe($('scroller'));
document.querySelectorAll<HTMLButtonElement>('button[data-export]').forEach((b) => b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: b.dataset.export as ExportFormat })));
vscode.postMessage({ type: 'ready' });
