// One cached analysis per document version, shared by every feature (parse once per version).
import { check, parse, TimeBudgetExceeded, type CheckOptions, type Finding, type ReportModel } from '../../shared/src/index';
import type { DocumentDecision } from '../../shared/src/protocol';

export interface DocumentOptions extends CheckOptions {
  format?: '2019' | '2021';
}

export interface Analysis {
  uri: string;
  version: number;
  /** The editor's language of the document: Markdown has its own outline and folding. */
  languageId: string;
  model: ReportModel;
  findings: Finding[];
  /** Milliseconds the parse and check took (drives the adaptive debounce). */
  elapsed: number;
  /** Documents that are not reports get no diagnostics and no features. */
  active: boolean;
  /** Set when the document was too large to check. */
  tooLarge?: { length: number };
  /** Set when checking ran past EDITOR_CHECK_TIME_MS (said instead of findings). */
  tooSlow?: true;
  /** Why the document is or is not checked (status bar, output channel). */
  decision: Decision;
}

/** Why a document is or is not checked (the protocol's status says it to the client). */
export type Decision = DocumentDecision;

export interface AnalysisInput {
  uri: string;
  version: number;
  languageId: string;
  text: string;
  /** The user's choice for this file, if any. */
  choice?: 'check' | 'ignore';
  /** Rebuilt from a file part of which could not be read (a PDF's dropped pages). */
  incomplete?: boolean;
}

/** Above this size a document is not checked (the user is told); typing stays fluid. */
export const MAX_CHECKED_LENGTH = 2_000_000;

/** A document whose check runs past this is said once instead (every rule is linear; a backstop). */
export const EDITOR_CHECK_TIME_MS = Number(process.env.GOV_REPORT_TIME_MS) || 5_000;

const REPORT_HINT = /政府信息公开|勾稽关系|年度报告/;

/** Analyses kept: the documents being worked on. Others are re-analysed on demand (about 1 ms). */
export const MAX_CACHED = 12;

export class AnalysisCache {
  // Insertion order is recency order: a hit is moved to the end, the oldest evicted first.
  private readonly cache = new Map<string, Analysis>();
  /** The check options of a document: the editor's settings merged with its configuration file. */
  /** `excluded`: documents never checked as reports (the extension's own rule pages). */
  constructor(private optionsFor: (uri: string) => DocumentOptions, private excluded: (uri: string) => boolean = () => false) {}

  get(doc: AnalysisInput): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version) {
      this.cache.delete(doc.uri);
      this.cache.set(doc.uri, hit);
      return hit;
    }
    const started = performance.now();
    const own = doc.languageId === 'gov-report' || doc.choice === 'check';
    const base = { uri: doc.uri, version: doc.version, languageId: doc.languageId };
    let analysis: Analysis;
    if (doc.choice === 'ignore' || (doc.choice !== 'check' && this.excluded(doc.uri))) {
      analysis = { ...base, model: parse(''), findings: [], elapsed: 0, active: false, decision: 'ignored' };
    } else if (doc.text.length > MAX_CHECKED_LENGTH) {
      const model = parse('');
      const active = own || REPORT_HINT.test(doc.text.slice(0, 20000));
      analysis = { ...base, model, findings: [], elapsed: 0, active, tooLarge: { length: doc.text.length }, decision: 'tooLarge' };
    } else if (!own && !REPORT_HINT.test(doc.text)) {
      // Cheap rejection of ordinary files: no parse at all.
      analysis = { ...base, model: parse(''), findings: [], elapsed: performance.now() - started, active: false, decision: 'unrelated' };
    } else {
      const options = this.optionsFor(doc.uri);
      const parsed = parse(doc.text, { html: doc.languageId === 'html', assumeReport: own, ...(doc.incomplete ? { incomplete: true } : {}) });
      // A report whose tables do not show its format is read as the configured one.
      const model = options.format && parsed.formatVersion === null ? { ...parsed, formatVersion: options.format } : parsed;
      const active = own || model.isReport;
      let findings: Finding[] = [];
      let tooSlow = false;
      try {
        if (active) findings = check(model, { ...options, deadline: started + EDITOR_CHECK_TIME_MS });
      } catch (e) {
        if (!(e instanceof TimeBudgetExceeded)) throw e;
        tooSlow = true;
      }
      const decision: Decision = doc.choice === 'check' && doc.uri.startsWith('gov-report-rebuilt:') ? 'rebuilt' : doc.choice === 'check' ? 'chosen' : doc.languageId === 'gov-report' ? 'language' : active ? 'structure' : 'mentions';
      analysis = { ...base, model, findings, elapsed: performance.now() - started, active, decision, ...(tooSlow ? { tooSlow: true as const } : {}) };
    }
    this.cache.delete(doc.uri);
    this.cache.set(doc.uri, analysis);
    while (this.cache.size > MAX_CACHED) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
    return analysis;
  }

  peek(uri: string): Analysis | undefined {
    return this.cache.get(uri);
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
