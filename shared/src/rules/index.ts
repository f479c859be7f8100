// The rule registry: every rule, in the order findings are listed for one range. Docs, the
// settings schema and the README table are generated from this list (scripts/gen-docs.ts).
import { balance } from './balance';
import { copiedReport } from './copiedReport';
import { unitsSum } from './unitsSum';
import { blankValue } from './blankValue';
import { carryOver } from './carryOver';
import { columnMissing } from './columnMissing';
import { extraCells } from './extraCells';
import { flattenedRow } from './flattenedRow';
import { headingLevel } from './headingLevel';
import { invalidNumber } from './invalidNumber';
import { lostLineBreaks } from './lostLineBreaks';
import { mixedFormat } from './mixedFormat';
import { numberFormat } from './numberFormat';
import { outcomeTotal } from './outcomeTotal';
import { outdatedFormat } from './outdatedFormat';
import { placeholderValue } from './placeholderValue';
import { reviewTotal } from './reviewTotal';
import { rowDuplicate } from './rowDuplicate';
import { rowLabel } from './rowLabel';
import { rowMissing } from './rowMissing';
import { rowTotal } from './rowTotal';
import { sectionDuplicate } from './sectionDuplicate';
import { sectionMissing } from './sectionMissing';
import { sectionNumbering } from './sectionNumbering';
import { sectionOrder } from './sectionOrder';
import { sectionTitle } from './sectionTitle';
import { shortRow } from './shortRow';
import { stock } from './stock';
import { tableMissing } from './tableMissing';
import { textTable } from './textTable';
import { textPercentage } from './textPercentage';
import { reviewOutcome } from './reviewOutcome';
import { processingFee, sectionContent, yearMismatch } from './sectionContent';
import { unfilledText } from './unfilledText';
import { feeUnpaid } from './feeUnpaid';
import { publicationDate } from './publicationDate';
import { suppressionUnknown } from './suppressionUnknown';
import { titleMissing } from './titleMissing';
import { unknownHeader } from './unknownHeader';
import { unknownRowLabel } from './unknownRowLabel';
import { yearUnknown } from './yearUnknown';
import { wrongCell } from './wrongCell';
import { unconfirmed } from './unconfirmed';
import { suppressionReason } from './suppressionReason';
import type { Rule } from './types';

export const rules: readonly Rule[] = [
  // arithmetic (docs/format.md §6): the located cause first, then the relations that fail
  wrongCell, balance, outcomeTotal, rowTotal, reviewTotal, textTable,
  // the narrative against the tables and what the format asks it to say
  textPercentage, reviewOutcome, sectionContent, processingFee, feeUnpaid, yearMismatch, publicationDate,
  unfilledText,
  // across years (need last year's report of the same agency) and across a folder
  carryOver, stock, copiedReport, unitsSum,
  // structure
  sectionMissing, sectionDuplicate, sectionOrder, sectionNumbering, sectionTitle, headingLevel, titleMissing, yearUnknown,
  tableMissing, rowMissing, rowDuplicate, columnMissing, unknownHeader, unknownRowLabel, rowLabel,
  // cells as read
  lostLineBreaks, unconfirmed, blankValue, invalidNumber, placeholderValue, numberFormat, shortRow, extraCells, flattenedRow,
  // format version
  outdatedFormat, mixedFormat,
  // the report's own suppression comments
  suppressionUnknown(() => ruleIds), suppressionReason,
];

const ruleIds = rules.map((r) => r.id);

export const ruleById = new Map(rules.map((r) => [r.id, r]));

/** The rules whose findings are arithmetic mismatches. */
export const arithmeticRuleIds: ReadonlySet<string> = new Set(['wrong-cell', 'balance', 'outcome-total', 'row-total', 'review-total']);
