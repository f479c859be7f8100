// `gov-report check`: the command-line adapter over the core. Reads files, prints findings in
// stylish / json / sarif, optionally applies the safe fixes. Exit 0: no error; 1: an error was
// found; 2: bad usage or an unreadable file.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import * as z from 'zod/mini';
import { isOwnExport } from '../../shared/src/review';
import { check, checkAcrossYears, closest, TimeBudgetExceeded, notCheckedEntry, reviewCsv, reviewEntry, reviewHtml, reviewJson, type ReviewEntry, CONFIG_FILE, decodeReport, englishPlurals, rules, suggest, describeSource, jsonSource, matchesAny, type Rebuilt, type SourceLocation, encodeReport, fixAll, LineIndex, message, parse, pick, summarize, type Encoding, type Finding, type Lang, type Localized, type ReportModel } from '../../shared/src/index';
import type { FileResult } from './fileResult';
import { ConfigFinder } from './configFile';
import { unifiedDiff } from './diff';
import { toSarif } from './sarif';
import { isBinaryReport } from './binaryReport';
import { READ_AHEAD, readAhead, readBinaryOnce } from './readAhead';
import { printGrids } from '../../shared/src/printGrid';
import { proseMarkdown } from '../../shared/src/prose';
import { CHECK_TIME_MS, fileReadMessage, MAX_FILE_BYTES, readReportBytes, type FileRead } from './readFile';
import { REVIEW_HELP, runReview, type ReviewCheck } from './reviewCommand';
import { ReviewRecords } from './reviewFile';

const VERSION = '0.1.0';
const EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.gkreport', '.docx', '.doc', '.wps', '.pdf']);

const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
const SUMMARY_FORMATS = ['csv', 'json', 'html', 'xlsx'] as const;

const Options = z.object({
  /** check: findings per file; summary: the reviewer's overview of the files (an export). */
  command: z.enum(['check', 'summary']),
  format: z.optional(z.enum([...CHECK_FORMATS, ...SUMMARY_FORMATS])),
  /** Write the report here instead of standard output. */
  outputFile: z.optional(z.string()),
  /** --rule id:severity, as the configuration's "rules" (given last, it wins). */
  rules: z._default(z.record(z.string(), z.enum(['off', 'info', 'warning', 'error'])), {}),
  /** The name of the report read from standard input ("-"). */
  stdinFilename: z.optional(z.string()),
  /** Unset: the configuration file's language, else zh-CN. */
  lang: z.optional(z.enum(['zh-CN', 'en'])),
  fix: z._default(z.boolean(), false),
  dryRun: z._default(z.boolean(), false),
  quiet: z._default(z.boolean(), false),
  maxWarnings: z.optional(z.number().check(z.int(), z.gte(0))),
  ignore: z._default(z.array(z.string()), []),
  config: z.optional(z.string()),
  /** List the findings a reviewer dismissed too, marked (they still count for nothing). */
  includeDismissed: z._default(z.boolean(), false),
  paths: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
});
type Options = z.infer<typeof Options>;

class UsageError extends Error {}

/** Every command run() dispatches, for the message that names them. */
const COMMANDS = ['check', 'summary', 'review', 'convert', 'init', 'print-config'] as const;

/** The long options of check and summary, for the suggestion after a misspelt one. */
const OPTIONS = ['--format', '--output-file', '--out', '--rule', '--stdin-filename', '--lang', '--fix', '--dry-run', '--quiet', '--max-warnings', '--ignore', '--config', '--include-dismissed', '--help', '--version'] as const;

/** The unknown-option message, with the known option a typo most likely meant. By edit distance
 *  as for rule ids, but the closest one within a third of its length: option names are short and
 *  share their "--", so two edits alone would offer --fix for --x. */
function unknownOption(flag: string): string {
  const near = flag.startsWith('--') ? closest(flag, OPTIONS) : undefined;
  return near ? `未知选项 “${flag}”（是否想用 ${near}？） / unknown option "${flag}" (did you mean "${near}"?)` : `未知选项 “${flag}” / unknown option "${flag}"`;
}

