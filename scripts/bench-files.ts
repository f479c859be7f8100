// `npm run bench:files`: Word and PDF reports read as the CLI reads them. Writes 100 PDFs (the three
// print styles, varied figures, and the published hongze-2024.pdf) and 100 .docx files into a
// temporary folder; times each file's read + rebuild + parse + check in this process (per-file
// median of three rounds, median and slowest over the files, peak resident memory); then runs the
// bundled CLI once over each folder and reports its wall time and peak memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, parse } from '../shared/src/index';
import { readBinaryReport } from '../server/src/binaryReport';
import { renderDocx } from '../test/helpers/docx';
import { renderPdf, type PdfStyle } from '../test/helpers/pdf';
import { realisticFigures, type Figures } from '../test/helpers/render';

const root = join(__dirname, '..');
const COUNT = 100;

function figures(i: number): Figures {
  const f = realisticFigures();
  // Vary the figures (consistently: new and 予以公开 move together, so every identity still holds).
  for (const id of ['new', 'granted', 'total']) {
    const row = f.table2[id]!;
    row[0] = row[0]! + i;
    row[6] = row[6]! + i;
  }
  return f;
}

async function main(): Promise<void> {
  const pdfDir = mkdtempSync(join(tmpdir(), 'gov-bench-pdf-'));
  const docxDir = mkdtempSync(join(tmpdir(), 'gov-bench-docx-'));
  const styles: PdfStyle[] = ['ruled', 'wrapped', 'borderless'];
  const hongze = readFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'));
  for (let i = 0; i < COUNT; i++) {
    writeFileSync(join(pdfDir, `r${String(i).padStart(3, '0')}.pdf`), i % 10 === 9 ? hongze : renderPdf(figures(i), styles[i % 3]!));
    writeFileSync(join(docxDir, `r${String(i).padStart(3, '0')}.docx`), await renderDocx(figures(i)));
  }
  const rows: string[] = [];
  for (const [kind, dir, ext] of [['PDF', pdfDir, 'pdf'], ['Word', docxDir, 'docx']] as const) {
    const perFile: number[] = [];
    let peak = 0;
    let findings = 0;
    for (let i = 0; i < COUNT; i++) {
      const path = join(dir, `r${String(i).padStart(3, '0')}.${ext}`);
      const bytes = new Uint8Array(readFileSync(path));
      const rounds: number[] = [];
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        const r = await readBinaryReport(path, bytes);
        if (!r.ok) throw new Error(`${path}: ${r.reason}`);
        const f = check(parse(r.rebuilt.markdown));
        rounds.push(performance.now() - t);
        if (k === 0) findings += f.filter((x) => x.severity === 'error').length;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      perFile.push(rounds.sort((a, b) => a - b)[1]!);
    }
    const sorted = [...perFile].sort((a, b) => a - b);
    const cliStart = performance.now();
    const cli = spawnSync(process.execPath, ['--require', join(root, 'scripts', 'maxrss.cjs'), join(root, 'dist', 'cli.js'), 'check', '--quiet', dir], { encoding: 'utf8' });
    const cliMs = performance.now() - cliStart;
    const rss = /maxrss (\d+)/.exec(cli.stderr)?.[1];
    rows.push(`${kind}: ${COUNT} files; per file median ${sorted[COUNT / 2]!.toFixed(1)} ms, slowest ${sorted[COUNT - 1]!.toFixed(1)} ms; peak rss in process ${Math.round(peak / 2 ** 20)} MiB; errors found ${findings}; CLI over the folder ${Math.round(cliMs)} ms (exit ${cli.status}), peak rss ${rss ? Math.round(Number(rss) / 1024) : '?'} MiB`);
  }
  console.log(rows.join('\n'));
}

void main();
