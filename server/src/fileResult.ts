// What the CLI says of each file it looked at, shared by its output formats (stylish, JSON, SARIF).
import type { DocumentSummary, Encoding, Finding, FindingSummary } from '../../shared/src/index';

/** A file the run looked at: checked, skipped (not a report, empty), or failed (unreadable). */
/** What a run did to a checked file and says of it as a whole. */
export interface FileFacts {
  fixed: number;
  /** What --fix changed: "37:31 将总计改为 6 (row-total)". */
  changes: string[];
  /** --dry-run: the unified diff of what --fix would change. */
  diff?: string;
  /** Said about the file as a whole: the encoding it was read in, why it was not rewritten. */
  notes: string[];
  encoding: Encoding;
  /** Read from a Word or PDF file: the findings carry their place in it. */
  rebuiltFrom?: 'docx' | 'pdf';
}

export type FileResult =
  | (FileFacts & {
      kind: 'checked';
      path: string;
      summary: DocumentSummary;
      findings: Finding[];
      /** Findings a reviewer dismissed (a suppression comment, or the review file): not listed
       *  (unless --include-dismissed) and never counted; SARIF carries them as suppressed. */
      dismissed: FindingSummary[];
    })
  | { kind: 'skipped'; path: string; reason: string; message: string }
  | { kind: 'failed'; path: string; reason: string; message: string };
