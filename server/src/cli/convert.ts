// `gov-report convert`: the report as the checker reads it, to read or to start next year's from.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { message, parse, pick, printGrids, proseMarkdown } from '../../../shared/src/index';
import { isBinaryReport } from '../binaryReport';
import { splitFlag, usage, type CliIo } from './io';
import { readReportFile } from './read';

export const CONVERT_HELP = `用法: gov-report convert <文件.docx|.pdf> [--to md|txt] [--out <文件>]
      gov-report convert <任一报告文件> --to grid

把 Word（.docx）或 PDF 报告重建为文本：md 为 Markdown（表格为管道表格，空单元格保留），txt 为制表符分隔的表格行。
grid 打印检查器读到的表格（每格所在的列；推断的格子加标记），以及每张表下读取器给出的原始网格（空白格、跨行跨列、由空格推断的格子），便于看出误读。
默认写到标准输出；--out 写入文件（文件已存在时不覆盖）。

Usage: gov-report convert <file.docx|.pdf> [--to md|txt] [--out <file>]
       gov-report convert <any report file> --to grid

Rebuilds a Word (.docx) or PDF report as text: md is Markdown (pipe tables, blank cells kept), txt has tab-separated table rows.
grid prints the tables as the checker read them (each cell in its column; guessed cells marked), and under each table the grid its reader found (blank cells, row and column spans, cells guessed from spaces), so that a misread can be seen.
Writes to standard output; --out writes a file (never over an existing one).`;

interface ConvertArgs {
  to: string;
  out?: string;
  files: string[];
}

/** The arguments, 'help', or the usage mistake. */
function convertArgs(argv: string[]): ConvertArgs | 'help' | { mistake: string } {
  const a: ConvertArgs = { to: 'md', files: [] };
  const args = [...argv];
  while (args.length) {
    const arg = args.shift() as string;
    const [flag, inline] = splitFlag(arg);
    if (flag === '-h' || flag === '--help') return 'help';
    if (flag === '--to' || flag === '--out') {
      const v = inline ?? args.shift();
      if (v === undefined) return { mistake: `${flag} 需要一个值 / ${flag} needs a value` };
      if (flag === '--to') a.to = v;
      else a.out = v;
    } else if (flag.startsWith('-')) return { mistake: `未知选项 “${flag}” / unknown option "${flag}"` };
    else a.files.push(arg);
  }
  if (a.to !== 'md' && a.to !== 'txt' && a.to !== 'grid') return { mistake: `--to 的取值 “${a.to}” 无效，可选：md, txt, grid / invalid --to "${a.to}" (one of: md, txt, grid)` };
  if (a.files.length !== 1) return { mistake: '请给出一个要转换的文件 / give one file to convert' };
  return a;
}

export async function runConvert(argv: string[], io: CliIo): Promise<number> {
  const a = convertArgs(argv);
  if (a === 'help') {
    io.out(CONVERT_HELP + '\n');
    return 0;
  }
  if ('mistake' in a) return usage(io, a.mistake, CONVERT_HELP);
  const name = a.files[0] as string;
  const path = resolve(io.cwd, name);
  // grid: the tables as read, from any report; md and txt rebuild a Word or PDF file.
  if (a.to !== 'grid' && !isBinaryReport(path)) return usage(io, `convert 读取 Word（.docx）和 PDF 文件 / convert reads Word (.docx) and PDF files: ${name}`, CONVERT_HELP);
  const read = await readReportFile(path);
  if (!read.ok || (a.to !== 'grid' && !read.rebuilt)) {
    io.err(`gov-report: ${name}: ${read.ok ? '' : pick(read.message, 'zh-CN')} / ${read.ok ? '' : pick(read.message, 'en')}\n`);
    return 2;
  }
  // md for a reader to edit: headings as Markdown headings, paragraphs no longer broken at the page's line ends.
  const html = /\.html?$/i.test(path);
  const text = a.to === 'grid' ? printGrids(parse(read.text, { html }), 'zh-CN', { html }) : a.to === 'md' ? proseMarkdown(read.rebuilt!.markdown) : read.rebuilt!.text;
  if (a.out === undefined) {
    io.out(text);
    return 0;
  }
  try {
    // Never over a file the user has: "wx" fails when it exists.
    writeFileSync(resolve(io.cwd, a.out), text, { flag: 'wx' });
  } catch (e) {
    io.err(`gov-report: ${pick(message('cli.failed.write', { detail: (e as NodeJS.ErrnoException).code ?? String(e) }), 'zh-CN')}: ${a.out}\n`);
    return 2;
  }
  return 0;
}
