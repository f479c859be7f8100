// The configuration of a run: the --config file or the nearest .gov-report.json of each folder,
// resolved once per folder (ConfigFinder caches by directory) and turned into check options once
// per configuration file, not once per report.
import { relative, resolve } from 'node:path';
import { matchesAny, message, pick, type CheckOptions, type Config, type Lang } from '../../../shared/src/index';
import { ConfigFinder, type FoundConfig } from '../configFile';
import type { Options } from './args';
import type { CliIo } from './io';

/** What applies to the reports of one folder. */
export interface FolderSettings {
  found: FoundConfig;
  config: Config;
  /** The check options (the deadline is set per file, when its reading is done). */
  options: Omit<CheckOptions, 'deadline'> & { keepSuppressed: true };
  /** Where the folder's review record is: beside its configuration, else where the command runs. */
  root: string;
}

export class RunSettings {
  private readonly byConfig = new Map<FoundConfig, FolderSettings>();

  private constructor(private readonly io: CliIo, private readonly opts: Options, private readonly explicit: FoundConfig | undefined, private readonly finder: ConfigFinder, readonly lang: Lang) {}

  /** The run's settings, or the exit code when the --config file cannot be used (said). */
  static open(opts: Options, io: CliIo): RunSettings | number {
    const explicit = opts.config ? ConfigFinder.read(resolve(io.cwd, opts.config)) : undefined;
    if (explicit?.kind === 'invalid') {
      io.err(`gov-report: ${pick(message('cli.config.invalid', { path: opts.config as string, error: explicit.error }), opts.lang ?? 'zh-CN')}\n`);
      return 2;
    }
    const finder = new ConfigFinder();
    // One language for the run: --lang, else the configuration's (the explicit one, or the one for the current folder).
    const around = explicit ?? finder.forDir(io.cwd);
    const lang: Lang = opts.lang ?? (around.kind === 'ok' ? around.config.language : undefined) ?? 'zh-CN';
    return new RunSettings(io, opts, explicit, finder, lang);
  }

  /** The settings for a report in `dir` (absolute). */
  forDir(dir: string): FolderSettings {
    const found = this.explicit ?? this.finder.forDir(dir);
    let settings = this.byConfig.get(found);
    if (!settings) {
      settings = this.derive(found);
      this.byConfig.set(found, settings);
    }
    return settings;
  }

  /** What leaves the file out of the run (--ignore, or the configuration's ignoreFiles), if anything does. */
  ignoredBy(file: string, folder: FolderSettings): string | undefined {
    if (this.opts.ignore.length && matchesAny(relative(this.io.cwd, file), this.opts.ignore)) return '--ignore';
    const { found, config } = folder;
    if (found.kind === 'ok' && config.ignoreFiles && matchesAny(relative(found.dir, file), config.ignoreFiles)) return relative(this.io.cwd, found.path) || found.path;
    return undefined;
  }

  private derive(found: FoundConfig): FolderSettings {
    const config = found.kind === 'ok' ? found.config : {};
    const severity = { ...(config.rules ?? {}), ...this.opts.rules };
    const options = { keepSuppressed: true as const, ...(config.requireReason ? { requireReason: true } : {}), ...(Object.keys(severity).length ? { severity } : {}), ...(config.ignoreFindings ? { ignore: config.ignoreFindings } : {}) };
    return { found, config, options, root: found.kind === 'ok' ? found.dir : this.io.cwd };
  }
}
