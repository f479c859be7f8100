/// <reference lib="dom" />
// The overview's page (runs in the webview): a sortable, filterable table of the reports, drawn a
// screenful at a time so that a thousand rows never stall; a click opens the report at its first
// problem. Colours come from the theme (--vscode-* variables).
declare function acquireVsCodeApi(): { postMessage(m: unknown): void };

interface Column { key: string; label: string; kind: 'text' | 'count' | 'rate' }
interface Row { uri: string; values: Array<string | number | null>; state: string; counts: { error: number; warning: number; info: number }; rules: string[]; first: { line: number; column: number } | null }
interface Labels { filter: string; allYears: string; anySeverity: string; withErrors: string; withWarnings: string; withProblems: string; allRules: string; shown: string; exportAs: string }

const vscode = acquireVsCodeApi();
const ROW_HEIGHT = 26;
let columns: Column[] = [];
let rows: Row[] = [];
let labels: Labels;
let sortKey = 'file';
let ascending = true;
let shown: Row[] = [];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

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
    const c = numeric ? (x as number) - (y as number) : String(x).localeCompare(String(y), 'zh-CN');
    return ascending ? c : -c;
  });
  $('count').textContent = labels.shown.replace('{shown}', String(shown.length)).replace('{total}', String(rows.length));
  $('spacer').style.height = `${shown.length * ROW_HEIGHT}px`;
  draw();
}

/** Only the rows in view (and a few around) are in the page. */
function draw(): void {
  const body = $('body');
  const scroller = $('scroller');
  const top = Math.max(0, scroller.scrollTop - $('head').offsetHeight);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - 10);
  const last = Math.min(shown.length, first + Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 20);
  body.style.transform = `translateY(${first * ROW_HEIGHT}px)`;
  body.replaceChildren(...shown.slice(first, last).map((r) => {
    const tr = document.createElement('div');
    tr.className = `row ${r.state}${r.counts.error ? ' has-errors' : ''}`;
    tr.setAttribute('role', 'row');
    tr.tabIndex = 0;
    tr.dataset.uri = r.uri;
    for (const [i, c] of columns.entries()) {
      const td = document.createElement('div');
      td.className = `cell ${c.kind} col-${c.key}`;
      td.setAttribute('role', 'cell');
      td.textContent = format(r.values[i] ?? null, c.kind);
      td.title = td.textContent;
      tr.append(td);
    }
    const open = () => vscode.postMessage({ type: 'open', uri: r.uri, first: r.first });
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') open();
    });
    return tr;
  }));
}

function header(): void {
  const head = $('head');
  head.replaceChildren(...columns.map((c) => {
    const th = document.createElement('div');
    th.className = `cell ${c.kind} col-${c.key}`;
    th.setAttribute('role', 'columnheader');
    th.textContent = c.label + (c.key === sortKey ? (ascending ? ' ▲' : ' ▼') : '');
    th.addEventListener('click', () => {
      ascending = sortKey === c.key ? !ascending : c.kind === 'text';
      sortKey = c.key;
      header();
      applyFilters();
    });
    return th;
  }));
}

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
  const m = e.data as { type: 'init'; columns: Column[]; rows: Row[]; labels: Labels } | { type: 'update'; rows: Row[] };
  if (m.type === 'init') {
    ({ columns, rows, labels } = m);
    $<HTMLInputElement>('filter').placeholder = labels.filter;
    const severity = $<HTMLSelectElement>('severity');
    severity.replaceChildren(new Option(labels.anySeverity, ''), new Option(labels.withErrors, 'error'), new Option(labels.withWarnings, 'warning'), new Option(labels.withProblems, 'any'));
    header();
  } else {
    // Rows of files that changed, by URI; new files appended.
    const byUri = new Map(m.rows.map((r) => [r.uri, r]));
    rows = rows.map((r) => byUri.get(r.uri) ?? r);
    for (const r of m.rows) if (!rows.some((x) => x.uri === r.uri)) rows.push(r);
  }
  refreshChoices();
  applyFilters();
});

for (const id of ['filter', 'year', 'severity', 'rule']) $(id).addEventListener(id === 'filter' ? 'input' : 'change', applyFilters);
$('scroller').addEventListener('scroll', draw);
window.addEventListener('resize', draw);
document.querySelectorAll<HTMLButtonElement>("button[data-export]").forEach((b) => b.addEventListener("click", () => vscode.postMessage({ type: "export", format: b.dataset.export })));
vscode.postMessage({ type: 'ready' });
