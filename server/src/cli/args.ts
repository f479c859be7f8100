// The options of `gov-report check` and `gov-report summary`: read from the command line, checked
// with zod, each mistake said with what would have been right.
import * as z from 'zod/mini';
import { closest, rules, suggest } from '../../../shared/src/index';
import { splitFlag, UsageError } from './io';

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export const SUMMARY_FORMATS = ['csv', 'json', 'html', 'xlsx'] as const;

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
export type Options = z.infer<typeof Options>;

/** Every command run() dispatches, for the message that names them. */
export const COMMANDS = ['check', 'summary', 'review', 'convert', 'init', 'print-config'] as const;

/** The long options of check and summary, for the suggestion after a misspelt one. */
const OPTIONS = ['--format', '--output-file', '--out', '--rule', '--stdin-filename', '--lang', '--fix', '--dry-run', '--quiet', '--max-warnings', '--ignore', '--config', '--include-dismissed', '--help', '--version'] as const;

/** The options that take a value, and where each puts it. */
const VALUE_OPTIONS = new Set(['--max-warnings', '--ignore', '--config', '--output-file', '-o', '--out', '--rule', '--stdin-filename', '--format', '--lang']);

/** The unknown-option message, with the known option a typo most likely meant. By edit distance
 *  as for rule ids, but the closest one within a third of its length: option names are short and
 *  share their "--", so two edits alone would offer --fix for --x. */
function unknownOption(flag: string): string {
  const near = flag.startsWith('--') ? closest(flag, OPTIONS) : undefined;
  return near ? `未知选项 “${flag}”（是否想用 ${near}？） / unknown option "${flag}" (did you mean "${near}"?)` : `未知选项 “${flag}” / unknown option "${flag}"`;
}

type Raw = Record<string, unknown> & { paths: string[] };

/** One option with its value, into the raw options. */
function takeValue(raw: Raw, flag: string, v: string): void {
  if (flag === '--ignore') raw.ignore = [...((raw.ignore as string[] | undefined) ?? []), v];
  else if (flag === '--config') raw.config = v;
  else if (flag === '--output-file' || flag === '-o' || flag === '--out') raw.outputFile = v;
  else if (flag === '--stdin-filename') raw.stdinFilename = v;
  else if (flag === '--format' || flag === '--lang') raw[flag.slice(2)] = v;
  else if (flag === '--rule') {
    const m = /^([\w-]+):(off|info|warning|error)$/.exec(v);
    if (!m) throw new UsageError(`--rule 需要 “规则:级别”，如 row-total:off / --rule needs "rule:severity", e.g. row-total:off`);
    if (!rules.some((r) => r.id === m[1])) throw new UsageError(`未知规则 “${m[1]}” / unknown rule "${m[1]}"${suggest(m[1] as string)}`);
    raw.rules = { ...((raw.rules as Record<string, string> | undefined) ?? {}), [m[1] as string]: m[2] };
  } else {
    if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings 需要一个非负整数 / --max-warnings needs a non-negative integer`);
    raw.maxWarnings = Number(v);
  }
}

/** The words after the command, as raw options (help and version end the reading). */
function readWords(args: string[], raw: Raw): 'help' | 'version' | undefined {
  while (args.length) {
    const a = args.shift() as string;
    const [flag, inline] = splitFlag(a);
    if (flag === '-h' || flag === '--help') return 'help';
    if (flag === '-v' || flag === '--version') return 'version';
    if (flag === '--fix') raw.fix = true;
    else if (flag === '--quiet') raw.quiet = true;
    // Only with --fix (checked below): alone it would silently turn a check into a fix.
    else if (flag === '--dry-run') raw.dryRun = true;
    else if (flag === '--include-dismissed') raw.includeDismissed = true;
    else if (VALUE_OPTIONS.has(flag)) {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${flag} 需要一个值 / ${flag} needs a value`);
      takeValue(raw, flag, v);
    }
    // "-" alone is standard input.
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(unknownOption(flag));
    else raw.paths.push(a);
  }
  return undefined;
}

export function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const args = [...argv];
  const command = args.shift();
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command === '-v' || command === '--version') return 'version';
  if (command !== 'check' && command !== 'summary') throw new UsageError(command ? `未知命令 “${command}”（可用：${COMMANDS.join('、')}） / unknown command "${command}" (use: ${COMMANDS.join(', ')})` : '缺少命令 check / missing command: check');
  const raw: Raw = { paths: [], command };
  return readWords(args, raw) ?? validate(raw);
}

/** The raw options checked against the schema, then against each other. */
function validate(raw: Raw): Options {
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
