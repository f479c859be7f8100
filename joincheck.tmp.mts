const root = process.cwd();
const { parse, check } = await import(root + '/shared/src/index.ts');
const { readFileSync } = await import('node:fs');
const ARITH = ['wrong-cell','balance','outcome-total','row-total','review-total'];
for (const f of process.argv.slice(2)) {
  const orig = readFileSync(f, 'utf8');
  const joined = orig.split(/\r?\n/).join(' ');
  const a = parse(orig), b = parse(joined);
  const fa = check(a).filter((x: any) => ARITH.includes(x.ruleId)).map((x: any) => x.message.zh);
  const fb = check(b);
  console.log(f.split('/').pop(), 'sections', b.sections.map((s: any) => s.number).join(''), 'tables', Object.keys(b.tables).join(','), 'arith same:', JSON.stringify(fa) === JSON.stringify(fb.filter((x: any) => ARITH.includes(x.ruleId)).map((x: any) => x.message.zh)));
  for (const x of fb) console.log('   ', x.ruleId, x.message.zh.slice(0, 90));
}
