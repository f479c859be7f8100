// I1: each column of 表2: 一 + 二 = （七）总计 + 四 (the corner note's relation).
import { message } from '../i18n/catalog';
import { spec } from '../format/data';
import type { Cell } from '../model';
import { cellOf, columnLabel, formatOf, isFillable, numberOf, rowLabel, rowsById, setCellFix } from '../query';
import type { Rule, RuleFinding } from './types';

export const balance: Rule = {
  id: 'balance',
  severity: 'error',
  evidence: 'cells',
  identity: 'I1',
  title: 'balance.title',
  description: 'balance.description',
  check(model) {
    const out: RuleFinding[] = [];
    const rows = rowsById(model.tables.table2);
    const ids = ['new', 'carried', 'total', 'carryOver'] as const;
    const format = formatOf(model);
    if (ids.some((id) => !rows.get(id) || rows.get(id)?.cells.length === 0)) return out;
    for (const column of spec.table2.columns) {
      const cells = ids.map((id) => cellOf(rows.get(id), column.id));
      if (cells.some((c) => !c)) continue;
      const carryOver = cells[3] as Cell;
      const v = cells.map(numberOf);
      const col = columnLabel('table2', column.id, format);
      const related = () => cells.map((c, k) => {
        const r = rowLabel(ids[k] as string, format);
        return { range: (c as Cell).range, message: message('msg.related.cell', { label: r.zh, labelEn: r.en, value: v[k] ?? '' }) };
      });
      const unknown = v.filter((x) => x === undefined).length;
      if (unknown === 0) {
        const lhs = (v[0] as number) + (v[1] as number);
        const rhs = (v[2] as number) + (v[3] as number);
        if (lhs === rhs) continue;
        out.push({
          message: message('msg.balance.wrong', { column: col.zh, columnEn: col.en, new: v[0] as number, carried: v[1] as number, lhs, total: v[2] as number, carryOver: v[3] as number, rhs }),
          range: carryOver.range,
          related: related(),
          expected: lhs,
          actual: rhs,
          relation: `I1:${column.id}`,
        });
      } else if (unknown === 1) {
        // Exactly one of the four is blank: the relation determines it.
        const k = v.findIndex((x) => x === undefined);
        const target = cells[k] as Cell;
        if (!isFillable(target)) continue;
        const known = v.map((x) => x ?? 0);
        const expected = k < 2 ? known[2]! + known[3]! - (known[0]! + known[1]! - known[k]!) : known[0]! + known[1]! - (known[2]! + known[3]! - known[k]!);
        if (expected < 0 || !Number.isSafeInteger(expected)) continue;
        // A blank total is the outcome rule's to fill (from its own items); fill here only rows I … IV.
        if (ids[k] === 'total') continue;
        const r = rowLabel(ids[k] as string, format);
        out.push({
          message: message('msg.balance.fill', { column: col.zh, columnEn: col.en, row: r.zh, rowEn: r.en, expected }),
          range: target.range.start === target.range.end ? (rows.get(ids[k] as string)?.labelRange ?? target.range) : target.range,
          related: related().filter((_, j) => j !== k),
          expected,
          actual: null,
          relation: `I1:${column.id}`,
          fix: setCellFix(target, expected, 'msg.fix.fill'),
        });
      }
    }
    return out;
  },
};
