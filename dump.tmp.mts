const root = process.cwd();
const { parse, check } = await import(root + '/shared/src/index.ts');
const { readFileSync } = await import('node:fs');
const f = process.argv[2]; const text = readFileSync(f, 'utf8');
const m = parse(text, { html: f.endsWith('.html') });
console.log('format', m.formatVersion, m.year, 'sections', m.sections.map((s: any) => `${s.number}@${m.lines.positionAt(s.headingRange.start).line+1}`).join(' '), 'layouts', m.layouts.join(','));
for (const t of Object.values(m.tables) as any[]) { console.log('==', t.id, 'headers:', t.headers.map((h: any) => (h.known ? '' : '?') + h.text).join('|'));
  for (const r of t.rows) console.log(' ', r.rowId.padEnd(22), JSON.stringify(r.label).slice(0, 40).padEnd(42), r.cells.map((c: any) => c.value.kind === 'number' ? c.value.value : c.value.kind[0]).join(' '), r.extraCells.length ? '+' + r.extraCells.length : '');
  if (t.unknownLabels.length) console.log('  unknown:', t.unknownLabels.map((u: any) => u.text)); }
if (process.argv[3]) for (const x of check(m)) console.log(x.ruleId, m.lines.positionAt(x.range.start).line + 1, x.message.zh.slice(0, 110));
