// `gov-report`: the command-line adapter over the core, and the entry of the bundle (dist/cli.js).
// Each command is a module of cli/: check and summary (check.ts, with args.ts, checkFile.ts and the
// output formats), convert, review, init and print-config; run() only dispatches. Exit 0: no
// error; 1: an error was found; 2: bad usage, an unreadable file, or nothing to check.
import { parseArgs } from './cli/args';
import { runCheck } from './cli/check';
import { runConvert, CONVERT_HELP } from './cli/convert';
import { HELP } from './cli/help';
import { runInit } from './cli/init';
import { readStdin, UsageError, type CliIo } from './cli/io';
import { VERSION } from './cli/output';
import { runPrintConfig } from './cli/printConfig';
import { REVIEW_HELP, runReview } from './cli/review';

export { parseArgs, type Options } from './cli/args';
export { collectEntries, collectFiles } from './cli/files';
export type { CliIo } from './cli/io';
export type { FileResult } from './fileResult';

export async function run(argv: string[], io: CliIo): Promise<number> {
  if (argv[0] === 'init') return runInit(io);
  if (argv[0] === 'print-config') return runPrintConfig(argv.slice(1), io);
  if (argv[0] === 'convert') return runConvert(argv.slice(1), io);
  if (argv[0] === 'review') return runReview(argv.slice(1), io);
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // The mistake and where to read the usage, not the whole bilingual help.
    io.err(`gov-report: ${e.message}\n运行 gov-report --help 查看用法 / run gov-report --help for the usage\n`);
    return 2;
  }
  if (opts === 'help') io.out(HELP['zh-CN'] + '\n\n' + HELP.en + '\n\n' + CONVERT_HELP + '\n\n' + REVIEW_HELP + '\n');
  else if (opts === 'version') io.out(VERSION + '\n');
  else return runCheck(opts, io);
  return 0;
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
