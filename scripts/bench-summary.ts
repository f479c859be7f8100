// `npm run bench:summary`: `gov-report summary` over a reviewer's folder of 1,000 reports (the
// examples and the corpus copied over and over, PDFs and web pages included, each copy in its own
// sub-folder). Runs the bundled CLI eleven times (CSV to a file) and reports the median wall time and
// the peak resident memory of the process (its PDF reading threads included).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { reviewerFolder } from './reviewerFolder';

const root = join(__dirname, '..');
const TARGET = 1000;
const RUNS = 11;

const { folder, files: n, pdfs } = reviewerFolder(root, TARGET);
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
console.log(`gov-report summary over ${n} files (${pdfs} PDFs): median ${(times[RUNS >> 1]! / 1000).toFixed(2)} s of ${RUNS} runs (fastest ${(times[0]! / 1000).toFixed(2)} s), peak memory ${Math.round(peak)} MB`);
