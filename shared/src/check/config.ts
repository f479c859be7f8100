// The configuration file shared by the editor and the command line: `.gov-report.json` (or a
// "gov-report" key in package.json), found in the report's folder or the nearest one above it.
// Validated with zod; the JSON schema contributed to VS Code is generated from the same rules.
import * as z from 'zod/mini';
import type { ReportModel, TableRow } from '../model';
import { rules } from '../rules/index';
import type { Finding } from '../rules/types';
import { spec, table2RowsFor } from '../format/data';
import { nearest, norm } from '../text';

export const CONFIG_FILE = '.gov-report.json';

const Severity = z.enum(['off', 'info', 'warning', 'error']);

/** One finding silenced where no comment can be written (plain text): by rule and what it is about. */
const IgnoreEntry = z.object({
  rule: z.string(),
  /** A table row by its label ("（一）予以公开", as written or as the format names it). */
  row: z.optional(z.string()),
  /** A section by its numeral ("五") or title. */
  section: z.optional(z.string()),
  /** Text on the finding's line. */
  text: z.optional(z.string()),
});
export type IgnoreEntry = z.infer<typeof IgnoreEntry>;

export const ConfigSchema = z.strictObject({
  $schema: z.optional(z.string()),
  /** A note for the people who keep the file (JSON has no comments). */
  $comment: z.optional(z.string()),
  /** Severity per rule id. */
  rules: z.optional(z.record(z.string(), Severity)),
  /** Files not to check (globs, relative to the configuration file's folder). */
  ignoreFiles: z.optional(z.array(z.string())),
  /** Findings not to report. */
  ignoreFindings: z.optional(z.array(IgnoreEntry)),
  /** The format a report is checked against when its tables do not show it. */
  format: z.optional(z.enum(['2019', '2021'])),
  /** Language of the messages. */
  language: z.optional(z.enum(['zh-CN', 'en'])),
  /** A suppression comment must give its reason (" -- …"); one that does not is a finding. */
  requireReason: z.optional(z.boolean()),
});
export type Config = z.infer<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; error: string };

