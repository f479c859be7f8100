// A reviewer's folder for the benchmarks: the examples and the corpus copied over and over until it
// holds `target` files (PDFs and web pages included), each copy in its own sub-folder.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function reviewerFolder(root: string, target: number): { folder: string; files: number; pdfs: number } {
  const sources = [join(root, 'test', 'fixtures', 'real'), join(root, 'test', 'fixtures', 'corpus')].flatMap((dir) =>
    readdirSync(dir).filter((f) => f !== 'README.md').map((f) => join(dir, f)));
  const folder = mkdtempSync(join(tmpdir(), 'gov-bench-folder-'));
  let n = 0;
  let pdfs = 0;
  for (let copy = 0; n < target; copy++) {
    const sub = join(folder, `unit-${String(copy).padStart(3, '0')}`);
    mkdirSync(sub);
    for (const s of sources) {
      if (n === target) break;
      copyFileSync(s, join(sub, s.slice(s.lastIndexOf('/') + 1)));
      if (s.endsWith('.pdf')) pdfs++;
      n++;
    }
  }
  return { folder, files: n, pdfs };
}
