// Helpers shared by several rules (one rule per file; see index.ts).
import type { ReportModel } from '../model';
import { spec } from '../format/data';

export const specOf = (n: number) => spec.sections.find((s) => s.number === n) ?? (spec.sections[0] as (typeof spec.sections)[number]);

export const params = (n: number) => {
  const s = specOf(n);
  return { numeral: s.numeral, title: s.title, titleEn: s.titleEn };
};

export function lastLine(model: ReportModel) {
  const end = model.text.replace(/\s+$/, '').length;
  const start = Math.max(0, model.text.lastIndexOf('\n', end - 1) + 1);
  return { start, end };
}