const HELP = {
  'zh-CN': `用法: gov-report check [选项] <文件或目录…>

检查政府信息公开工作年度报告（.txt、.md、.html、.docx、.pdf；目录递归）。

选项:
  --format stylish|json|sarif|github
                                输出格式（默认 stylish；github 为 GitHub Actions 注释）
  -o, --output-file <文件>       把结果写入文件而不是标准输出
  --rule <规则:级别>             临时设定规则级别（可多次给出，如 --rule row-total:off）
  -                             从标准输入读取报告；--stdin-filename <名称> 给出其文件名
  --lang zh-CN|en               消息语言（默认 zh-CN）
  --fix                         就地应用可确定的修复（总计、编号等），并报告改动
  --dry-run                     与 --fix 同用：只打印将做的改动（unified diff），不写文件
  --quiet                       只报告错误（不报告警告和提示）
  --max-warnings <数量>          警告超过此数量时以退出码 1 结束
  --include-dismissed           也列出审阅时已排除的问题（标明理由；不计入退出码）
  --ignore <通配符>              不检查匹配的文件（可多次给出，如 --ignore "草稿/**"）
  --config <文件>                使用此配置文件（默认：报告所在目录或上级目录中的 .gov-report.json）
  -h, --help                    显示帮助
  -v, --version                 显示版本

其他命令:
  gov-report init               在当前目录写入一个 .gov-report.json（已存在时不覆盖）
  gov-report print-config <文件> 显示对该文件生效的配置
  gov-report convert <文件>      把 Word/PDF 报告重建为文本（见下）
  gov-report summary <文件或目录…> [--format csv|json|html|xlsx] [-o <文件>]
                                审查汇总：每份报告一行（机关、年度、格式、问题数、读取情况、新收、办理、公开率、复议、诉讼等）

退出码: 0 无错误；1 发现错误；2 用法错误、文件无法读取或没有可检查的文件`,
  en: `Usage: gov-report check [options] <files or folders…>

Checks government information disclosure annual reports (.txt, .md, .html, .docx, .pdf; folders recursively).

Options:
  --format stylish|json|sarif|github
                                output format (default stylish; github: GitHub Actions annotations)
  -o, --output-file <file>      write the results to a file instead of standard output
  --rule <rule:severity>        set a rule's severity for this run (repeatable, e.g. --rule row-total:off)
  -                             read the report from standard input; --stdin-filename <name> names it
  --lang zh-CN|en               message language (default zh-CN)
  --fix                         apply the determined fixes (totals, numbering…) in place and report them
  --dry-run                     with --fix: print the changes as a unified diff, write nothing
  --quiet                       report errors only (no warnings, no infos)
  --max-warnings <n>            exit with 1 when there are more than n warnings
  --include-dismissed           list the findings a reviewer dismissed too (marked, with the reason; never counted)
  --ignore <glob>               do not check matching files (repeatable, e.g. --ignore "drafts/**")
  --config <file>               use this configuration file (default: the nearest .gov-report.json)
  -h, --help                    show this help
  -v, --version                 show the version

Other commands:
  gov-report init               write a .gov-report.json in the current folder (never over one)
  gov-report print-config <file> show the configuration that applies to the file
  gov-report convert <file>     rebuild a Word/PDF report as text (see below)
  gov-report summary <files or folders…> [--format csv|json|html|xlsx] [-o <file>]
                                the reviewer's overview: a row per report (agency, year, format, findings,
                                reading status, received, handled, disclosure rate, reconsideration, litigation…)

Exit codes: 0 no error; 1 an error was found; 2 bad usage, an unreadable file, or nothing to check`,
};

/** "--format=json" → ["--format", "json"]; anything else as it is. */
function splitFlag(a: string): [string, string | undefined] {
  const eq = a.indexOf('=');
  return a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
}

