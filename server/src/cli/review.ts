// `gov-report review`: a reviewer records a decision on a finding (confirmed: a real defect;
// dismissed: not a defect, with the reason) in the folder's review file, lists the decisions, and
// prunes the stale ones. `check` and `summary` read the same file (ReviewRecords, reviewFile.ts).
import { readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { check, decide, fingerprint, message, parse, pick, withDecision, type Decision, type Finding, type Lang, type Localized, type ReportModel } from '../../../shared/src/index';
import { ConfigFinder } from '../configFile';
import { loadReview, reportKey, reviewer, saveReview, sha256 } from '../reviewFile';
import { withFormat } from './checkFile';
import { usage, type CliIo } from './io';
import { readReportFile } from './read';

/** One report checked for the review command: its findings (suppressed ones kept, marked), the review root. */
type ReviewCheck = (path: string, cwd: string) => Promise<{ ok: true; model: ReportModel; findings: Finding[]; bytes: Uint8Array; root: string } | { ok: false; message: Localized }>;

type Io = Pick<CliIo, 'out' | 'err' | 'cwd'>;

/** Checks reports as `check` does, each folder's configuration found once for the command. */
function reviewChecker(): ReviewCheck {
  const finder = new ConfigFinder();
  return async (path, cwd) => {
    const found = finder.forDir(dirname(resolve(cwd, path)));
    const config = found.kind === 'ok' ? found.config : {};
    const read = await readReportFile(resolve(cwd, path));
    if (!read.ok) return { ok: false, message: read.message };
    const model = withFormat(parse(read.text, { html: /\.html?$/i.test(path) }), config.format);
    if (!model.isReport) return { ok: false, message: message('cli.skipped.notReport') };
    const severity = config.rules ?? {};
    const findings = check(model, { keepSuppressed: true, ...(Object.keys(severity).length ? { severity } : {}), ...(config.ignoreFindings ? { ignore: config.ignoreFindings } : {}) });
    return { ok: true, model, findings, bytes: read.bytes, root: found.kind === 'ok' ? found.dir : cwd };
  };
}

export const REVIEW_HELP = `用法: gov-report review <报告文件> --dismiss <规则>[:<行>] --reason <理由>
      gov-report review <报告文件> --confirm <规则>[:<行>] [--reason <理由>]
      gov-report review --list [目录]        列出审阅记录中的决定，并指出已过期的（问题已不存在或数字已变）
      gov-report review --prune [目录]       删除已过期的决定

决定记在报告所在目录的根（.gov-report.json 所在目录，否则当前目录）下的 .gov-report-review.json 中，可提交到版本库。
被排除的问题不再列出，也不计入退出码和 --max-warnings（check --include-dismissed 仍可列出）；SARIF 中作为 suppressions 保留理由。

Usage: gov-report review <report> --dismiss <rule>[:<line>] --reason <text>
       gov-report review <report> --confirm <rule>[:<line>] [--reason <text>]
       gov-report review --list [folder]     the decisions, and which are stale (the finding is gone or its figures changed)
       gov-report review --prune [folder]    remove the stale decisions

Decisions are kept in .gov-report-review.json at the root of the reports' folder (beside .gov-report.json, else the current folder), meant to be committed.
A dismissed finding is no longer listed and counts neither for the exit code nor for --max-warnings (check --include-dismissed lists it); SARIF carries it as suppressed, with its reason.`;

interface ReviewArgs {
  decision?: Decision['decision'];
  target?: { rule: string; line?: number; column?: number };
  reason?: string;
  list: boolean;
  prune: boolean;
  paths: string[];
  lang: Lang;
}

class ReviewUsage extends Error {}

function parseReviewArgs(argv: string[]): ReviewArgs {
  const a: ReviewArgs = { list: false, prune: false, paths: [], lang: 'zh-CN' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new ReviewUsage(`${arg} 需要一个值 / ${arg} needs a value`);
      return v;
    };
    if (arg === '--dismiss' || arg === '--confirm') {
      if (a.decision) throw new ReviewUsage('--dismiss 与 --confirm 只能给一个 / give one of --dismiss and --confirm');
      a.decision = arg === '--dismiss' ? 'dismissed' : 'confirmed';
      const m = /^([a-z][a-z-]*)(?::(\d+)(?::(\d+))?)?$/.exec(value());
      if (!m) throw new ReviewUsage(`${arg} 需要 <规则>[:<行>[:<列>]] / ${arg} needs <rule>[:<line>[:<column>]]`);
      a.target = { rule: m[1] as string, ...(m[2] ? { line: Number(m[2]) } : {}), ...(m[3] ? { column: Number(m[3]) } : {}) };
    } else if (arg === '--reason') a.reason = value();
    else if (arg === '--list') a.list = true;
    else if (arg === '--prune') a.prune = true;
    else if (arg === '--lang') {
      const v = value();
      if (v !== 'zh-CN' && v !== 'en') throw new ReviewUsage('--lang zh-CN|en');
      a.lang = v;
    } else if (arg.startsWith('-')) throw new ReviewUsage(`未知选项 “${arg}” / unknown option "${arg}"`);
    else a.paths.push(arg);
  }
  if (a.decision === 'dismissed' && !a.reason?.trim()) throw new ReviewUsage('排除一个问题需要写明理由：--reason <理由> / dismissing a finding needs a reason: --reason <text>');
  if (!a.decision && !a.list && !a.prune) throw new ReviewUsage('需要 --dismiss、--confirm、--list 或 --prune / give --dismiss, --confirm, --list or --prune');
  if (a.decision && a.paths.length !== 1) throw new ReviewUsage('记录决定时给出一个报告文件 / give one report file to record a decision on');
  return a;
}

