// `gov-report init`: a starting .gov-report.json in the current folder (never over an existing one).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from '../../../shared/src/index';
import type { CliIo } from './io';

export function runInit(io: CliIo): number {
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
