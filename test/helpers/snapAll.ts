// Dev aid (not a test): prints parse + check of every text fixture, rendered layout, rule case and
// degraded copy as one JSON line each, to diff a refactoring's before and after.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check, parse } from '../../shared/src/index';
import { cases } from './ruleCases';
import { LAYOUTS_WITH_CELLS, realisticFigures, render } from './render';

const docs: Array<[string, string, boolean?]> = [];
const walk = (d: string) => { for (const n of readdirSync(d).sort()) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (/\.(txt|md|html)$/.test(n)) docs.push([p, readFileSync(p, 'utf8'), n.endsWith('.html')]); } };
walk('test/fixtures');
const f = realisticFigures();
for (const l of LAYOUTS_WITH_CELLS) docs.push([`render:${l}`, render(f, l)]);
cases.forEach((c, i) => docs.push([`case:${i}:${c.rule}`, c.text, c.html]));
const base = docs.slice();
for (const [name, text, html] of base) {
  if (name.startsWith('case:')) continue;
  docs.push([`${name}:joined`, text.split(/\r?\n/).join(' '), html]);
  docs.push([`${name}:spaced`, text.split(/\r?\n/).map((l) => l.replace(/[\t|]+/g, ' ').replace(/ {2,}/g, ' ')).join(' '), html]);
  docs.push([`${name}:glued`, text.split(/\r?\n/).map((l) => l.replace(/[\t|]+/g, ' ').replace(/(\d) +(?=\d)/g, '$1')).join(''), html]);
}
for (const [name, text, html] of docs) {
  const model = parse(text, html ? { html: true } : {});
  const findings = check(model);
  const tables = Object.entries(model.tables).map(([id, t]) => [id, t!.read, (t as any).range ?? [(t as any).start, (t as any).end], t!.rows.map((r) => [r.rowId, r.label, r.read, r.layout, r.cells.map((c) => [c.raw, c.range.start, c.value.kind === 'number' ? c.value.value : c.value.kind, c.read])])]);
  console.log(JSON.stringify({ name, read: model.read, sections: model.sections.map((s) => [s.number, s.title, s.range.start, s.read]), tables, findings: findings.map((x) => [x.ruleId, x.severity, x.range.start, x.range.end, x.message.zh, x.fix ? x.fix.title.zh : null]) }));
}
