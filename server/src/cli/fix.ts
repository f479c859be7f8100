// `check --fix`: the determined fixes applied to a text report in place (or, with --dry-run, shown
// as a unified diff). The file is written in its own encoding, beside and renamed over, and only if
// it is still what was read.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { encodeReport, fixAll, LineIndex, message, pick, type CheckOptions, type Encoding, type Lang } from '../../../shared/src/index';
import { unifiedDiff } from '../diff';

export interface FixInput {
  /** The file's path (to write), and its name as said. */
  path: string;
  shown: string;
  text: string;
  bytes: Uint8Array;
  encoding: Encoding;
  bom: boolean;
  html: boolean;
  dryRun: boolean;
  lang: Lang;
  options: CheckOptions;
}

export type FixOutcome =
  | { ok: true; fixed: number; changes: string[]; diff?: string; notes: string[]; text: string }
  | { ok: false; message: string };

export const ENCODING_NAME: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' };

/** Fix-all never leaves more (or other) failing relations than it found (shared/src/check/fix.ts). */
export function applyFixes(f: FixInput): FixOutcome {
  const notes: string[] = [];
  const r = fixAll(f.text, { html: f.html, ...f.options });
  if (r.text === f.text) return { ok: true, fixed: 0, changes: [], notes, text: f.text };
  const lines = new LineIndex(f.text);
  const changes = r.changes.map((c) => {
    const p = lines.positionAt(c.edit.range.start);
    return `${p.line + 1}:${p.character + 1}  ${pick(c.finding.fix!.title, f.lang)}  (${c.finding.ruleId})`;
  });
  if (f.dryRun) return { ok: true, fixed: 0, changes, diff: unifiedDiff(f.shown, f.text, r.changes.map((c) => c.edit)), notes, text: f.text };
  const bytes = encodeReport(r.text, f.encoding, f.bom);
  if (!bytes) {
    notes.push(pick(message('cli.note.noWrite', { encoding: ENCODING_NAME[f.encoding] }), f.lang));
    return { ok: true, fixed: 0, changes, notes, text: f.text };
  }
  try {
    // Only if the file is still what was read: an edit made meanwhile is never lost (it is said instead).
    if (!readFileSync(f.path).equals(f.bytes)) {
      notes.push(pick(message('cli.note.changedMeanwhile'), f.lang));
      return { ok: true, fixed: 0, changes, notes, text: f.text };
    }
    const temporary = `${f.path}.gov-report-${process.pid}.tmp`;
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, f.path);
  } catch (e) {
    return { ok: false, message: pick(message('cli.failed.write', { detail: (e as NodeJS.ErrnoException).code ?? String(e) }), f.lang) };
  }
  return { ok: true, fixed: r.changes.length, changes, notes, text: r.text };
}
