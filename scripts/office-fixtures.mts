// Writes the office-printed fixtures: the realistic figures as Word files in each table style
// (test/helpers/docx.ts), printed to PDF by LibreOffice as agencies print them. Run by hand where
// LibreOffice is installed (apt-get install libreoffice-writer-nogui fonts-wqy-zenhei); the files
// are committed, so the tests need no office suite.
//   npx tsx scripts/office-fixtures.mts
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRINTED_STYLES, renderDocx } from '../test/helpers/docx';
import { realisticFigures } from '../test/helpers/render';

const out = join(import.meta.dirname, '..', 'test', 'fixtures', 'office');
mkdirSync(out, { recursive: true });
for (const style of PRINTED_STYLES) {
  const docx = join(out, `${style}.docx`);
  writeFileSync(docx, await renderDocx(realisticFigures(), { style, listNumbering: false }));
  const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, docx], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`soffice failed for ${style}: ${r.stderr}`);
  console.log(`${style}: ${docx} → ${style}.pdf`);
}
