// The public surface of the core. Adapters (server, CLI, tests) import from here only.
export * from './model';
export * from './text';
export { parse, DEFAULT_MAX_LENGTH, type ParseOptions } from './pipeline';
export { check, checkAcrossYears, reportFormat, TimeBudgetExceeded, type CheckOptions, type SeveritySetting, type YearDocument } from './check';
export { applyEdits, fixAll, fixAllChanges, fixAllEdits, safeEdits, type Change, type FixAllOptions, type FixAllResult } from './fix';
export { rules, ruleById, arithmeticRuleIds } from './rules/index';
export type { Finding, Fix, Edit, Related, Rule, Severity } from './rules/types';
export { spec, articleById, table1ItemsFor, table2RowsFor } from './format/data';
// Types only: the zod schemas stay out of the editor bundles (the spec test imports them).
export type { ArticleSpec, Basis, ColumnKind, ColumnSpec, FormatSpec, FormatVersion, IdentitySpec, Localized, RowSpec, SectionSpec, Table1ItemSpec, TableSpec } from './format/schema';
export { catalog, englishPlurals, message, pick, type Lang, type MessageId, type Params } from './i18n/catalog';
export * as query from './query';
export { summarize, cellsExpected, type DocumentSummary, type FindingSummary } from './summary';
export { locate, type CellChange, type Diagnosis, type Explanation } from './diagnose/locate';
export { relationsOf, relationsOfCell, failingRelations, cellName, type Relation, type CellRelation } from './diagnose/relations';
export { decodeReport, encodeReport, type Decoded, type Encoding } from './decode';
export { reportSkeleton, type SkeletonOptions } from './template';
export { recognizeReport, type Recognition } from './recognize';
export { CONFIG_FILE, ConfigSchema, ignoreEntryFor, ignored, parseConfig, suggest, type Config, type ConfigResult, type IgnoreEntry } from './config';
export { globMatch, matchesAny } from './glob';
export { quotedFigures, numberValue, type QuotedFigure } from './narrative/figures';
export { readDocx, type DocxError, type DocxResult } from './readers/docx';
export { describeSource, jsonSource, type Rebuilt, type SourceLocation } from './readers/source';
export { agencyChains, entriesRelativeTo, FINDING_COLUMNS, formatRate, isOwnExport, notCheckedEntry, overviewTable, readingStatus, reviewEntry, REVIEW_COLUMNS, reviewCsv, reviewFigures, reviewHtml, reviewJson, type AgencyChain, type OverviewRow, type ReadingStatus, type ReviewEntry, type ReviewFigures, type ReviewFinding } from './review';
export { followedWereComputed, followFix, totalsFollowing, type FollowedTotal } from './diagnose/follow';
export { applyDecisions, decide, decisionsFor, fingerprint, parseReviewFile, REVIEW_FILE, serializeReviewFile, withDecision, type Decision, type ReviewFileResult } from './decisions';
export { proseMarkdown } from './prose';
export { printGrids } from './printGrid';
