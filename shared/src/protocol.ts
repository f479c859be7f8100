// The language server's own protocol, in one place: the names of its custom requests and
// notifications (gov-report/...) with their parameters and results, the commands its code actions
// name, the scheme of a rebuilt report, and the messages between the extension and the overview's
// page. The server, the VS Code client and the overview's page (a browser bundle) import it: it holds
// types and constant strings only, no runtime dependency (the imports below are types, erased).
import type { OverviewRow, ReviewEntry, ReviewFinding } from './outputs/review';

// ------------------------------------------------------------------ notifications
/** Client → server: the user's choice for a document ("check this file as a report", "do not
 *  check it"), or `null` to forget it. */
export const SET_CHOICE_NOTIFICATION = 'gov-report/setChoice';
export type Choice = 'check' | 'ignore';
export interface SetChoiceParams {
  uri: string;
  choice: Choice | null;
}

/** Server → client: what the server decided about a document and why (the status bar). */
export const STATUS_NOTIFICATION = 'gov-report/status';
/** Why a document is or is not checked. */
export type DocumentDecision =
  | 'language' // in the report language (.gkreport, *年度报告*.txt, or claimed by the client)
  | 'chosen' // the user chose "check this file as a report"
  | 'rebuilt' // rebuilt from a PDF or Word file the user opened
  | 'ignored' // the user chose "do not check this file"
  | 'structure' // recognised by its structure (title and sections or tables)
  | 'mentions' // mentions the report but is not one (a notice, a plan)
  | 'unrelated' // nothing about the report
  | 'tooLarge';
export interface StatusParams {
  uri: string;
  decision: DocumentDecision;
  active: boolean;
  format?: string;
  year?: number;
  /** The problems shown (a dismissed one is not counted). */
  errors: number;
  warnings: number;
  infos: number;
  /** The decision and its reasons, in the user's language. */
  detail: string;
}

// ------------------------------------------------------------------ requests
/** The reviewer's overview: an entry per file (figures, counts, findings), and the overview's
 *  columns and rows formatted in the user's language. `trusted: false` (Restricted Mode): no PDF or
 *  Word file is read. */
export const OVERVIEW_REQUEST = 'gov-report/overview';
export interface OverviewParams {
  uris: string[];
  trusted?: boolean;
}
export interface OverviewColumn {
  key: string;
  label: string;
  short: string;
  kind: 'text' | 'count' | 'rate';
}
export interface OverviewResult {
  columns: OverviewColumn[];
  rows: OverviewRow[];
  entries: ReviewEntry[];
  /** The fingerprint of each finding of each entry (`fingerprints[k][i]`: of `entries[k].findings[i]`),
   *  by which a decision on it is recorded (RECORD_DECISION_REQUEST). Kept apart from the entries,
   *  which are exported as `gov-report summary` writes them. */
  fingerprints: string[][];
  /** The words of the list of a report's problems (the catalog's, in the user's language). */
  review: ReviewLabels;
}

/** An export of the overview, as `gov-report summary` writes it; files named relative to `base`. */
export const EXPORT_REQUEST = 'gov-report/export';
export type ExportFormat = 'csv' | 'html' | 'json' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'html', 'json', 'xlsx'];
export interface ExportParams {
  entries: ReviewEntry[];
  format: ExportFormat;
  base?: string;
}
/** Text (CSV, HTML, JSON), or the bytes of a workbook in base64 (XLSX). */
export type ExportResult = { text: string; base64?: undefined } | { base64: string; text?: undefined };

/** Checks files from disk (the workspace check); their problems go to the Problems panel. The
 *  counts leave out the problems a reviewer dismissed, as the Problems panel does. */
