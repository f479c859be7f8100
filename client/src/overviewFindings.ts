/// <reference lib="dom" />
// The overview page's list of one report's problems (runs in the webview), below the table: each
// problem's place (a click opens the report there), rule and message, and the reviewer's decision on
// it, or the two buttons that record one, named as the quick actions on a problem are (确认问题,
// 排除（填写理由）…). The page never prompts: the extension asks for the reason to dismiss, records the
// decision and sends the list again with the row's new counts.
import type { DecidableFinding, OverviewColumn, PageMessage, ReviewLabels, ViewMessage } from '../../shared/src/protocol';

type Listed = Extract<ViewMessage, { type: 'findings' }>;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
/** The finding whose decision was asked for last (its item keeps the focus when the list comes back). */
let decided: string | undefined;

/** Lists the problems of a report (the list replaced, the section shown). */
export function showFindings(m: Listed, labels: ReviewLabels, columns: readonly OverviewColumn[], post: (m: PageMessage) => void): void {
  const section = $('findings');
  section.hidden = false;
  section.dataset.uri = m.uri;
  $('findings-title').textContent = labels.title.replace('{file}', m.file);
  $('findings-close').textContent = labels.close;
  // The severity in the words of the table's columns (错误, 警告, 提示).
  const severity = (s: DecidableFinding['severity']) => columns.find((c) => c.key === `${s}s`)?.label ?? s;
  const items = m.findings.map((f) => item(m.uri, f, labels, severity(f.severity), post));
  if (!items.length) {
    const none = document.createElement('li');
    none.className = 'none';
    none.textContent = labels.none;
    items.push(none);
  }
  $('finding-list').replaceChildren(...items);
  section.scrollIntoView({ block: 'nearest' });
  const again = decided === undefined ? undefined : $('finding-list').querySelector<HTMLElement>(`li[data-fingerprint="${CSS.escape(decided)}"]`);
  decided = undefined;
  again?.focus();
}

export function closeFindings(): void {
  $('findings').hidden = true;
  $('finding-list').replaceChildren();
  decided = undefined;
}

function item(uri: string, f: DecidableFinding, labels: ReviewLabels, severity: string, post: (m: PageMessage) => void): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `finding ${f.severity}${f.decision ? ` ${f.decision}` : ''}`;
  li.dataset.fingerprint = f.fingerprint;
  li.tabIndex = -1;
  const place = document.createElement('button');
  place.type = 'button';
  place.className = 'place';
  place.textContent = `${f.line}:${f.column}${f.place ? ` ${f.place}` : ''}`;
  place.addEventListener('click', () => post({ type: 'open', uri, first: { line: f.line, column: f.column } }));
  const sev = span('severity', severity);
  const rule = span('rule', f.rule);
  const text = span('message', f.message);
  text.title = f.message;
  li.append(sev, place, rule, text, decision(uri, f, labels, li, post));
  return li;
}

/** The decision recorded, or the buttons that record one (disabled once clicked, until the list comes back). */
function decision(uri: string, f: DecidableFinding, labels: ReviewLabels, li: HTMLElement, post: (m: PageMessage) => void): HTMLElement {
  if (f.decision === 'confirmed') return span('decision', labels.confirmed);
  if (f.decision === 'dismissed') return span('decision', labels.dismissed.replace('{reason}', f.reason ?? ''));
  const actions = document.createElement('span');
  actions.className = 'actions';
  for (const [choice, title] of [['confirmed', labels.confirm], ['dismissed', labels.dismiss]] as const) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.decision = choice;
    b.textContent = title;
    b.disabled = !f.fingerprint;
    b.addEventListener('click', () => {
      actions.querySelectorAll('button').forEach((x) => (x.disabled = true));
      decided = f.fingerprint;
      li.setAttribute('aria-busy', 'true');
      post({ type: 'decide', uri, fingerprint: f.fingerprint, decision: choice });
    });
    actions.append(b);
  }
  return actions;
}

function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}
