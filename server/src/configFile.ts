// Finding the configuration file for a report on disk (shared by the CLI and the server): the
// nearest folder, from the report's own upwards, holding `.gov-report.json` or a package.json with
// a "gov-report" key. The search stops at the project's root: a workspace folder (the editor), or
// the first folder holding .git or a package.json, so a file above the project silences nothing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE, parseConfig, type Config } from '../../shared/src/index';

export type FoundConfig =
  | { kind: 'none' }
  | { kind: 'ok'; path: string; dir: string; config: Config }
  | { kind: 'invalid'; path: string; dir: string; error: string };

export class ConfigFinder {
  private readonly byDir = new Map<string, FoundConfig>();

  /** `roots`: folders the search never goes above (the editor's workspace folders). */
  constructor(private readonly roots: () => readonly string[] = () => []) {}

  /** The configuration that applies to a file in `dir`: looked up once per folder (and the folders
   *  above it once each), then the same answer for every report in it. */
  forDir(dir: string): FoundConfig {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const found = this.readDir(dir) ?? (this.isTop(dir) ? { kind: 'none' as const } : this.forDir(dirname(dir)));
    this.byDir.set(dir, found);
    return found;
  }

  /** Where the search stops: the file system's root, a workspace folder, a project's root. */
  private isTop(dir: string): boolean {
    return dirname(dir) === dir || this.roots().includes(dir) || existsSync(join(dir, '.git')) || existsSync(join(dir, 'package.json'));
  }

  /** An explicit file (the CLI's --config). */
  static read(path: string): FoundConfig {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { kind: 'invalid', path, dir: dirname(path), error: code === 'ENOENT' ? '找不到该文件 / no such file' : code ?? String(e) };
    }
    const r = parseConfig(text, path.endsWith('package.json'));
    if (!r) return { kind: 'invalid', path, dir: dirname(path), error: 'no "gov-report" key' };
    return r.ok ? { kind: 'ok', path, dir: dirname(path), config: r.config } : { kind: 'invalid', path, dir: dirname(path), error: r.error };
  }

  clear(): void {
    this.byDir.clear();
  }

  private readDir(dir: string): FoundConfig | undefined {
    const own = join(dir, CONFIG_FILE);
    const text = tryRead(own);
    if (text !== undefined) {
      const r = parseConfig(text);
      return r?.ok ? { kind: 'ok', path: own, dir, config: r.config } : { kind: 'invalid', path: own, dir, error: r && !r.ok ? r.error : 'invalid' };
    }
    const pkgPath = join(dir, 'package.json');
    const pkg = tryRead(pkgPath);
    if (pkg !== undefined) {
      const r = parseConfig(pkg, true);
      if (r) return r.ok ? { kind: 'ok', path: pkgPath, dir, config: r.config } : { kind: 'invalid', path: pkgPath, dir, error: r.error };
    }
    return undefined;
  }
}

function tryRead(path: string): string | undefined {
  // Most folders hold neither file: asked first, without the cost of a failed read (an exception).
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