/** Parses the text of a configuration file (or a package.json, taking its "gov-report" key). */
export function parseConfig(source: string, isPackageJson = false): ConfigResult | undefined {
  // A file saved with a byte order mark (as Notepad does) is the same file.
  const text = source.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // Said by line and column, as an editor shows them, not by character offset.
    const offset = jsonErrorOffset(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const found = offset < text.length ? `"${text.charAt(offset)}"` : 'end of file';
    return { ok: false, error: `JSON ${line}:${column}: unexpected ${found} (${(e as Error).message.split('\n')[0]?.slice(0, 80)})` };
  }
  if (isPackageJson) {
    if (typeof raw !== 'object' || raw === null || !('gov-report' in raw)) return undefined;
    raw = (raw as Record<string, unknown>)['gov-report'];
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || '(root)'}: ${issue ? describe(issue) : 'invalid'}` };
  }
  // Rule ids are checked on the file's own keys ("__proto__" included), in "rules" and in the
  // ignore list: a misspelt id silences nothing, and says so.
  const rawRules = (raw as { rules?: unknown }).rules;
  const unknown = Object.keys(typeof rawRules === 'object' && rawRules !== null ? rawRules : {}).filter((id) => !knownRule(id));
  if (unknown.length) return { ok: false, error: `rules: unknown rule ${unknown.map((u) => `"${u}"`).join(', ')}${suggest(unknown[0] as string)}` };
  const unknownIgnored = (parsed.data.ignoreFindings ?? []).map((e) => e.rule).filter((id) => id !== '*' && !knownRule(id));
  if (unknownIgnored.length) return { ok: false, error: `ignoreFindings: unknown rule ${unknownIgnored.map((u) => `"${u}"`).join(', ')}${suggest(unknownIgnored[0] as string)}` };
  return { ok: true, config: parsed.data };
}

const knownRule = (id: string) => rules.some((r) => r.id === id);

/** Where JSON text first goes wrong: a small recursive-descent reader (JSON.parse does not say). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text.charAt(i))) i++; };
  const fail = (): never => { throw i; };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 32) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail();
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (c === '{') { ws(); string(); ws(); if (text[i] !== ':') fail(); i++; }
        value(depth + 1);
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === close) { i++; return; }
        fail();
      }
    }
    if (c === '"') return string();
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    m.lastIndex = i;
    if (!m.exec(text)) fail();
    i = m.lastIndex;
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail();
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : 0;
  }
  return text.length;
}

/** " (did you mean "heading-level"?)" for an id one or two letters off a rule's. */
export function suggest(id: string): string {
  const near = nearest(id, rules.map((r) => r.id));
  return near ? ` (did you mean "${near}"?)` : '';
}

/** Does an ignore entry cover this finding? Every field given must match. */
export function ignored(entries: readonly IgnoreEntry[], finding: Finding, model: ReportModel): boolean {
  const relevant = entries.filter((e) => e.rule === finding.ruleId || e.rule === '*');
  if (relevant.length === 0) return false;
  const text = model.text;
  const lineStart = text.lastIndexOf('\n', finding.range.start - 1) + 1;
  const nl = text.indexOf('\n', finding.range.start);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl);
  const row = rowAt(model, lineStart, nl < 0 ? text.length : nl, finding.range.start);
  const section = model.sections.filter((s) => s.range.start <= finding.range.start).pop();
  return relevant.some((e) => {
    if (e.text !== undefined && !line.includes(e.text)) return false;
    if (e.row !== undefined && !(row && rowNames(row).includes(norm(e.row)))) return false;
    if (e.section !== undefined) {
      if (!section) return false;
      const s = spec.sections.find((x) => x.number === section.number);
      const want = norm(e.section);
      if (want !== s?.numeral && want !== norm(section.title) && want !== norm(s?.title ?? '')) return false;
    }
    return true;
  });
}

function rowAt(model: ReportModel, from: number, to: number, offset = from): { row: TableRow; table: string } | undefined {
  // The row whose cell holds the finding, else a row with cells on its line, else a label there
  // (a group label such as 三、本年度办理结果 shares its line with the first row under it).
  const all = Object.values(model.tables).flatMap((t) => (t ? t.rows.map((row) => ({ row, table: t.id as string })) : []));
  const on = (o: number) => o >= from && o <= to;
  return all.find((x) => x.row.cells.some((c) => offset >= c.range.start && offset <= c.range.end && on(c.range.start)))
    ?? all.find((x) => x.row.cells.some((c) => on(c.range.start)) && on(x.row.labelRange.start))
    ?? all.find((x) => x.row.cells.some((c) => on(c.range.start)))
    ?? all.find((x) => on(x.row.labelRange.start));
}

/** What an ignore entry's "row" may say: the label as written, the format's label, short or full;
 *  表3's single data row is "表3". */
function rowNames(at: { row: TableRow; table: string }): string[] {
  const r = at.row;
  const specLabel = [...table2RowsFor('2021'), ...table2RowsFor('2019')].find((x) => x.id === r.rowId)?.label;
  const names = [r.label, r.readAs, specLabel, at.table === 'table3' ? '表3' : undefined].filter((x): x is string => !!x);
  return names.flatMap((l) => [norm(l), norm(l.replace(/(?<=.)（[^（）]*）$/u, ''))]);
}

/**
 * The entry that silences this finding and survives edits: keyed by rule and by what the finding is
 * about (the row's label, else the section), never by line number.
 */
export function ignoreEntryFor(finding: Finding, model: ReportModel): IgnoreEntry {
  const text = model.text;
  const lineStart = text.lastIndexOf('\n', finding.range.start - 1) + 1;
  const nl = text.indexOf('\n', finding.range.start);
  const lineEnd = nl < 0 ? text.length : nl;
  const at = rowAt(model, lineStart, lineEnd, finding.range.start);
  if (at) {
    const name = at.table === 'table3' ? '表3' : (at.row.readAs ?? at.row.label).replace(/(?<=.)（[^（）]*）$/u, '');
    if (name.trim()) return { rule: finding.ruleId, row: name.trim() };
  }
  const section = model.sections.filter((s) => s.range.start <= finding.range.start).pop();
  const line = text.slice(lineStart, lineEnd).trim();
  const quote = line.length > 0 ? line.slice(0, 30) : undefined;
  if (section) {
    const numeral = spec.sections.find((s) => s.number === section.number)?.numeral ?? String(section.number);
    return { rule: finding.ruleId, section: numeral, ...(quote && !headingLine(section, lineStart) ? { text: quote } : {}) };
  }
  return quote ? { rule: finding.ruleId, text: quote } : { rule: finding.ruleId };
}

function headingLine(section: ReportModel['sections'][number], lineStart: number): boolean {
  return section.headingRange.start >= lineStart && section.headingRange.start <= lineStart + 8;
}

/** zod/mini carries no message texts: say what is wrong from the issue itself. */
function describe(issue: { code?: string; message: string }): string {
  const i = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case 'unrecognized_keys': return `unknown key ${(i.keys as string[]).map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value': return `expected one of ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type': return `expected ${String(i.expected)}`;
    default: return issue.message;
  }
}
