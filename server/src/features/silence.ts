// "在此处忽略" and "关闭此规则": silencing what is meant. In Markdown and HTML, outside tables, a
// comment before the line (a comment line inside a Markdown table would end the table); elsewhere
// an entry in the configuration file keyed by rule and row or section, never by line number.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { CONFIG_FILE, ignoreEntryFor, message, pick, type Config, type Finding, type Lang } from '../../../shared/src/index';
import type { Analysis } from '../analysis';
import type { FoundConfig } from '../configFile';

export interface SilenceContext {
  uri: string;
  /** The configuration that applies to the document, where it is a file on disk. */
  found: FoundConfig | undefined;
  /** Where a new configuration file goes: the workspace folder holding the document. */
  workspaceFolders: readonly string[];
}

export function silenceActions(a: Analysis, f: Finding, diagnostic: Diagnostic | undefined, ctx: SilenceContext, lang: Lang): CodeAction[] {
  const out: CodeAction[] = [];
  const withDiagnostic = diagnostic ? { diagnostics: [diagnostic] } : {};
  const comment = commentEdit(a, f);
  if (comment) {
    out.push({ title: pick(message('action.ignoreHere', { rule: f.ruleId }), lang), kind: CodeActionKind.QuickFix, ...withDiagnostic, edit: { changes: { [ctx.uri]: [comment] } } });
  }
  const target = configTarget(ctx);
  if (!target) return out;
  if (!comment) {
    const entry = ignoreEntryFor(f, a.model);
    const edit = configEdit(target, (c) => ({ ...c, ignoreFindings: [...(c.ignoreFindings ?? []), entry] }));
    if (edit) out.push({ title: pick(message('action.ignoreHere.config', { rule: f.ruleId, file: CONFIG_FILE }), lang), kind: CodeActionKind.QuickFix, ...withDiagnostic, edit });
  }
  const off = configEdit(target, (c) => ({ ...c, rules: { ...(c.rules ?? {}), [f.ruleId]: 'off' } }));
  if (off) out.push({ title: pick(message('action.ruleOff', { rule: f.ruleId, file: CONFIG_FILE }), lang), kind: CodeActionKind.QuickFix, ...withDiagnostic, edit: off });
  return out;
}

/** Markdown or HTML, outside tables: `<!-- gov-report-disable-next-line rule -->` before the line. */
function commentEdit(a: Analysis, f: Finding) {
  const markup = a.languageId === 'markdown' || a.languageId === 'html' || a.model.html === true;
  if (!markup) return undefined;
  const inTable = Object.values(a.model.tables).some((t) => t && f.range.start >= t.range.start && f.range.start < t.range.end);
  if (inTable) return undefined;
  const text = a.model.text;
  const lineStart = text.lastIndexOf('\n', f.range.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = a.model.lines.positionAt(lineStart);
  return { range: { start: at, end: at }, newText: `${indent}<!-- gov-report-disable-next-line ${f.ruleId} -->${eol}` };
}

/** The .gov-report.json to write: the one in use, else a new one in the workspace folder (or beside the file). */
function configTarget(ctx: SilenceContext): { path: string; exists: boolean } | undefined {
  if (!ctx.uri.startsWith('file:')) return undefined;
  const found = ctx.found;
  if (found && found.kind !== 'none') {
    // A configuration kept in package.json is not rewritten (its formatting is the user's).
    return found.path.endsWith(CONFIG_FILE) ? { path: found.path, exists: true } : undefined;
  }
  const file = fileURLToPath(ctx.uri);
  const folder = ctx.workspaceFolders.filter((w) => file.startsWith(w)).sort((x, y) => y.length - x.length)[0] ?? dirname(file);
  return { path: join(folder, CONFIG_FILE), exists: existsSync(join(folder, CONFIG_FILE)) };
}

function configEdit(target: { path: string; exists: boolean }, change: (c: Config) => Config): WorkspaceEdit | undefined {
  let current: Config = {};
  let oldText = '';
  if (target.exists) {
    try {
      oldText = readFileSync(target.path, 'utf8');
      current = JSON.parse(oldText) as Config;
    } catch {
      return undefined; // an unreadable file is the user's to fix first (its diagnostic says so)
    }
  }
  const uri = pathToFileURL(target.path).toString();
  const newText = JSON.stringify(change(current), null, 2) + '\n';
  const lines = oldText.split('\n');
  const end = { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
  return {
    documentChanges: [
      ...(target.exists ? [] : [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }]),
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end }, newText }] },
    ],
  };
}
