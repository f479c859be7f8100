// Settings under gov-report.*, validated with zod: anything malformed falls back to defaults.
// zod/mini: the same validation at a fraction of the bundle size (the server loads on every start).
import * as z from 'zod/mini';
import { rules, type Lang, type SeveritySetting } from '../../shared/src/index';

const Severity = z.enum(['off', 'info', 'warning', 'error']);
export const SettingsSchema = z.object({
  language: z.catch(z._default(z.enum(['auto', 'zh-CN', 'en']), 'auto'), 'auto'),
  severity: z.catch(z._default(z.record(z.string(), z.unknown()), {}), {}),
  scope: z.catch(z._default(z.enum(['openFiles', 'workspace']), 'openFiles'), 'openFiles'),
  showDismissed: z.catch(z._default(z.boolean(), false), false),
});

export interface Settings {
  language: 'auto' | Lang;
  severity: Record<string, SeveritySetting>;
  /** openFiles: problems of open files only; workspace: closed reports keep theirs (checked from disk). */
  scope: 'openFiles' | 'workspace';
  /** Findings a reviewer dismissed stay in the Problems panel, as hints with their reason. */
  showDismissed: boolean;
}

export const defaultSettings: Settings = { language: 'auto', severity: {}, scope: 'openFiles', showDismissed: false };

export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  if (!parsed.success) return defaultSettings;
  const known = new Set(rules.map((r) => r.id));
  const severity: Record<string, SeveritySetting> = {};
  for (const [id, v] of Object.entries(parsed.data.severity)) {
    const s = Severity.safeParse(v);
    if (known.has(id) && s.success) severity[id] = s.data;
  }
  return { language: parsed.data.language, severity, scope: parsed.data.scope, showDismissed: parsed.data.showDismissed };
}

export function resolveLang(settings: Settings, clientLocale: string | undefined): Lang {
  if (settings.language !== 'auto') return settings.language;
  return clientLocale && /^en\b/i.test(clientLocale) ? 'en' : 'zh-CN';
}
