// The review record in the editor: the decisions of the folder's .gov-report-review.json marked on
// the findings (a dismissed one leaves the Problems panel, or shows as a hint), the quick actions
// "确认问题" and "排除（填写理由）…" on each problem, the fingerprints by which the overview records a
// decision, and the request that records one (the client asks for the reason). The record is the
// CLI's (reviewFile.ts): one file, one format.
import { fileURLToPath } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { decide, fingerprint, message, pick, withDecision, type Decision, type Finding, type Lang, type Localized, type ReportModel, type ReviewEntry } from '../../../shared/src/index';
import { CONFIRM_COMMAND, DISMISS_COMMAND, REBUILT_SCHEME, type ReviewCommandArguments, type ReviewLabels } from '../../../shared/src/protocol';
import { loadReview, reportKey, reviewer, ReviewRecords, saveReview, sha256 } from '../reviewFile';

/** The file a document stands for: itself, or the PDF or Word file a rebuilt report was read from. */
export function fileOfUri(uri: string): string | undefined {
  try {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    const q = uri.indexOf('?');
    if (uri.startsWith(`${REBUILT_SCHEME}:`) && q > 0) {
      const source = decodeURIComponent(uri.slice(q + 1));
      return source.startsWith('file:') ? fileURLToPath(source) : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export class ReviewRecord {
  private readonly records = new ReviewRecords();

  constructor(private readonly rootOf: (file: string) => string) {}

  /** The findings with the decisions marked; the dismissed ones apart. */
  mark(uri: string, model: ReportModel, findings: readonly Finding[]): { findings: Finding[]; dismissed: Finding[] } {
    const file = fileOfUri(uri);
    if (!file) return { findings: [...findings], dismissed: [] };
    return this.records.mark(this.rootOf(file), file, model, findings);
  }

  /** Records a decision on the finding with this fingerprint; the record's path, or why not. */
  record(uri: string, model: ReportModel, findings: readonly Finding[], print: string, decision: Decision['decision'], reason: string | undefined, bytes?: Uint8Array): { ok: true; path: string } | { ok: false; message: Localized } {
    const file = fileOfUri(uri);
    if (!file) return { ok: false, message: message('editor.review.notOnDisk') };
    const finding = findings.find((f) => fingerprint(f) === print);
    if (!finding) return { ok: false, message: message('editor.review.gone') };
    if (decision === 'dismissed' && !reason?.trim()) return { ok: false, message: message('editor.review.needsReason') };
    const root = this.rootOf(file);
    const loaded = loadReview(root);
    if (!loaded.ok) return { ok: false, message: message('cli.review.malformed', { path: loaded.path, line: loaded.line, error: loaded.error }) };
    const entry = decide(finding, { path: reportKey(root, file), ...(bytes ? { sha256: sha256(bytes) } : {}), model }, decision, reason?.trim(), reviewer(), new Date().toISOString());
    saveReview(root, withDecision(loaded.decisions, entry));
    this.records.forget(root);
    return { ok: true, path: loaded.path };
  }
}

/** The two quick actions on each problem at the range: confirm it, or dismiss it with a reason. */
export function reviewActions(uri: string, model: ReportModel, findings: readonly Finding[], range: { start: number; end: number }, diagnostics: readonly Diagnostic[], lang: Lang): CodeAction[] {
  if (!fileOfUri(uri)) return [];
  const out: CodeAction[] = [];
  for (const f of findings) {
    if (f.range.end < range.start || f.range.start > range.end || f.review) continue;
    const diagnostic = diagnostics.find((d) => d.code === f.ruleId);
    const args: ReviewCommandArguments = [uri, fingerprint(f)];
    const action = (title: Localized, command: string): CodeAction => ({
      title: pick(title, lang), kind: CodeActionKind.QuickFix, ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
      command: { title: pick(title, lang), command, arguments: args },
    });
    out.push(action(message('editor.review.confirm'), CONFIRM_COMMAND), action(message('editor.review.dismiss'), DISMISS_COMMAND));
  }
  return out;
}

/** The words of the overview's list of a report's problems: the decisions named as the quick actions name them. */
export function reviewLabels(lang: Lang): ReviewLabels {
  const say = (id: Parameters<typeof message>[0]) => pick(message(id), lang);
  return {
    show: say('overview.review.show'), title: say('overview.review.title'), none: say('overview.review.none'), confirm: say('editor.review.confirm'), dismiss: say('editor.review.dismiss'),
    confirmed: say('overview.review.confirmed'), dismissed: say('overview.review.dismissed'), close: say('overview.review.close'),
  };
}

/** The fingerprint of each finding of an overview entry, in the entry's order: `findings` are those
 *  the entry was made of (the dismissed ones included), matched by rule, place and message. */
export function fingerprintsOf(entry: ReviewEntry, model: ReportModel, findings: readonly Finding[], lang: Lang): string[] {
  const key = (rule: string, line: number, column: number, text: string) => `${rule}\u0000${line}:${column}\u0000${text}`;
  const prints = new Map<string, string>();
  for (const f of findings) {
    const at = model.lines.positionAt(f.range.start);
    prints.set(key(f.ruleId, at.line + 1, at.character + 1, pick(f.message, lang)), fingerprint(f));
  }
  return entry.findings.map((f) => prints.get(key(f.rule, f.line, f.column, f.message)) ?? '');
}
