// What every command of the CLI shares: where it writes, how it says a usage mistake, standard
// input, and writing its output to a file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { message, pick, type Lang } from '../../../shared/src/index';
import { MAX_FILE_BYTES } from '../readFile';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  /** Standard input, for "-". */
  stdin?: () => Promise<Uint8Array>;
}

/** A mistake in the command line: said with where to read the usage, exit 2. */
export class UsageError extends Error {}

/** The mistake and the command's help, exit 2. */
export function usage(io: Pick<CliIo, 'err'>, text: string, help: string): number {
  io.err(`gov-report: ${text}\n\n${help}\n`);
  return 2;
}

/** "--format=json" → ["--format", "json"]; anything else as it is. */
export function splitFlag(a: string): [string, string | undefined] {
  const eq = a.indexOf('=');
  return a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
}

/** The run's output, once: to standard output, or to the file of -o (false when it cannot be written, said). */
export function writeOutput(io: CliIo, outputFile: string | undefined, output: string | Uint8Array, lang: Lang): boolean {
  if (!outputFile) {
    io.out(output as string);
    return true;
  }
  try {
    writeFileSync(resolve(io.cwd, outputFile), output);
    return true;
  } catch (e) {
    io.err(`gov-report: ${pick(message('cli.failed.write', { detail: (e as NodeJS.ErrnoException).code ?? String(e) }), lang)} (${outputFile})\n`);
    return false;
  }
}

/** Standard input, read as a file would be: past the size limit the rest is not read (and the file is said to be too large). */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > MAX_FILE_BYTES.text) break;
  }
  // A Buffer is a Uint8Array: no second copy of the report.
  return Buffer.concat(chunks);
}
