// `npm run bench:summary`: `gov-report summary` over a reviewer's folder of 1,000 reports (the
// examples and the corpus copied over and over, PDFs and web pages included, each copy in its own
// sub-folder). Runs the bundled CLI five times (CSV to a file) and reports the median wall time and
// the peak resident memory of the process (its PDF reading threads included).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const TARGET = 1000;
const RUNS = 5;

const sources = [join(root, 'test', 'fixtures', 'real'), join(root, 'test', 'fixtures', 'corpus')].flatMap((dir) =>
  readdirSync(dir).filter((f) => f !== 'README.md').map((f) => join(dir, f)));
const folder = mkdtempSync(join(tmpdir(), 'gov-bench-summary-'));
let n = 0;
for (let copy = 0; n < TARGET; copy++) {
  const sub = join(folder, `unit-${String(copy).padStart(3, '0')}`);
  mkdirSync(sub);
  for (const s of sources) {
    if (n === TARGET) break;
    copyFileSync(s, join(sub, s.slice(s.lastIndexOf('/') + 1)));
    n++;
  }
}
const pdfs = sources.filter((s) => s.endsWith('.pdf')).length;
const times: number[] = [];
let peak = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(root, 'scripts', 'maxrss.cjs'), join(root, 'dist', 'cli.js'), 'summary', folder, '--format', 'csv', '-o', join(folder, '..', 'gov-bench-summary.csv')], { encoding: 'utf8' });
  times.push(performance.now() - started);
  if (r.status !== 0) throw new Error(r.stderr);
  peak = Math.max(peak, Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024);
}
times.sort((a, b) => a - b);
console.log(`gov-report summary over ${n} files (${Math.round((n * pdfs) / sources.length)} PDFs): median ${(times[RUNS >> 1]! / 1000).toFixed(2)} s of ${RUNS} runs (fastest ${(times[0]! / 1000).toFixed(2)} s), peak memory ${Math.round(peak)} MB`);
