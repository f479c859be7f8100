// `npx tsx scripts/bench-hostile.ts [--cli dist/cli.js] [--runs 5]`: hostile PDFs
// (form XObjects drawn through each other: ten times a level, five to seven levels; a form that
// draws itself; a chain of 10,000 forms), and those that weigh the operator budget's units against
// each other (a page of 300,000 lines; nested forms drawing a long string, an inline image),
// checked by the bundled CLI as a user would: the wall time of `gov-report check --format json
// <file>` (worker start, pdf.js, the operator budget, the check), the median of several runs, and
// what the CLI said of the file. Then, read here from the sources, the operators each file used
// (PDF_LIMITS) and the processor time of that reading. hongze-2024.pdf, a published report, is the
// yardstick. Build first (`npm run build`); --cli names another build (the previous main's) to
// compare in one session.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { operatorsPerFile, readPdfPagesHere } from '../server/src/pdf';
import { hostilePdf } from '../test/helpers/hostilePdf';

const root = join(__dirname, '..');
const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const k = argv.indexOf(name);
  return k >= 0 && argv[k + 1] !== undefined ? argv[k + 1]! : fallback;
};
const cli = resolve(option('--cli', join(root, 'dist', 'cli.js')));
const runs = Number(option('--runs', '5'));

const dir = mkdtempSync(join(tmpdir(), 'gov-bench-hostile-'));
const cases: Array<[string, Uint8Array]> = [
  ['hongze-2024.pdf (published, 5 pages)', new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf')))],
  ['nested forms, 10 × 5 levels', hostilePdf('nested', { depth: 5 })],
  ['nested forms, 10 × 6 levels', hostilePdf('nested', { depth: 6 })],
  ['nested forms, 10 × 7 levels', hostilePdf('nested', { depth: 7 })],
  ['four pages of nested forms, 10 × 6', hostilePdf('nested', { depth: 6, pages: 4 })],
  ['a form that draws itself', hostilePdf('self')],
  ['a chain of 10,000 forms', hostilePdf('chain', { depth: 10_000 })],
  ['a chain of 7,000 forms', hostilePdf('chain', { depth: 7_000 })],
  ['300,000 lines on a page', hostilePdf('operators', { count: 300_000 })],
  ['nested forms, 10 × 6, a long string', hostilePdf('nested', { depth: 6, leaf: 'longText' })],
  ['nested forms, 10 × 6, an inline image', hostilePdf('nested', { depth: 6, leaf: 'inlineImage' })],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`${cli}: check --format json, wall time, median of ${runs} runs\n`);
console.log(`${'file'.padEnd(40)}${'size'.padStart(10)}${'median'.padStart(10)}${'min'.padStart(9)}${'max'.padStart(9)}  what the CLI said`);
cases.forEach(([name, bytes], k) => {
  const path = join(dir, `case${k}.pdf`);
  writeFileSync(path, bytes);
  const times: number[] = [];
  let said = '';
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const p = spawnSync(process.execPath, [cli, 'check', '--format', 'json', path], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    times.push(performance.now() - t);
    try {
      const file = JSON.parse(p.stdout).files[0] as { message?: string; notes?: string[]; findings?: unknown[] };
      said = file.message ?? [`${file.findings?.length ?? 0} findings`, ...(file.notes ?? [])].join('; ');
    } catch {
      said = `exit ${p.status}: ${p.stderr.split('\n')[0]}`;
    }
  }
  const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
  console.log(`${name.padEnd(40)}${`${Math.round(bytes.length / 1024)} KB`.padStart(10)}${ms(median(times)).padStart(10)}${ms(Math.min(...times)).padStart(9)}${ms(Math.max(...times)).padStart(9)}  ${said}`);
});

/** The reading alone, here (pdf.js loaded once): the operators used, and the processor time (median). */
async function readings(): Promise<void> {
  console.log(`\nread from the sources: operators used of the file's budget, and processor time (median of ${runs})\n`);
  await readPdfPagesHere(cases[0]![1]);
  for (const [name, bytes] of cases) {
    const cpu: number[] = [];
    let used = '';
    for (let r = 0; r < runs; r++) {
      const start = process.cpuUsage();
      const read = await readPdfPagesHere(bytes);
      const spent = process.cpuUsage(start);
      cpu.push((spent.user + spent.system) / 1000);
      used = read.ok ? `${read.operators.reduce((a, b) => a + b, 0).toLocaleString('en')} of ${operatorsPerFile(bytes.length).toLocaleString('en')}${read.tooComplex.length ? `, page ${read.tooComplex.join(', ')} dropped` : ''}` : read.reason;
    }
    console.log(`${name.padEnd(40)}${`${Math.round(median(cpu))} ms`.padStart(10)}  ${used}`);
  }
}

if (!argv.includes('--cli')) void readings();
