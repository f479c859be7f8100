// The stylish output of `check`: each file's findings under its name, then the totals (as ESLint's).
import { describeSource, englishPlurals, message, pick, type Finding, type FindingSummary, type Lang } from '../../../shared/src/index';
import type { FileResult } from '../fileResult';

const SEVERITY_LABEL: Record<Lang, Record<Finding['severity'], string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

type Paint = (code: string, s: string) => string;

interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  fixed: number;
  skipped: number;
  failed: number;
}

export function stylish(results: FileResult[], lang: Lang, fixing: boolean): string {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const paint: Paint = (code, s) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  const totals: Totals = { errors: 0, warnings: 0, infos: 0, fixable: 0, fixed: 0, skipped: 0, failed: 0 };
  for (const r of results) {
    if (r.kind === 'checked') checkedLines(r, lang, paint, lines, totals);
    else {
      // A line for each file that was not checked, and why.
      if (r.kind === 'failed') totals.failed++;
      else totals.skipped++;
      lines.push(paint('4', r.path), `  ${r.kind === 'failed' ? paint('31', SEVERITY_LABEL[lang].error) : paint('2', '—')}  ${r.message}`, '');
    }
  }
  totalLines(totals, results.length, lang, fixing, lines);
  // Nothing found to say (every file left out of a folder): no blank line either.
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** A checked file: its notes, what --fix did or would do, and its findings. */
function checkedLines(r: Extract<FileResult, { kind: 'checked' }>, lang: Lang, paint: Paint, lines: string[], totals: Totals): void {
  for (const note of r.notes) lines.push(paint('2', `${r.path}: ${note}`));
  totals.fixed += r.fixed;
  if (r.fixed > 0) {
    lines.push(paint('32', lang === 'en' ? englishPlurals(`${r.path}: fixed ${r.fixed} problem(s)`) : `${r.path}：已修复 ${r.fixed} 处问题`));
    for (const c of r.changes) lines.push(`  ${c}`);
    lines.push('');
  } else if (r.diff !== undefined) {
    lines.push(paint('33', lang === 'en' ? englishPlurals(`${r.path}: --fix would make ${r.changes.length} change(s) (dry run, nothing written)`) : `${r.path}：--fix 将做 ${r.changes.length} 处改动（试运行，未写入）`));
    for (const c of r.changes) lines.push(`  ${c}`);
    lines.push('', r.diff);
  }
  if (r.summary.findings.length === 0) return;
  lines.push(paint('4', r.path));
  for (const f of r.summary.findings) {
    lines.push(findingLine(f, lang, paint));
    // A dismissed finding listed with --include-dismissed counts for nothing.
    if (f.decision === 'dismissed') continue;
    if (f.severity === 'error') totals.errors++;
    else if (f.severity === 'warning') totals.warnings++;
    else totals.infos++;
    if (f.fixable) totals.fixable++;
  }
  lines.push('');
}

function findingLine(f: FindingSummary, lang: Lang, paint: Paint): string {
  const sev = SEVERITY_LABEL[lang][f.severity];
  const sevPainted = f.severity === 'error' ? paint('31', sev) : f.severity === 'warning' ? paint('33', sev) : paint('36', sev);
  const where = f.source ? `${f.line}:${f.column} (${pick(describeSource(f.source), lang)})` : `${f.line}:${f.column}`;
  const decided = f.decision ? paint('2', ` ${pick(f.reason ? message(`cli.decision.${f.decision}`, { reason: f.reason }) : message(`cli.decision.${f.decision}.bare`), lang)}`) : '';
  return `  ${paint('2', where)}  ${sevPainted}  ${f.message}  ${paint('2', f.rule)}${decided}`;
}

/** The last lines: how many problems in how many files, what --fix can do or did, what was left out. */
function totalLines(t: Totals, looked: number, lang: Lang, fixing: boolean, lines: string[]): void {
  const total = t.errors + t.warnings + t.infos;
  const files = looked - t.skipped - t.failed;
  // No file checked is no verdict (run() says so and exits 2): never a ✔ over skipped files.
  if (lang === 'en') {
    if (files > 0) lines.push(englishPlurals(total === 0 ? `✔ ${files} file(s) checked, no problems` : `✖ ${total} problem(s) (${t.errors} error(s), ${t.warnings} warning(s), ${t.infos} info) in ${files} file(s)`));
    if (t.fixable > 0 && !fixing) lines.push(`  ${t.fixable} can be fixed with --fix`);
    if (t.fixed > 0) lines.push(englishPlurals(`  fixed ${t.fixed} problem(s)`));
    if (t.skipped + t.failed > 0) lines.push(englishPlurals(`  ${t.skipped} file(s) skipped, ${t.failed} could not be read`));
  } else {
    if (files > 0) lines.push(total === 0 ? `✔ 已检查 ${files} 个文件，未发现问题` : `✖ ${files} 个文件中共 ${total} 个问题（${t.errors} 个错误，${t.warnings} 个警告，${t.infos} 个提示）`);
    if (t.fixable > 0 && !fixing) lines.push(`  其中 ${t.fixable} 个可用 --fix 自动修复`);
    if (t.fixed > 0) lines.push(`  已自动修复 ${t.fixed} 处`);
    if (t.skipped + t.failed > 0) lines.push(`  跳过 ${t.skipped} 个文件，${t.failed} 个文件无法读取`);
  }
}
