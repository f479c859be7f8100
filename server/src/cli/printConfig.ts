// `gov-report print-config <file>`: the configuration that applies to a report, as JSON.
import { dirname, relative, resolve } from 'node:path';
import { message, pick } from '../../../shared/src/index';
import { ConfigFinder } from '../configFile';
import type { CliIo } from './io';

export function runPrintConfig(argv: string[], io: CliIo): number {
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
