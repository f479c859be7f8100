// Inline suppression comments, as markdownlint has them, in layouts that have comments (Markdown,
// HTML; honoured wherever they are written):
//   <!-- gov-report-disable row-total -->  …  <!-- gov-report-enable row-total -->
//   <!-- gov-report-disable-next-line row-total -->
// No rule names means every rule. Lines are 0-based.

/** The comments, by a forward scan: each "<!--" is closed by the first "-->" after it, found
 *  once (no pattern that rescans the rest of the text for every unclosed comment). */
function* comments(text: string): Generator<{ index: number; end: number; kind: string; names: string; namesAt: number }> {
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
    if (m) yield { index: open, end: close + 3, kind: m[1] as string, names: m[2] as string, namesAt: open + 4 + inner.search(/\S/) + 11 + (m[1] as string).length };
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
  /** Is a finding of `ruleId` starting on `line` silenced? */
  silenced(ruleId: string, line: number): boolean;
}

const NONE: Suppressions = { silenced: () => false };

export function suppressionsOf(text: string, lineOf: (offset: number) => number): Suppressions {
  if (!text.includes('gov-report-')) return NONE;
  // Per rule ('*' for all): line intervals [from, to).
  const intervals: Array<{ rule: string; from: number; to: number }> = [];
  const open = new Map<string, number>();
  for (const c of comments(text)) {
    const kind = c.kind;
    const names = c.names.split(/[\s,]+/).filter(Boolean);
    const ids = names.length ? names : ['*'];
    const line = lineOf(c.index);
    const endLine = lineOf(c.end);
    for (const id of ids) {
      if (kind === 'disable-next-line') intervals.push({ rule: id, from: endLine + 1, to: endLine + 2 });
      else if (kind === 'disable') {
        if (!open.has(id)) open.set(id, line);
      } else {
        const from = open.get(id);
        if (from !== undefined) {
          intervals.push({ rule: id, from, to: line + 1 });
          open.delete(id);
        } else if (id === '*') {
          // "enable" without names closes every open rule.
          for (const [rule, start] of open) intervals.push({ rule, from: start, to: line + 1 });
          open.clear();
        }
      }
    }
  }
  for (const [rule, from] of open) intervals.push({ rule, from, to: Number.POSITIVE_INFINITY });
  if (intervals.length === 0) return NONE;
  // Per rule, the intervals merged and sorted: a finding is looked up by binary search.
  const byRule = new Map<string, Array<[number, number]>>();
  for (const i of intervals) {
    const list = byRule.get(i.rule);
    if (list) list.push([i.from, i.to]);
    else byRule.set(i.rule, [[i.from, i.to]]);
  }
  for (const [rule, list] of byRule) byRule.set(rule, merge(list));
  const inside = (list: Array<[number, number]> | undefined, line: number) => {
    if (!list) return false;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [from, to] = list[mid] as [number, number];
      if (line < from) hi = mid - 1;
      else if (line >= to) lo = mid + 1;
      else return true;
    }
    return false;
  };
  return { silenced: (ruleId, line) => inside(byRule.get('*'), line) || inside(byRule.get(ruleId), line) };
}

function merge(list: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