export const CHECK_FILES_REQUEST = 'gov-report/checkFiles';
export interface CheckFilesParams {
  uris: string[];
}
export interface CheckFilesResult {
  checked: number;
  reports: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** Reads a PDF or Word file (`source`) into the report shown as the document `target`. */
export const REBUILD_REQUEST = 'gov-report/rebuild';
export interface RebuildParams {
  source: string;
  target: string;
}
export type RebuildResult = { ok: true; markdown: string; from: 'pdf' | 'docx'; notes: string[] } | Failed;

/** The Markdown `gov-report convert --to md` writes for a PDF or Word file (from its open rebuilt
 *  report `target` if there is one). */
export const CONVERT_REQUEST = 'gov-report/convert';
export interface ConvertParams {
  source: string;
  target?: string;
}
export type ConvertResult = { ok: true; markdown: string } | Failed;

/** A reviewer's decision on a finding (by its fingerprint) of the report `uri` (a text report, a
 *  PDF's or Word file's rebuilt report, or the PDF or Word file itself), written into the folder's
 *  review record; `reason` is needed to dismiss. */
export const RECORD_DECISION_REQUEST = 'gov-report/recordDecision';
export type ReviewDecision = 'confirmed' | 'dismissed';
export interface RecordDecisionParams {
  uri: string;
  fingerprint: string;
  decision: ReviewDecision;
  reason?: string;
}
/** `path`: the review record written. */
export type RecordDecisionResult = { ok: true; path: string } | Failed;

/** A request refused, with why (in the user's language). */
export interface Failed {
  ok: false;
  message: string;
}

/** Each request: its parameters and its result. */
export interface Requests {
  [OVERVIEW_REQUEST]: { params: OverviewParams; result: OverviewResult };
  [EXPORT_REQUEST]: { params: ExportParams; result: ExportResult };
  [CHECK_FILES_REQUEST]: { params: CheckFilesParams; result: CheckFilesResult };
  [REBUILD_REQUEST]: { params: RebuildParams; result: RebuildResult };
  [CONVERT_REQUEST]: { params: ConvertParams; result: ConvertResult };
  [RECORD_DECISION_REQUEST]: { params: RecordDecisionParams; result: RecordDecisionResult };
}
export type RequestMethod = keyof Requests;
export type RequestParams<M extends RequestMethod> = Requests[M]['params'];
export type RequestResult<M extends RequestMethod> = Requests[M]['result'];
/** Each notification: its parameters. */
export interface Notifications {
  [SET_CHOICE_NOTIFICATION]: SetChoiceParams;
  [STATUS_NOTIFICATION]: StatusParams;
}
export type NotificationMethod = keyof Notifications;

/** Every custom method, requests then notifications (the protocol test asks the server for each). */
export const REQUEST_METHODS: readonly RequestMethod[] = [OVERVIEW_REQUEST, EXPORT_REQUEST, CHECK_FILES_REQUEST, REBUILD_REQUEST, CONVERT_REQUEST, RECORD_DECISION_REQUEST];
export const NOTIFICATION_METHODS: readonly NotificationMethod[] = [SET_CHOICE_NOTIFICATION, STATUS_NOTIFICATION];

// ------------------------------------------------------------------ initialization, commands, URIs
/** What the VS Code client says at initialization (each checked by the server). */
export interface InitializationOptions {
  /** The gov-report.* settings. */
  settings?: unknown;
  /** Where rule links in diagnostics go (`<scheme>://<extension id>`, the client's URI handler). */
  ruleLinks?: string;
  /** The scheme of the client's rebuilt reports: a PDF's or Word file's problems checked from disk are published there. */
  rebuiltScheme?: string;
}

/** The scheme of a report rebuilt from a PDF or .docx in the VS Code client: its path is the file's
 *  path + ".md", its query the file's URI. */
export const REBUILT_SCHEME = 'gov-report-rebuilt';

/** The client's commands that the server's quick actions on a problem name: a reviewer's decision,
 *  with the arguments `[uri, fingerprint]` (the client asks for the reason to dismiss). */
export const CONFIRM_COMMAND = 'gov-report.review.confirm';
export const DISMISS_COMMAND = 'gov-report.review.dismiss';
export type ReviewCommandArguments = [uri: string, fingerprint: string, reason?: string];

// ------------------------------------------------------------------ the overview's page
/** Restricted Mode: the PDF and Word files not read until the workspace is trusted. */
export interface Untrusted {
  count: number;
  text: string;
  action: string;
}
/** The page's words, in the user's language. */
export interface OverviewLabels {
  filter: string;
  allYears: string;
  anySeverity: string;
  withErrors: string;
  withWarnings: string;
  withProblems: string;
  withOpen: string;
  withConfirmed: string;
  withDismissed: string;
  allRules: string;
  shown: string;
  exportAs: string;
  chains: string;
  noChains: string;
  carryBreak: string;
  stockBreak: string;
  received: string;
  handled: string;
  rate: string;
  sortBy?: string;
  /** The findings of a report and the reviewer's decisions on them (from the server: OverviewResult). */
  review?: ReviewLabels;
}
export interface ReviewLabels {
  /** The review cell's tooltip: what a click on it does. */
  show: string;
  /** The findings' heading, with {file}. */
  title: string;
  none: string;
  confirm: string;
  dismiss: string;
  confirmed: string;
  /** With {reason}. */
  dismissed: string;
  close: string;
}
/** A finding as the overview lists it, with the fingerprint a decision on it is recorded by. */
export type DecidableFinding = ReviewFinding & { fingerprint: string };

/** Extension → page. */
export type ViewMessage =
  | { type: 'init'; columns: OverviewColumn[]; rows: OverviewRow[]; labels: OverviewLabels; untrusted?: Untrusted | null }
  | { type: 'update'; rows: OverviewRow[] }
  | { type: 'trust'; untrusted: Untrusted | null }
  /** The findings of one report (`file`: its name in the folder), shown below the table. */
  | { type: 'findings'; uri: string; file: string; findings: DecidableFinding[] };

/** Page → extension. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'manageTrust' }
  | { type: 'open'; uri: string; first: { line: number; column: number } | null }
  | { type: 'export'; format: ExportFormat }
  /** Show the findings of a report's row (`uri`), or none (`null`: the list closed). */
  | { type: 'findings'; uri: string | null }
  /** A reviewer's decision on a finding of the report `uri` (the extension asks for the reason to dismiss). */
  | { type: 'decide'; uri: string; fingerprint: string; decision: ReviewDecision };
