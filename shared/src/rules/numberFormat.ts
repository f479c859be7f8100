// Rule `number-format`: see docs/rules/number-format.md.
import { message } from '../i18n/catalog';
import type { Cell, Table } from '../model';
import { allCells, tableNames } from '../query';
import type { Edit, Rule, RuleFinding } from './types';

/** Up to this many cells of a table are named one by one; more are said once for the table. */
const MAX_NAMED = 3;

const WHAT = { fullwidth: ['全角数字', 'full-width digits'], thousands: ['千位分隔符', 'thousands separator'], unit: ['单位', 'unit'] } as const;

export const numberFormat: Rule = {
  id: 'number-format',
  severity: 'info',
  evidence: 'reading',
  title: 'number-format.title',
  description: 'number-format.description',
  check(model) {
    const out: RuleFinding[] = [];
    const byTable = new Map<Table, Cell[]>();
    for (const { table, cell } of allCells(model)) {
      if (cell.value.kind !== 'number' || cell.value.notes.length === 0) continue;
      // A unit inside a money cell ("251000元") is how real reports write it: not worth a hint.
      if (cell.value.notes.length === 1 && cell.value.notes[0] === 'unit') continue;
      const list = byTable.get(table);
      if (list) list.push(cell);
      else byTable.set(table, [cell]);
    }
    for (const [table, cells] of byTable) {
      if (cells.length <= MAX_NAMED) {
        for (const cell of cells) out.push(one(cell));
        continue;
      }
      // A table typed with full-width digits throughout: said once, with one fix for all of them.
      const notes = [...new Set(cells.flatMap((c) => (c.value.kind === 'number' ? c.value.notes : [])))];
      const edits: Edit[] = cells.filter((c) => c.value.kind === 'number' && !c.value.notes.includes('unit')).map((c) => ({ range: c.range, newText: canonicalOf(c) }));
      const first = cells[0] as Cell;
      out.push({
        message: message('msg.numberFormat.many', { ...tableNames(table.id), count: cells.length, raw: first.raw, canonical: canonicalOf(first), what: notes.map((n) => WHAT[n][0]).join('、'), whatEn: notes.map((n) => WHAT[n][1]).join(', ') }),
        range: first.range,
        related: cells.slice(1, 20).map((c) => ({ range: c.range, message: message('msg.numberFormat', describe(c)) })),
        ...(edits.length ? { fix: { title: message('msg.fix.numberFormatAll', { count: edits.length }), edit: edits[0] as Edit, safe: true, ...(edits.length > 1 ? { extraEdits: edits.slice(1) } : {}) } } : {}),
      });
    }
    return out;
  },
};

function canonicalOf(cell: Cell): string {
  return cell.value.kind === 'number' ? String(cell.value.value) : cell.raw;
}

function describe(cell: Cell) {
  const notes = cell.value.kind === 'number' ? cell.value.notes : [];
  return { raw: cell.raw, canonical: canonicalOf(cell), what: notes.map((n) => WHAT[n][0]).join('、'), whatEn: notes.map((n) => WHAT[n][1]).join(', ') };
}

function one(cell: Cell): RuleFinding {
  const d = describe(cell);
  const keepsUnit = cell.value.kind === 'number' && cell.value.notes.includes('unit');
  return {
    message: message('msg.numberFormat', d),
    range: cell.range,
    related: [],
    ...(keepsUnit ? {} : { fix: { title: message('msg.fix.numberFormat', { canonical: d.canonical }), edit: { range: cell.range, newText: d.canonical }, safe: true } }),
  };
}
