// What a rule is and what it returns. A rule reads the model and nothing else.
import type { MessageId } from '../i18n/catalog';
import type { ReportModel } from '../model';
import type { FormatVersion, Localized } from '../format/schema';
import type { Range } from '../text';

export type Severity = 'error' | 'warning' | 'info';

export interface Edit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: Localized;
  /** One edit that replaces exactly one cell's (or heading's) text. */
  edit: Edit;
  /** Determined by the document itself: applied by fix-all and `--fix`. */
  safe: boolean;
  /** Further cells changed together with `edit` (a two-cell explanation, the totals of 更新合计). */
  extraEdits?: Edit[];
  /** 更新合计: totals recomputed from the figures written. The editor offers it first (preferred,
   *  safe or not) and does not take the cells it writes for the writer's typing. */
  follow?: true;
}

export interface Related {
  range: Range;
  message: Localized;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: Localized;
  range: Range;
  related: Related[];
  /** Cells the finding's value is computed from, when more than `related` shows. */
  inputs?: Range[];
  expected?: number;
  actual?: number | null;
  fix?: Fix;
  /** Other fixes the user may pick (equally small explanations); never applied by fix-all. */
  alternatives?: Fix[];
  /** The relation (I1–I4) whose failure this finding reports, e.g. "I3:granted". */
  relation?: string;
  /** Relations whose failure this finding explains: their own findings are folded into it. */
  covers?: string[];
  /** What a reviewer decided of it: dismissed by a comment in the report (inSource) or in the
   *  review file (external), or confirmed as a real defect; with the reason, who and when. */
  review?: ReviewMark;
}

export interface ReviewMark {
  decision: 'confirmed' | 'dismissed';
  kind: 'inSource' | 'external';
  reason?: string;
  by?: string;
  at?: string;
}

/** What a rule's check returns; the registry adds the rule id and severity. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'>;

/**
 * What a rule's findings rest on, so that check() caps them by how sure the reading is (model.ts
 * `Certainty`), in one place for every rule:
 * - `cells`: the figures, words and headings at the finding's ranges (range, related, inputs). An
 *   error only when every one of them was read for sure; else at most a warning, its fix not applied
 *   by fix-all.
 * - `absence`: something not found (a section, table, row, column, a blank cell). Raised only where
 *   the place it should stand was read for sure; elsewhere it becomes one `unconfirmed` info per
 *   table (or for the document).
 * - `reading`: what the reader could not be sure of (a lost line break, a glued row): never above a
 *   warning, and not capped.
 */
export type EvidenceKind = 'cells' | 'absence' | 'reading';

export interface Rule {
  id: string;
  severity: Severity;
  evidence: EvidenceKind;
  /** Catalogue keys of the rule's title and description. */
  title: MessageId;
  description: MessageId;
  /** docs/format.md identity (I1…I7) the rule implements, if any. */
  identity?: string;
  /** The formats the rule applies to (default: both). A report of another format is not checked by it. */
  formats?: readonly FormatVersion[];
  check(model: ReportModel): RuleFinding[];
  /** Cross-year rules: compare a report with the same agency's report for the year before. */
  checkPair?(current: ReportModel, previous: ReportModel): RuleFinding[];
  /** Folder rules: compare a report with the other agencies' reports of the same year in the set
   *  (`sameYear` is every report of that year, this one and its own agency's among them). */
  checkGroup?(current: ReportModel, sameYear: readonly ReportModel[]): RuleFinding[];
}
