// The files a run looks at: the files named on the command line, and the report files under the
// named folders (sorted, links in a folder not followed).
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { UsageError } from './io';

const EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.gkreport', '.docx', '.doc', '.wps', '.pdf']);

/** A file to look at: named on the command line or found in a folder; a link found in a folder is said, not read. */
export interface FileEntry {
  path: string;
  named: boolean;
  link?: true;
}

/** The entry standing for the report read from standard input ("-"). */
export const STDIN = '\u0000stdin';

/** Files to check: the named files, and the report files under the named folders (sorted). */
export function collectFiles(paths: string[]): string[] {
  return collectEntries(paths).map((e) => e.path);
}

/** As collectFiles, telling which files were named on the command line (not found in a folder). */
export function collectEntries(paths: string[]): FileEntry[] {
  const out: FileEntry[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ path: p, named: false });
      // A link in a folder is not followed (it may lead anywhere), and that is said.
      else if (entry.isSymbolicLink() && EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push({ path: p, named: false, link: true });
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`无法读取 “${p}”：文件或目录不存在 / cannot read "${p}": no such file or folder`);
    }
    if (st.isDirectory()) walk(p);
    else out.push({ path: p, named: true });
  }
  return out;
}
