// A plain summary of a checked document: the CLI's JSON shape (1-based lines and columns).
import type { Lang } from '../i18n/catalog';
import type { ReportModel, TableId } from '../model';
import { rowsById } from '../query';
import type { Finding } from '../rules/types';
import { spec, table1ItemsFor, table2RowsFor } from '../format/data';
import type { SourceLocation } from '../grid/source';

export interface FindingSummary {
  rule: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  expected: number | null;
  actual: number | null;
  fixable: boolean;
  /** For a report rebuilt from a Word or PDF file: the place in that file. */
  source?: SourceLocation;
  /** A reviewer's decision on it (a suppression comment, or the review file), with the reason. */
  decision?: 'confirmed' | 'dismissed';
  reason?: string;
  /** Where the decision was made: a comment in the report, or the review file. */
  decidedIn?: 'inSource' | 'external';
}

export interface DocumentSummary {
  formatVersion: '2019' | '2021' | null;
  year: number | null;
  sections: Array<{ number: number; title: string; line: number }>;
  tables: Array<{ id: TableId; line: number; cellsExpected: number; cellsFound: number }>;
  findings: FindingSummary[];
}

export function cellsExpected(id: TableId, format: '2019' | '2021'): number {
  if (id === 'table1') return table1ItemsFor(format).reduce((n, item) => n + item.rows.length * item.columns.length, 0);
  if (id === 'table2') return table2RowsFor(format).filter((r) => !r.group).length * spec.table2.columns.length;
  return spec.table3.columns.length;
}

export function summarize(model: ReportModel, findings: readonly Finding[], lang: Lang = 'zh-CN', locate?: (line: number, column: number) => SourceLocation | undefined): DocumentSummary {
  const format = model.formatVersion ?? '2021';
  const tables: DocumentSummary['tables'] = [];
  for (const id of ['table1', 'table2', 'table3'] as const) {
    const t = model.tables[id];
    if (!t) continue;
    let found = 0;
    for (const row of rowsById(t).values()) for (const c of row.cells) if (c.value.kind !== 'blank' && c.value.kind !== 'missing') found++;
    tables.push({ id, line: t.start + 1, cellsExpected: cellsExpected(id, format), cellsFound: found });
  }
  return {
    formatVersion: model.formatVersion,
    year: model.year ?? null,
    sections: model.sections.map((s) => ({ number: s.number, title: s.title, line: model.lines.positionAt(s.headingRange.start).line + 1 })),
    tables,
    findings: findings.map((f) => {
      const a = model.lines.positionAt(f.range.start);
      const b = model.lines.positionAt(f.range.end);
      const source = locate?.(a.line, a.character);
      return {
        rule: f.ruleId,
        severity: f.severity,
        message: lang === 'en' ? f.message.en : f.message.zh,
        line: a.line + 1,
        column: a.character + 1,
        endLine: b.line + 1,
        endColumn: b.character + 1,
        expected: f.expected ?? null,
        actual: f.actual ?? null,
        fixable: f.fix?.safe === true,
        ...(source ? { source } : {}),
        ...(f.review ? { decision: f.review.decision, ...(f.review.reason ? { reason: f.review.reason } : {}), decidedIn: f.review.kind } : {}),
      };
    }),
  };
}
