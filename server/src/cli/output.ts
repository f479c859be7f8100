// The output of `check` in the format asked: stylish (for people), JSON (documented shape), SARIF
// (code scanning) or GitHub workflow annotations. One string, written once.
import { jsonSource, type Lang } from '../../../shared/src/index';
import type { FileResult } from '../fileResult';
import { toSarif } from '../sarif';
import type { Options } from './args';
import { stylish } from './stylish';

export const VERSION = '0.1.0';

export function checkOutput(results: FileResult[], opts: Options, lang: Lang): string {
  if (opts.format === 'json') return JSON.stringify({ files: results.map(jsonEntry) }, null, 2) + '\n';
  if (opts.format === 'sarif') return JSON.stringify(toSarif(results, lang, VERSION), null, 2) + '\n';
  if (opts.format === 'github') return github(results);
  return stylish(results, lang, opts.fix && !opts.dryRun);
}

/** Whether the format shows the findings a reviewer dismissed (as such): JSON and SARIF carry them. */
export function showsDismissed(opts: Options): boolean {
  return opts.format === 'json' || opts.format === 'sarif';
}

function jsonEntry(r: FileResult): unknown {
  if (r.kind === 'failed') return { path: r.path, error: r.reason, message: r.message };
  if (r.kind === 'skipped') return { path: r.path, skipped: r.reason, message: r.message };
  const findings = r.summary.findings.map(({ source, ...f }) => ({ ...f, ...(source ? { source: jsonSource(source) } : {}) }));
  return { path: r.path, ...(r.encoding !== 'utf-8' ? { encoding: r.encoding } : {}), ...(r.rebuiltFrom ? { rebuiltFrom: r.rebuiltFrom } : {}), ...r.summary, findings, ...(r.dismissed.length ? { dismissed: r.dismissed.map(({ source, ...f }) => ({ ...f, ...(source ? { source: jsonSource(source) } : {}) })) } : {}), ...(r.notes.length ? { notes: r.notes } : {}), ...(r.diff !== undefined ? { diff: r.diff } : {}) };
}

/** GitHub workflow annotations: one "::error file=…,line=…::message" line per finding. */
function github(results: FileResult[]): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const lines: string[] = [];
  for (const r of results) {
    if (r.kind === 'failed') lines.push(`::error file=${prop(r.path)}::${data(r.message)}`);
    if (r.kind !== 'checked') continue;
    for (const f of r.summary.findings) {
      const level = f.severity === 'info' ? 'notice' : f.severity;
      lines.push(`::${level} file=${prop(r.path)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(f.rule)}::${data(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