export function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const raw: Record<string, unknown> = { paths: [] as string[] };
  const args = [...argv];
  const command = args.shift();
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '-v' || command === '--version') return 'version';
  if (command !== 'check' && command !== 'summary') throw new UsageError(command ? `未知命令 “${command}”（可用：${COMMANDS.join('、')}） / unknown command "${command}" (use: ${COMMANDS.join(', ')})` : '缺少命令 check / missing command: check');
  raw.command = command;
  while (args.length) {
    const a = args.shift() as string;
    const [flag, inline] = splitFlag(a);
    switch (flag) {
      case '-h': case '--help': return 'help';
      case '-v': case '--version': return 'version';
      case '--fix': raw.fix = true; break;
      case '--quiet': raw.quiet = true; break;
      case '--max-warnings': case '--ignore': case '--config': case '--output-file': case '-o': case '--out': case '--rule': case '--stdin-filename': {
        const v = inline ?? args.shift();
        if (v === undefined) throw new UsageError(`${flag} 需要一个值 / ${flag} needs a value`);
        if (flag === '--ignore') raw.ignore = [...((raw.ignore as string[] | undefined) ?? []), v];
        else if (flag === '--config') raw.config = v;
        else if (flag === '--output-file' || flag === '-o' || flag === '--out') raw.outputFile = v;
        else if (flag === '--stdin-filename') raw.stdinFilename = v;
        else if (flag === '--rule') {
          const m = /^([\w-]+):(off|info|warning|error)$/.exec(v);
          if (!m) throw new UsageError(`--rule 需要 “规则:级别”，如 row-total:off / --rule needs "rule:severity", e.g. row-total:off`);
          if (!rules.some((r) => r.id === m[1])) throw new UsageError(`未知规则 “${m[1]}” / unknown rule "${m[1]}"${suggest(m[1] as string)}`);
          raw.rules = { ...((raw.rules as Record<string, string> | undefined) ?? {}), [m[1] as string]: m[2] };
        }
        else {
          if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings 需要一个非负整数 / --max-warnings needs a non-negative integer`);
          raw.maxWarnings = Number(v);
        }
        break;
      }
      // Only with --fix (checked below): alone it would silently turn a check into a fix.
      case '--dry-run': raw.dryRun = true; break;
      case '--include-dismissed': raw.includeDismissed = true; break;
      case '--format': case '--lang': {
        const v = inline ?? args.shift();
        if (v === undefined) throw new UsageError(`${flag} 需要一个值 / ${flag} needs a value`);
        raw[flag.slice(2)] = v;
        break;
      }
      default:
        // "-" alone is standard input.
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(unknownOption(flag));
        (raw.paths as string[]).push(a);
    }
  }
  const parsed = Options.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    if (where === 'paths') throw new UsageError('请给出要检查的文件或目录 / give at least one file or folder to check');
    const allowed: Record<string, string> = { format: (raw.command === 'summary' ? SUMMARY_FORMATS : CHECK_FORMATS).join(', '), lang: 'zh-CN, en' };
    if (allowed[where]) throw new UsageError(`--${where} 的取值 “${String(raw[where])}” 无效，可选：${allowed[where]} / invalid --${where} "${String(raw[where])}" (one of: ${allowed[where]})`);
    throw new UsageError(`--${where}: ${issue?.message ?? 'invalid'}`);
  }
  const o = parsed.data;
  const formats: readonly string[] = o.command === 'summary' ? SUMMARY_FORMATS : CHECK_FORMATS;
  if (o.format !== undefined && !formats.includes(o.format)) throw new UsageError(`--format 的取值 “${o.format}” 无效，可选：${formats.join(', ')} / invalid --format "${o.format}" (one of: ${formats.join(', ')})`);
  if (o.dryRun && !o.fix) throw new UsageError('--dry-run 需要与 --fix 同用 / --dry-run needs --fix');
  if (o.command === 'summary' && (o.fix || o.maxWarnings !== undefined)) throw new UsageError('summary 不修改文件，也不设警告上限 / summary neither fixes nor counts warnings against a limit');
  if (o.format === 'xlsx' && !o.outputFile) throw new UsageError('--format xlsx 需要 -o <文件> / --format xlsx needs -o <file>');
  return o;
}

/** Files to check: the named files, and the report files under the named folders (sorted). */
export function collectFiles(paths: string[]): string[] {
  return collectEntries(paths).map((e) => e.path);
}

/** As collectFiles, telling which files were named on the command line (not found in a folder). */
export function collectEntries(paths: string[]): Array<{ path: string; named: boolean; link?: true }> {
  const out: Array<{ path: string; named: boolean; link?: true }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ path: p, named: false });
      // A link in a folder is not followed (it may lead anywhere), and that is said.
      else if (entry.isSymbolicLink() && EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ path: p, named: false, link: true });
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`无法读取 “${p}”：文件或目录不存在 / cannot read "${p}": no such file or folder`);
    }
    if (st.isDirectory()) walk(p);
    else out.push({ path: p, named: true });
  }
  return out;
}

export type { FileResult } from './fileResult';

type Read =
  | { ok: true; text: string; encoding: Encoding; bom: boolean; bytes: Uint8Array; rebuilt?: Rebuilt; from?: 'docx' | 'pdf'; notes?: Localized[] }
  | { ok: false; reason: string; message: Localized };

async function readReportFile(path: string, stdin?: Uint8Array): Promise<Read> {
  // Standard input is read as a file of that name would be, within the same size.
  const file: FileRead = !stdin ? readReportBytes(path)
    : stdin.length > MAX_FILE_BYTES.text ? { ok: false, reason: 'too-large', size: stdin.length, max: MAX_FILE_BYTES.text } : { ok: true, bytes: stdin };
  if (!file.ok) return { ok: false, reason: file.reason, message: fileReadMessage(file) };
  const bytes = file.bytes;
  if (isBinaryReport(path)) {
    const r = await readBinaryOnce(path, bytes);
    return r.ok ? { ok: true, text: r.rebuilt.markdown, encoding: 'utf-8', bom: false, bytes, rebuilt: r.rebuilt, from: r.from, notes: r.notes } : r;
  }
  const decoded = decodeReport(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, message: message(decoded.reason === 'binary' ? 'cli.failed.binary' : 'cli.failed.encoding') };
  return { ...decoded, bytes };
}

/** One report checked for the review command: its findings (suppressed ones kept, marked), the review root. */
const reviewCheck: ReviewCheck = async (path, cwd) => {
  const found = new ConfigFinder().forDir(dirname(resolve(cwd, path)));
  const config = found.kind === 'ok' ? found.config : {};
  const read = await readReportFile(resolve(cwd, path));
  if (!read.ok) return { ok: false, message: read.message };
  const model = withFormat(parse(read.text, { html: /\.html?$/i.test(path) }), config.format);
  if (!model.isReport) return { ok: false, message: message('cli.skipped.notReport') };
  const severity = config.rules ?? {};
  const findings = check(model, { keepSuppressed: true, ...(Object.keys(severity).length ? { severity } : {}), ...(config.ignoreFindings ? { ignore: config.ignoreFindings } : {}) });
  return { ok: true, model, findings, bytes: read.bytes, root: found.kind === 'ok' ? found.dir : cwd };
};

const ENCODING_NAME: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' };

const CONVERT_HELP = `用法: gov-report convert <文件.docx|.pdf> [--to md|txt] [--out <文件>]
      gov-report convert <任一报告文件> --to grid

把 Word（.docx）或 PDF 报告重建为文本：md 为 Markdown（表格为管道表格，空单元格保留），txt 为制表符分隔的表格行。
grid 打印检查器读到的表格（每格所在的列；推断的格子加标记），以及每张表下读取器给出的原始网格（空白格、跨行跨列、由空格推断的格子），便于看出误读。
默认写到标准输出；--out 写入文件（文件已存在时不覆盖）。

Usage: gov-report convert <file.docx|.pdf> [--to md|txt] [--out <file>]
       gov-report convert <any report file> --to grid

Rebuilds a Word (.docx) or PDF report as text: md is Markdown (pipe tables, blank cells kept), txt has tab-separated table rows.
grid prints the tables as the checker read them (each cell in its column; guessed cells marked), and under each table the grid its reader found (blank cells, row and column spans, cells guessed from spaces), so that a misread can be seen.
Writes to standard output; --out writes a file (never over an existing one).`;

/** `gov-report convert`: the report as the checker reads it, to read or to start next year's from. */
async function runConvert(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; cwd: string }): Promise<number> {
  let to = 'md';
  let out: string | undefined;
  const files: string[] = [];
  const args = [...argv];
  while (args.length) {
    const a = args.shift() as string;
    const [flag, inline] = splitFlag(a);
    if (flag === '-h' || flag === '--help') {
      io.out(CONVERT_HELP + '\n');
      return 0;
    }
    if (flag === '--to' || flag === '--out') {
      const v = inline ?? args.shift();
      if (v === undefined) return usage(io, `${flag} 需要一个值 / ${flag} needs a value`, CONVERT_HELP);
      if (flag === '--to') to = v;
      else out = v;
    } else if (flag.startsWith('-')) return usage(io, `未知选项 “${flag}” / unknown option "${flag}"`, CONVERT_HELP);
    else files.push(a);
  }
  if (to !== 'md' && to !== 'txt' && to !== 'grid') return usage(io, `--to 的取值 “${to}” 无效，可选：md, txt, grid / invalid --to "${to}" (one of: md, txt, grid)`, CONVERT_HELP);
  if (files.length !== 1) return usage(io, '请给出一个要转换的文件 / give one file to convert', CONVERT_HELP);
  const path = resolve(io.cwd, files[0] as string);
  // grid: the tables as read, from any report; md and txt rebuild a Word or PDF file.
  if (to !== 'grid' && !isBinaryReport(path)) return usage(io, `convert 读取 Word（.docx）和 PDF 文件 / convert reads Word (.docx) and PDF files: ${files[0]}`, CONVERT_HELP);
  const read = await readReportFile(path);
  if (!read.ok || (to !== 'grid' && !read.rebuilt)) {
    io.err(`gov-report: ${files[0]}: ${read.ok ? '' : pick(read.message, 'zh-CN')} / ${read.ok ? '' : pick(read.message, 'en')}\n`);
    return 2;
  }
  // md for a reader to edit: headings as Markdown headings, paragraphs no longer broken at the page's line ends.
  const html = /\.html?$/i.test(path);
  const text = to === 'grid' ? printGrids(parse(read.text, { html }), 'zh-CN', { html }) : to === 'md' ? proseMarkdown(read.rebuilt!.markdown) : read.rebuilt!.text;
  if (out === undefined) {
    io.out(text);
    return 0;
  }
  try {
    // Never over a file the user has: "wx" fails when it exists.
    writeFileSync(resolve(io.cwd, out), text, { flag: 'wx' });
  } catch (e) {
    io.err(`gov-report: ${pick(message('cli.failed.write', { detail: (e as NodeJS.ErrnoException).code ?? String(e) }), 'zh-CN')}: ${out}\n`);
    return 2;
  }
  return 0;
}

function usage(io: { err: (s: string) => void }, text: string, help: string): number {
  io.err(`gov-report: ${text}\n\n${help}\n`);
  return 2;
}

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  /** Standard input, for "-". */
  stdin?: () => Promise<Uint8Array>;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'init') return runInit(io);
  if (argv[0] === 'print-config') return runPrintConfig(argv.slice(1), io);
  if (argv[0] === 'convert') return runConvert(argv.slice(1), io);
  if (argv[0] === 'review') return runReview(argv.slice(1), io, { check: reviewCheck, usage: (text) => usage(io, text, REVIEW_HELP) });
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      // The mistake and where to read the usage, not the whole bilingual help.
      io.err(`gov-report: ${e.message}\n运行 gov-report --help 查看用法 / run gov-report --help for the usage\n`);
      return 2;
    }
    throw e;
  }
  if (opts === 'help') {
    io.out(HELP['zh-CN'] + '\n\n' + HELP.en + '\n\n' + CONVERT_HELP + '\n\n' + REVIEW_HELP + '\n');
    return 0;
  }
  if (opts === 'version') {
    io.out(VERSION + '\n');
    return 0;
  }
  const results: FileResult[] = [];
  let files: Array<{ path: string; named: boolean; link?: true }>;
  // "-": the report comes on standard input, named by --stdin-filename (for its configuration,
  // its layout and the messages).
  const stdinName = opts.stdinFilename ?? '<stdin>';
  const stdin = opts.paths.includes('-') ? await (io.stdin ?? readStdin)() : undefined;
  try {
    files = [...collectEntries(opts.paths.filter((p) => p !== '-')), ...(stdin ? [{ path: STDIN, named: true }] : [])];
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`gov-report: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (files.length === 0) return nothingChecked(io, message('cli.noFiles'), opts.lang ?? 'zh-CN');
  const explicit = opts.config ? ConfigFinder.read(resolve(io.cwd, opts.config)) : undefined;
  if (explicit?.kind === 'invalid') {
    io.err(`gov-report: ${pick(message('cli.config.invalid', { path: opts.config as string, error: explicit.error }), opts.lang ?? 'zh-CN')}\n`);
    return 2;
  }
  const finder = new ConfigFinder();
  // One language for the run: --lang, else the configuration's (the explicit one, or the one for the current folder).
  const around = explicit ?? finder.forDir(io.cwd);
  const lang: Lang = opts.lang ?? (around.kind === 'ok' ? around.config.language : undefined) ?? 'zh-CN';
  const checked: Array<{ result: Extract<FileResult, { kind: 'checked' }>; model: ReportModel; root: string; file: string; dismissed: Finding[]; locate?: (line: number, column: number) => SourceLocation | undefined }> = [];
  const o = opts;
  // Files are checked in a window of a few at a time, so that a Word or PDF file whose reading
  // (in a worker thread) is not done yet never holds up the text files after it; what each file
  // gives is kept in its own slot, and said in the files' order.
  type Checked = (typeof checked)[number];
  const slots = files.map(() => ({ results: [] as FileResult[], checked: [] as Checked[] }));
  let readUpTo = 0;
  let nextFile = 0;
  const WINDOW = 8;
  const processFile = async (index: number) => {
    const { path: entry, named, link } = files[index]!;
    const slot = slots[index]!;
    const from = Math.max(readUpTo, index + 1);
    readUpTo = Math.max(readUpTo, index + 1 + READ_AHEAD);
    readAhead(files.slice(from, readUpTo).filter((f) => !f.link && f.path !== STDIN).map((f) => f.path));
    const path = entry === STDIN ? resolve(io.cwd, stdinName) : entry;
    const shown = entry === STDIN ? stdinName : relative(io.cwd, path) || path;
    if (link) {
      slot.results.push({ kind: 'skipped', path: shown, reason: 'symlink', message: pick(message('cli.skipped.symlink'), lang) });
      return;
    }
    // One file's failure is that file's message: an internal error reading, parsing or checking
    // it never ends the run (the other files are still checked).
    try {
      await checkOne(slot, path, named, shown, entry === STDIN ? stdin : undefined);
    } catch (e) {
      if (e instanceof TimeBudgetExceeded) slot.results.push({ kind: 'failed', path: shown, reason: 'timeout', message: pick(message('cli.failed.timeBudget', { seconds: CHECK_TIME_MS / 1000 }), lang) });
      else slot.results.push({ kind: 'failed', path: shown, reason: 'internal', message: pick(message('cli.failed.internal', { detail: (e as Error).message ?? String(e) }), lang) + (process.env.GOV_REPORT_DEBUG ? `\n${(e as Error).stack ?? ''}` : '') });
    }
  };
  await Promise.all(Array.from({ length: Math.min(WINDOW, files.length) }, async () => {
    while (nextFile < files.length) await processFile(nextFile++);
  }));
  for (const slot of slots) {
    results.push(...slot.results);
    checked.push(...slot.checked);
  }
  async function checkOne(slot: { results: FileResult[]; checked: Checked[] }, path: string, named: boolean, shown: string, input?: Uint8Array): Promise<void> {
    const found = explicit ?? finder.forDir(dirname(resolve(io.cwd, path)));
    const config = found.kind === 'ok' ? found.config : {};
    // Ignored files: said when named on the command line, silently left out of a folder.
    const ignoredBy = matchesAny(relative(io.cwd, resolve(io.cwd, path)), o.ignore) ? '--ignore'
      : found.kind === 'ok' && config.ignoreFiles && matchesAny(relative(found.dir, resolve(io.cwd, path)), config.ignoreFiles) ? relative(io.cwd, found.path) || found.path : undefined;
    if (ignoredBy) {
      if (named) slot.results.push({ kind: 'skipped', path: shown, reason: 'ignored', message: pick(message('cli.skipped.ignored', { by: ignoredBy }), lang) });
      return;
    }
    if (found.kind === 'invalid') {
      slot.results.push({ kind: 'failed', path: shown, reason: 'config', message: pick(message('cli.config.invalid', { path: relative(io.cwd, found.path) || found.path, error: found.error }), lang) });
      return;
    }
    const severity = { ...(config.rules ?? {}), ...o.rules };
    const options = { deadline: 0, keepSuppressed: true, ...(config.requireReason ? { requireReason: true } : {}), ...(Object.keys(severity).length ? { severity } : {}), ...(config.ignoreFindings ? { ignore: config.ignoreFindings } : {}) };
    // One file that cannot be read is reported for that file; the others are still checked.
    const read = await readReportFile(path, input);
    // The budget runs from here: a PDF's reading has its own (and may have waited its turn).
    options.deadline = performance.now() + CHECK_TIME_MS;
    if (!read.ok) {
      slot.results.push({ kind: 'failed', path: shown, reason: read.reason, message: pick(read.message, lang) });
      return;
    }
    if (read.text.trim() === '') {
      // A Word or PDF file with no text in it is not an empty file: said as what it is.
      slot.results.push({ kind: 'skipped', path: shown, reason: 'empty', message: pick(read.from ? message('cli.skipped.noText', { format: read.from === 'pdf' ? 'PDF' : 'Word' }) : message('cli.skipped.empty'), lang) });
      return;
    }
    const html = /\.html?$/i.test(path);
    // The HTML review report this tool wrote (saved in the folder it describes) is no report: left
    // out of a folder silently, as an ignored file is; said when named.
    if (html && isOwnExport(read.text)) {
      if (named) slot.results.push({ kind: 'skipped', path: shown, reason: 'own-export', message: pick(message('cli.skipped.ownExport'), lang) });
      return;
    }
    let text = read.text;
    let model = withFormat(parse(text, { html }), config.format);
    if (!model.isReport) {
      slot.results.push({ kind: 'skipped', path: shown, reason: 'not-a-report', message: pick(message('cli.skipped.notReport'), lang) });
      return;
    }
    const notes: string[] = [];
    const encodingName = ENCODING_NAME[read.encoding];
    if (read.encoding !== 'utf-8') notes.push(pick(message('cli.note.encoding', { encoding: encodingName }), lang));
    let fixed = 0;
    const changes: string[] = [];
    let diff: string | undefined;
    const format = read.from === 'pdf' ? 'PDF' : 'Word';
    for (const n of read.notes ?? []) notes.push(pick(n, lang));
    if (o.fix && read.rebuilt) notes.push(pick(message('cli.note.noFixBinary', { format }), lang));
    else if (o.fix && input) notes.push(pick(message('cli.note.noFixStdin'), lang));
    else if (o.fix) {
      // Fix-all never leaves more (or other) failing relations than it found (core/fix.ts).
      const r = fixAll(text, { html, ...options });
      if (r.text !== text) {
        const lines = new LineIndex(text);
        for (const c of r.changes) {
          const p = lines.positionAt(c.edit.range.start);
          changes.push(`${p.line + 1}:${p.character + 1}  ${pick(c.finding.fix!.title, lang)}  (${c.finding.ruleId})`);
        }
        const bytes = encodeReport(r.text, read.encoding, read.bom);
        if (o.dryRun) diff = unifiedDiff(shown, text, r.changes.map((c) => c.edit));
        else if (!bytes) notes.push(pick(message('cli.note.noWrite', { encoding: encodingName }), lang));
        else {
          try {
            // Written beside and renamed over, and only if the file is still what was read: an
            // edit made meanwhile is never lost (it is said instead).
            if (!Buffer.from(readFileSync(path)).equals(Buffer.from(read.bytes))) {
              notes.push(pick(message('cli.note.changedMeanwhile'), lang));
              throw Object.assign(new Error('changed'), { code: 'CHANGED' });
            }
            const temporary = `${path}.gov-report-${process.pid}.tmp`;
            writeFileSync(temporary, bytes, { flag: 'wx' });
            renameSync(temporary, path);
            fixed = r.changes.length;
            text = r.text;
            model = withFormat(parse(text, { html }), config.format);
          } catch (e) {
            const detail = (e as NodeJS.ErrnoException).code ?? String(e);
            if (detail !== 'CHANGED') {
              slot.results.push({ kind: 'failed', path: shown, reason: 'unwritable', message: pick(message('cli.failed.write', { detail }), lang) });
              return;
            }
          }
        }
      }
    }
    const result = { kind: 'checked' as const, path: shown, summary: summarize(model, [], lang), findings: check(model, options), fixed, changes, notes, encoding: read.encoding, dismissed: [], ...(diff !== undefined ? { diff } : {}), ...(read.from ? { rebuiltFrom: read.from } : {}) };
    slot.results.push(result);
    // The review record of the folder (beside its configuration, else where the command runs).
    const root = found.kind === 'ok' ? found.dir : io.cwd;
    slot.checked.push({ result, model, root, file: resolve(io.cwd, path), dismissed: [], locate: read.rebuilt ? (line: number, column: number) => read.rebuilt!.locate(line, column) : undefined });
  }
  // Reports of one agency for consecutive years are also checked against each other (I5, I6).
  let across = new Map<number, Finding[]>();
  try {
    across = checkAcrossYears(checked.map((c, key) => ({ key, model: c.model })));
  } catch (e) {
    io.err(pick(message('cli.failed.internal', { detail: (e as Error).message ?? String(e) }), lang) + '\n');
  }
  let warningsSeen = 0;
  const records = new ReviewRecords();
  for (const root of new Set(checked.map((c) => c.root))) {
    const bad = records.problem(root);
    if (bad) io.err(`gov-report: ${pick(message('cli.review.malformed', { path: bad.path, line: bad.line, error: bad.error }), lang)}\n`);
  }
  checked.forEach((entry, key) => {
    const { result, model, root, file, locate } = entry;
    const all = [...result.findings, ...(across.get(key) ?? [])].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
    // What a reviewer decided: dismissed findings are not listed (unless asked) and never counted.
    const { findings: open, dismissed, stale } = records.mark(root, file, model, all);
    if (stale > 0) result.notes.push(pick(message('cli.note.staleDecisions', { count: stale }), lang));
    entry.dismissed = dismissed;
    result.dismissed = summarize(model, dismissed, lang, locate).findings;
    result.findings = opts.includeDismissed ? [...open, ...dismissed].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end) : open;
    // --quiet: errors only, in every output format (warnings still count for --max-warnings, as ESLint's do).
    warningsSeen += open.filter((f) => f.severity === 'warning').length;
    if (opts.quiet) result.findings = result.findings.filter((f) => f.severity === 'error');
    result.summary = summarize(model, result.findings, lang, locate);
    // --fix never rewrites a Word or PDF file: nothing of it counts as fixable.
    if (result.rebuiltFrom) result.summary = { ...result.summary, findings: result.summary.findings.map((f) => ({ ...f, fixable: false })) };
  });
  if (opts.command === 'summary') return writeSummary(results, checked, opts, lang, io);
  const report = opts.format === 'json' ? JSON.stringify({ files: results.map(jsonEntry) }, null, 2) + '\n'
    : opts.format === 'sarif' ? JSON.stringify(toSarif(results, lang, VERSION), null, 2) + '\n'
      : opts.format === 'github' ? github(results)
        : stylish(results, lang, opts.fix && !opts.dryRun);
  if (opts.outputFile) {
    try {
      writeFileSync(resolve(io.cwd, opts.outputFile), report);
    } catch (e) {
      io.err(`gov-report: ${pick(message('cli.failed.write', { detail: (e as NodeJS.ErrnoException).code ?? String(e) }), lang)} (${opts.outputFile})\n`);
      return 2;
    }
  } else io.out(report);
  if (results.some((r) => r.kind === 'failed')) return 2;
  // Every file ignored, empty or not a report: as for an empty folder (each skipped one is said above).
  if (checked.length === 0) return nothingChecked(io, allSkipped(files.length), lang);
  if (results.some((r) => r.kind === 'checked' && r.summary.findings.some((f) => f.severity === 'error' && f.decision !== 'dismissed'))) return 1;
  if (opts.maxWarnings !== undefined) {
    const warnings = warningsSeen;
    if (warnings > opts.maxWarnings) {
      io.err(pick(message('cli.tooManyWarnings', { count: warnings, max: opts.maxWarnings }), lang) + '\n');
      return 1;
    }
  }
  return 0;
}

const STDIN = '\u0000stdin';

/** Nothing was checked (an empty folder, or only files left out): said, and not a success. */
function nothingChecked(io: CliIo, text: Localized, lang: Lang): number {
  io.err(`gov-report: ${pick(text, lang)}\n`);
  return 2;
}

function allSkipped(found: number): Localized {
  return found === 1
    ? { zh: '没有可检查的报告：该文件被忽略或跳过', en: 'nothing to check: the file was ignored or skipped' }
    : { zh: `没有可检查的报告：找到的 ${found} 个文件均被忽略或跳过`, en: `nothing to check: all ${found} files found were ignored or skipped` };
}

/** `gov-report summary`: the folder as a reviewer hands it on (CSV, JSON, HTML, XLSX); an export,
 *  so its exit code says whether it was written, not what the reports hold. */
async function writeSummary(results: FileResult[], checked: ReadonlyArray<{ result: FileResult; model: ReportModel; dismissed: Finding[]; locate?: (line: number, column: number) => SourceLocation | undefined }>, opts: Options, lang: Lang, io: CliIo): Promise<number> {
  const byResult = new Map(checked.map((c) => [c.result, c]));
  const entries: ReviewEntry[] = results.map((r) => {
    const c = byResult.get(r);
    if (r.kind !== 'checked' || !c) return notCheckedEntry(r.path, r.kind === 'skipped' ? 'skipped' : 'failed', r.kind === 'checked' ? undefined : r.message);
    const locate = c.locate;
    return reviewEntry(r.path, c.model, r.findings, lang, locate ? (line, column) => {
      const at = locate(line, column);
      return at ? pick(describeSource(at), lang) : undefined;
    } : undefined, opts.includeDismissed ? [] : c.dismissed);
  });
  const format = opts.format ?? 'csv';
  let out: string | Uint8Array;
  if (format === 'xlsx') {
    // Loaded only here (dist/xlsx.js, built beside the CLI): checking never pays for the workbook library.
    const { reviewXlsx } = require(join(__dirname, 'xlsx.js')) as typeof import('./xlsx');
    out = await reviewXlsx(entries, lang);
  } else out = format === 'html' ? reviewHtml(entries, lang) : format === 'json' ? reviewJson(entries) : reviewCsv(entries, lang);
  if (!opts.outputFile) {
    io.out(out as string);
    return 0;
  }
  try {
    writeFileSync(resolve(io.cwd, opts.outputFile), out);
  } catch (e) {
    io.err(`gov-report: ${pick(message('cli.failed.write', { detail: (e as NodeJS.ErrnoException).code ?? String(e) }), lang)} (${opts.outputFile})\n`);
    return 2;
  }
  return 0;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    // Past the limit the rest is not read: what was read is said to be too large.
    if (size > MAX_FILE_BYTES.text) break;
  }
  return new Uint8Array(Buffer.concat(chunks));
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

/** `gov-report init`: a starting .gov-report.json in the current folder (never over an existing one). */
function runInit(io: CliIo): number {
  const path = join(io.cwd, CONFIG_FILE);
  const body = {
    $comment: '规则级别：off | info | warning | error；ignoreFiles 为不检查的文件（通配符）；format 为表格看不出格式时按此检查。Rule severities, files not to check, the format assumed when the tables do not show it.',
    rules: {},
    ignoreFiles: [],
    format: '2021',
  };
  try {
    writeFileSync(path, JSON.stringify(body, null, 2) + '\n', { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`gov-report: ${code === 'EEXIST' ? `${CONFIG_FILE} 已存在，未覆盖 / ${CONFIG_FILE} exists; not overwritten` : code ?? String(e)}\n`);
    return 2;
  }
  io.out(`已写入 ${CONFIG_FILE} / wrote ${CONFIG_FILE}\n`);
  return 0;
}

/** `gov-report print-config <file>`: the configuration that applies to a report, as JSON. */
function runPrintConfig(argv: string[], io: CliIo): number {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) {
    io.err('gov-report: print-config 需要一个文件 / print-config needs a file\n');
    return 2;
  }
  const found = new ConfigFinder().forDir(dirname(resolve(io.cwd, file)));
  if (found.kind === 'invalid') {
    io.err(`gov-report: ${pick(message('cli.config.invalid', { path: relative(io.cwd, found.path) || found.path, error: found.error }), 'zh-CN')}\n`);
    return 2;
  }
  io.out(JSON.stringify({ file: found.kind === 'ok' ? relative(io.cwd, found.path) || found.path : null, config: found.kind === 'ok' ? found.config : {} }, null, 2) + '\n');
  return 0;
}

/** A report whose tables do not show its format is read as the configured one. */
function withFormat(model: ReportModel, format: '2019' | '2021' | undefined): ReportModel {
  return format && model.formatVersion === null ? { ...model, formatVersion: format } : model;
}

function jsonEntry(r: FileResult): unknown {
  if (r.kind === 'failed') return { path: r.path, error: r.reason, message: r.message };
  if (r.kind === 'skipped') return { path: r.path, skipped: r.reason, message: r.message };
  const findings = r.summary.findings.map(({ source, ...f }) => ({ ...f, ...(source ? { source: jsonSource(source) } : {}) }));
  return { path: r.path, ...(r.encoding !== 'utf-8' ? { encoding: r.encoding } : {}), ...(r.rebuiltFrom ? { rebuiltFrom: r.rebuiltFrom } : {}), ...r.summary, findings, ...(r.dismissed.length ? { dismissed: r.dismissed.map(({ source, ...f }) => ({ ...f, ...(source ? { source: jsonSource(source) } : {}) })) } : {}), ...(r.notes.length ? { notes: r.notes } : {}), ...(r.diff !== undefined ? { diff: r.diff } : {}) };
}

const SEVERITY_LABEL: Record<Lang, Record<Finding['severity'], string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

function stylish(results: FileResult[], lang: Lang, fixing: boolean): string {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  let fixedTotal = 0;
  let skipped = 0;
  let failed = 0;
  for (const r of results) {
    if (r.kind !== 'checked') {
      // A line for each file that was not checked, and why.
      if (r.kind === 'failed') failed++;
      else skipped++;
      lines.push(paint('4', r.path), `  ${r.kind === 'failed' ? paint('31', SEVERITY_LABEL[lang].error) : paint('2', '—')}  ${r.message}`, '');
      continue;
    }
    for (const note of r.notes) lines.push(paint('2', `${r.path}: ${note}`));
    fixedTotal += r.fixed;
    if (r.fixed > 0) {
      lines.push(paint('32', lang === 'en' ? englishPlurals(`${r.path}: fixed ${r.fixed} problem(s)`) : `${r.path}：已修复 ${r.fixed} 处问题`));
      for (const c of r.changes) lines.push(`  ${c}`);
      lines.push('');
    } else if (r.diff !== undefined) {
      lines.push(paint('33', lang === 'en' ? englishPlurals(`${r.path}: --fix would make ${r.changes.length} change(s) (dry run, nothing written)`) : `${r.path}：--fix 将做 ${r.changes.length} 处改动（试运行，未写入）`));
      for (const c of r.changes) lines.push(`  ${c}`);
      lines.push('', r.diff);
    }
    if (r.summary.findings.length === 0) continue;
    lines.push(paint('4', r.path));
    for (const f of r.summary.findings) {
      const sev = SEVERITY_LABEL[lang][f.severity];
      const sevPainted = f.severity === 'error' ? paint('31', sev) : f.severity === 'warning' ? paint('33', sev) : paint('36', sev);
      const where = f.source ? `${f.line}:${f.column} (${pick(describeSource(f.source), lang)})` : `${f.line}:${f.column}`;
      const decided = f.decision ? paint('2', ` ${pick(f.reason ? message(`cli.decision.${f.decision}`, { reason: f.reason }) : message(`cli.decision.${f.decision}.bare`), lang)}`) : '';
      lines.push(`  ${paint('2', where)}  ${sevPainted}  ${f.message}  ${paint('2', f.rule)}${decided}`);
      // A dismissed finding listed with --include-dismissed counts for nothing.
      if (f.decision === 'dismissed') continue;
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      if (f.fixable) fixable++;
    }
    lines.push('');
  }
  const total = errors + warnings + infos;
  const files = results.length - skipped - failed;
  // No file checked is no verdict (run() says so and exits 2): never a ✔ over skipped files.
  if (lang === 'en') {
    if (files > 0) lines.push(englishPlurals(total === 0 ? `✔ ${files} file(s) checked, no problems` : `✖ ${total} problem(s) (${errors} error(s), ${warnings} warning(s), ${infos} info) in ${files} file(s)`));
    if (fixable > 0 && !fixing) lines.push(`  ${fixable} can be fixed with --fix`);
    if (fixedTotal > 0) lines.push(englishPlurals(`  fixed ${fixedTotal} problem(s)`));
    if (skipped + failed > 0) lines.push(englishPlurals(`  ${skipped} file(s) skipped, ${failed} could not be read`));
  } else {
    if (files > 0) lines.push(total === 0 ? `✔ 已检查 ${files} 个文件，未发现问题` : `✖ ${files} 个文件中共 ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）`);
    if (fixable > 0 && !fixing) lines.push(`  其中 ${fixable} 个可用 --fix 自动修复`);
    if (fixedTotal > 0) lines.push(`  已自动修复 ${fixedTotal} 处`);
    if (skipped + failed > 0) lines.push(`  跳过 ${skipped} 个文件，${failed} 个文件无法读取`);
  }
  // Nothing found to say (every file left out of a folder): no blank line either.
  return lines.length ? lines.join('\n') + '\n' : '';
}

// Run when executed (the bundle's entry), not when imported by tests.
if (typeof require !== 'undefined' && require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: the rest of the output is not wanted,
  // which is no error. It is dropped, and the run ends with its own exit code, never a crash.
  let stdoutClosed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stdoutClosed = true;
  });
  run(process.argv.slice(2), { out: (s) => { if (!stdoutClosed) process.stdout.write(s); }, err: (s) => process.stderr.write(s), cwd: process.cwd(), stdin: readStdin }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`gov-report: 内部错误 / internal error: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
