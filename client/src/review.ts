// A reviewer's decision on a problem, one code path for the editor's quick actions (the commands
// gov-report.review.confirm and gov-report.review.dismiss, which the server's code actions name) and
// the overview's list of a report's problems: the reason to dismiss asked for in an input box, the
// decision sent to the server, which writes the folder's review record (never the report).
import { window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RECORD_DECISION_REQUEST, type ReviewDecision } from '../../shared/src/protocol';
import { request } from './requests';
import { t } from './strings';

/** Records the decision on the finding `print` of the report `uri`; to dismiss, asks for the reason
 *  unless `given`. The review record's path, or undefined (cancelled, or refused: said in a message). */
export async function recordDecision(client: LanguageClient | undefined, uri: string, print: string, decision: ReviewDecision, given?: string): Promise<string | undefined> {
  const reason = given ?? (decision === 'dismissed' ? await askReason() : undefined);
  if (decision === 'dismissed' && reason === undefined) return undefined;
  const r = client ? await request(client, RECORD_DECISION_REQUEST, { uri, fingerprint: print, decision, ...(reason ? { reason } : {}) }) : undefined;
  if (!r?.ok) {
    void window.showErrorMessage(r?.message ?? t('reviewFailed'));
    return undefined;
  }
  void window.setStatusBarMessage(t(decision === 'dismissed' ? 'reviewDismissed' : 'reviewConfirmed', { path: workspace.asRelativePath(r.path) }), 5000);
  return r.path;
}

/** The reason to dismiss a problem (never empty), or undefined when the reviewer cancels. */
function askReason(): Thenable<string | undefined> {
  return window.showInputBox({ title: t('reviewDismissTitle'), prompt: t('reviewDismissPrompt'), placeHolder: t('reviewDismissPlaceholder'), ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : t('reviewReasonNeeded')) });
}