export async function runReview(argv: string[], io: Io): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
    io.out(REVIEW_HELP + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  let args: ReviewArgs;
  try {
    args = parseReviewArgs(argv);
  } catch (e) {
    if (e instanceof ReviewUsage) return usage(io, e.message, REVIEW_HELP);
    throw e;
  }
  return args.decision ? record(args, io, reviewChecker()) : listOrPrune(args, io, reviewChecker());
}

/** Records one decision: the finding named by rule (and line, when the rule has several). */
async function record(args: ReviewArgs, io: Io, checkFile: ReviewCheck): Promise<number> {
  const path = args.paths[0] as string;
  const checked = await checkFile(path, io.cwd);
  if (!checked.ok) {
    io.err(`gov-report: ${path}: ${pick(checked.message, args.lang)}\n`);
    return 2;
  }
  const target = args.target as { rule: string; line?: number; column?: number };
  const at = (f: Finding) => checked.model.lines.positionAt(f.range.start);
  const candidates = checked.findings.filter((f) => f.ruleId === target.rule && (target.line === undefined || at(f).line + 1 === target.line) && (target.column === undefined || at(f).character + 1 === target.column));
  if (candidates.length !== 1) {
    const lines = checked.findings.filter((f) => f.ruleId === target.rule).map((f) => `  ${target.rule}:${at(f).line + 1}:${at(f).character + 1}  ${pick(f.message, args.lang)}`);
    const said = candidates.length === 0
      ? message(lines.length ? 'cli.review.noneAtLine' : 'cli.review.none', { rule: target.rule })
      : message('cli.review.ambiguous', { rule: target.rule, count: candidates.length });
    io.err(`gov-report: ${pick(said, args.lang)}\n${lines.join('\n')}${lines.length ? '\n' : ''}`);
    return 2;
  }
  const loaded = loadReview(checked.root);
  if (!loaded.ok) {
    io.err(`gov-report: ${pick(message('cli.review.malformed', { path: loaded.path, line: loaded.line, error: loaded.error }), args.lang)}\n`);
    return 2;
  }
  const file = resolve(io.cwd, path);
  const decision = decide(candidates[0] as Finding, { path: reportKey(checked.root, file), sha256: sha256(checked.bytes), model: checked.model }, args.decision as Decision['decision'], args.reason?.trim(), reviewer(), new Date().toISOString());
  saveReview(checked.root, withDecision(loaded.decisions, decision));
  io.out(`${pick(message(decision.decision === 'dismissed' ? 'cli.review.dismissed' : 'cli.review.confirmed', { fingerprint: decision.fingerprint, path: relative(io.cwd, loaded.path) || loaded.path }), args.lang)}\n`);
  return 0;
}

/** Lists the decisions of a folder's record, each with whether its finding still stands; --prune drops the stale ones. */
async function listOrPrune(args: ReviewArgs, io: Io, checkFile: ReviewCheck): Promise<number> {
  const folder = resolve(io.cwd, args.paths[0] ?? '.');
  const loaded = loadReview(folder);
  if (!loaded.ok) {
    io.err(`gov-report: ${pick(message('cli.review.malformed', { path: loaded.path, line: loaded.line, error: loaded.error }), args.lang)}\n`);
    return 2;
  }
  const current = new Map<string, Set<string> | undefined>();
  const stale: Decision[] = [];
  const lines: string[] = [];
  for (const d of loaded.decisions) {
    if (!current.has(d.report)) current.set(d.report, await printsOf(folder, d.report, io.cwd, checkFile));
    const prints = current.get(d.report);
    const isStale = prints !== undefined && !prints.has(d.fingerprint);
    if (isStale) stale.push(d);
    const state = prints === undefined ? message('cli.review.state.missing') : isStale ? message('cli.review.state.stale') : message('cli.review.state.current');
    lines.push(`${d.report}  ${d.rule}  ${d.decision === 'dismissed' ? pick(message('cli.review.word.dismissed'), args.lang) : pick(message('cli.review.word.confirmed'), args.lang)}  ${pick(state, args.lang)}  ${d.reason ?? ''}  (${d.by}, ${d.at.slice(0, 10)})\n    ${d.subject}`);
  }
  if (args.prune) {
    if (stale.length) saveReview(folder, loaded.decisions.filter((d) => !stale.includes(d)));
    io.out(`${pick(message('cli.review.pruned', { count: stale.length }), args.lang)}\n`);
    return 0;
  }
  io.out(lines.length ? `${lines.join('\n')}\n` : `${pick(message('cli.review.empty'), args.lang)}\n`);
  return 0;
}

/** The fingerprints of a report's findings now, or undefined when it is no longer there. */
async function printsOf(folder: string, report: string, cwd: string, checkFile: ReviewCheck): Promise<Set<string> | undefined> {
  const path = join(folder, report);
  let exists = false;
  try {
    exists = statSync(path).isFile();
  } catch {
    exists = false;
  }
  // A report saved in another format since (the PDF's text): the file of the same name beside it.
  const file = exists ? path : sibling(path);
  if (!file) return undefined;
  const r = await checkFile(relative(cwd, file) || file, cwd);
  return r.ok ? new Set(r.findings.map(fingerprint)) : undefined;
}

function sibling(path: string): string | undefined {
  const stem = path.slice(0, path.length - extname(path).length);
  try {
    const name = readdirSync(dirname(path)).find((n) => join(dirname(path), n).slice(0, -extname(n).length || undefined) === stem);
    return name ? join(dirname(path), name) : undefined;
  } catch {
    return undefined;
  }
}
