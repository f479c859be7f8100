// Inline suppression comments, as markdownlint has them, in layouts that have comments (Markdown,
// HTML; honoured wherever they are written):
//   <!-- gov-report-disable row-total -->  …  <!-- gov-report-enable row-total -->
//   <!-- gov-report-disable-next-line row-total -->
//   <!-- gov-report-disable-next-line row-total -- 口径不同，已与办公室核实 -->
// No rule names means every rule. After " -- ", as ESLint writes it, the reason: kept with the
// findings it silences (SARIF's justification). Lines are 0-based.

/** The comments, by a forward scan: each "<!--" is closed by the first "-->" after it, found
 *  once (no pattern that rescans the rest of the text for every unclosed comment). */
function* comments(text: string): Generator<{ index: number; end: number; kind: string; names: string; namesAt: number; reason?: string }> {
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return;
    from = close + 3;
    const inner = text.slice(open + 4, close);
    const body = inner.trim();
    const m = /^gov-report-(disable-next-line|disable|enable)(?![\w-])([\s\S]{0,500})$/.exec(body);
    if (!m) continue;
    const rest = m[2] as string;
    const dashes = rest.search(/(?:^|\s)--(?:\s|$)/);
    const names = dashes < 0 ? rest : rest.slice(0, dashes);
    const reason = dashes < 0 ? undefined : rest.slice(dashes).replace(/^\s*--/, '').trim() || undefined;
    yield { index: open, end: close + 3, kind: m[1] as string, names, namesAt: open + 4 + inner.search(/\S/) + 11 + (m[1] as string).length, ...(reason ? { reason } : {}) };
  }
}

/** The rule names written in suppression comments, with where each stands (to say a misspelt one). */
export function suppressionNames(text: string): Array<{ name: string; start: number; end: number }> {
  if (!text.includes('gov-report-')) return [];
  const out: Array<{ name: string; start: number; end: number }> = [];
  for (const c of comments(text)) {
    for (const m of c.names.matchAll(/[^\s,]+/g)) out.push({ name: m[0], start: c.namesAt + (m.index ?? 0), end: c.namesAt + (m.index ?? 0) + m[0].length });
  }
  return out;
}

export interface Suppressions {
  /** The comment that silences a finding of `ruleId` starting on `line`, with its reason, if one does. */
  silencing(ruleId: string, line: number): { reason?: string } | undefined;
  /** The disable comments written without a reason (for `requireReason`). */
  unexplained: Array<{ start: number; end: number }>;
}

const NONE: Suppressions = { silencing: () => undefined, unexplained: [] };

export function suppressionsOf(text: string, lineOf: (offset: number) => number): Suppressions {
  if (!text.includes('gov-report-')) return NONE;
  // Per rule ('*' for all): line intervals [from, to), each with the reason of the comment that opened it.
  const intervals: Interval[] = [];
  const open = new Map<string, { line: number; reason?: string }>();
  const unexplained: Suppressions['unexplained'] = [];
  for (const c of comments(text)) {
    const kind = c.kind;
    const names = c.names.split(/[\s,]+/).filter(Boolean);
    const ids = names.length ? names : ['*'];
    const line = lineOf(c.index);
    const endLine = lineOf(c.end);
    const reason = c.reason;
    if (kind !== 'enable' && !reason) unexplained.push({ start: c.index, end: c.end });
    for (const id of ids) {
      if (kind === 'disable-next-line') intervals.push({ rule: id, from: endLine + 1, to: endLine + 2, reason });
      else if (kind === 'disable') {
        if (!open.has(id)) open.set(id, { line, reason });
      } else {
        const from = open.get(id);
        if (from !== undefined) {
          intervals.push({ rule: id, from: from.line, to: line + 1, reason: from.reason });
          open.delete(id);
        } else if (id === '*') {
          // "enable" without names closes every open rule.
          for (const [rule, start] of open) intervals.push({ rule, from: start.line, to: line + 1, reason: start.reason });
          open.clear();
        }
      }
    }
  }
  for (const [rule, from] of open) intervals.push({ rule, from: from.line, to: Number.POSITIVE_INFINITY, reason: from.reason });
  if (intervals.length === 0) return { ...NONE, unexplained };
  // Per rule, the intervals merged and sorted: a finding is looked up by binary search.
  const byRule = new Map<string, Interval[]>();
  for (const i of intervals) {
    const list = byRule.get(i.rule);
    if (list) list.push(i);
    else byRule.set(i.rule, [i]);
  }
  for (const [rule, list] of byRule) byRule.set(rule, merge(list));
  return { silencing: (ruleId, line) => covering(byRule.get(ruleId), line) ?? covering(byRule.get('*'), line), unexplained };
}

interface Interval {
  rule: string;
  from: number;
  to: number;
  reason?: string;
}

/** The merged interval that covers `line`, with its reason. */
function covering(list: Interval[] | undefined, line: number): { reason?: string } | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = list[mid] as Interval;
    if (line < i.from) hi = mid - 1;
    else if (line >= i.to) lo = mid + 1;
    else return i.reason ? { reason: i.reason } : {};
  }
  return undefined;
}

/** Overlapping intervals as one, keeping a reason one of them gave. */
function merge(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.from - b.from);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) {
      last.to = Math.max(last.to, i.to);
      last.reason ??= i.reason;
    } else out.push({ ...i });
  }
  return out;
}
