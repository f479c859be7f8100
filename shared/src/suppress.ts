// Inline suppression comments, as markdownlint has them, in layouts that have comments (Markdown,
// HTML; honoured wherever they are written):
//   <!-- gov-report-disable row-total -->  …  <!-- gov-report-enable row-total -->
//   <!-- gov-report-disable-next-line row-total -->
// No rule names means every rule. Lines are 0-based.

const COMMENT = /<!--\s*gov-report-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

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
  for (const m of text.matchAll(COMMENT)) {
    const kind = m[1] as string;
    const names = (m[2] as string).split(/[\s,]+/).filter(Boolean);
    const ids = names.length ? names : ['*'];
    const line = lineOf(m.index);
    const endLine = lineOf(m.index + m[0].length);
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
  return {
    silenced: (ruleId, line) => intervals.some((i) => (i.rule === '*' || i.rule === ruleId) && line >= i.from && line < i.to),
  };
}
