// Small helpers shared by the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, parse, type Finding, type ReportModel } from '../../shared/src/index';
import { realisticFigures, type Figures } from './render';

export const root = join(__dirname, '..', '..');
export const fixture = (...p: string[]) => readFileSync(join(root, 'test', 'fixtures', ...p), 'utf8');
export const REAL = ['beiguan-2023.md', 'guangshui-2024.txt', 'jinxiang-2023.txt', 'weihui-2023.txt', 'yichuan-2020.txt'];

export function run(text: string, html = false): { model: ReportModel; findings: Finding[] } {
  const model = parse(text, { html });
  return { model, findings: check(model) };
}

/** 1-based line of an offset. */
export const lineOf = (model: ReportModel, offset: number) => model.lines.positionAt(offset).line + 1;

/** Replaces exactly one occurrence (fails loudly when the fixture changed). */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, from.flags.includes('g') ? from.flags : from.flags + 'g')) ?? []).length;
  if (count !== 1) throw new Error(`expected exactly one match of ${String(from)}, found ${count}`);
  return text.replace(from, to);
}

export const ARITHMETIC = ['wrong-cell', 'balance', 'outcome-total', 'row-total', 'review-total'];

/** Figures read back from the clean sample report (small counts, many zeros). */
export function sampleFigures(): Figures {
  const { model } = run(fixture('rules', 'clean-2023.txt'));
  const f = realisticFigures();
  for (const r of model.tables.table2!.rows) if (r.cells.length) f.table2[r.rowId] = r.cells.map((c) => (c.value.kind === 'number' ? c.value.value : 0));
  f.table3 = model.tables.table3!.rows[0]!.cells.map((c) => (c.value.kind === 'number' ? c.value.value : 0));
  return f;
}

/** Every data row of the three tables as "table/rowId: v v v" (blank and invalid cells by kind): two readings compare equal when the models do. */
export function dataRows(model: ReportModel): string[] {
  return Object.values(model.tables).flatMap((t) =>
    t!.rows.filter((r) => r.cells.length).map((r) => `${t!.id}/${r.rowId}: ${r.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)).join(' ')}`),
  );
}
