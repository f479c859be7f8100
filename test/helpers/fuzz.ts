// Document mutators for the fuzz suite: what copying, pasting and typing do to real reports.
// Deterministic for a given seed, so a failure can be replayed (FUZZ_SEED, the case index).

export type Random = () => number;

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Random, n: number) => Math.floor(r() * n);

const JUNK = ['０', '１２', '—', '/', '无', '-3', '1,234', '3.5', '\t', '  ', '\u3000', '|', '<td>', '</tr>', '（', '）', '一、', '（七）总计', '总计', '\u0000', '\ufeff', '\ud83d\ude00', '\ud800', 'é', '\r', '第二十条第（五）项', '勾稽关系', '#', '####', '<table>', '&nbsp;', '999999999999999999999'];

type Mutator = (lines: string[], r: Random) => string[];

const mutators: Array<[string, Mutator]> = [
  ['delete line', (l, r) => (l.length ? (l.splice(int(r, l.length), 1), l) : l)],
  ['duplicate line', (l, r) => { const i = int(r, l.length); l.splice(i, 0, l[i] ?? ''); return l; }],
  ['swap lines', (l, r) => { const i = int(r, l.length); const j = int(r, l.length); [l[i], l[j]] = [l[j] ?? '', l[i] ?? '']; return l; }],
  ['truncate line', (l, r) => { const i = int(r, l.length); l[i] = (l[i] ?? '').slice(0, int(r, (l[i] ?? '').length + 1)); return l; }],
  ['insert char', (l, r) => { const i = int(r, l.length); const s = l[i] ?? ''; const k = int(r, s.length + 1); l[i] = s.slice(0, k) + String.fromCharCode(0x20 + int(r, 0x9fff)) + s.slice(k); return l; }],
  ['insert number', (l, r) => { const i = int(r, l.length); const s = l[i] ?? ''; const k = int(r, s.length + 1); l[i] = s.slice(0, k) + String(int(r, 100000)) + s.slice(k); return l; }],
  ['change a digit', (l, r) => { const i = int(r, l.length); l[i] = (l[i] ?? '').replace(/\d/, String(int(r, 10))); return l; }],
  ['insert junk', (l, r) => { const i = int(r, l.length); const s = l[i] ?? ''; const k = int(r, s.length + 1); l[i] = s.slice(0, k) + pick(r, JUNK) + s.slice(k); return l; }],
  ['full-width digits', (l, r) => { const i = int(r, l.length); l[i] = (l[i] ?? '').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))); return l; }],
  ['tabs to spaces', (l, r) => { const i = int(r, l.length); l[i] = (l[i] ?? '').replace(/\t/g, ' '.repeat(1 + int(r, 4))); return l; }],
  ['merge cells', (l, r) => { const i = int(r, l.length); l[i] = (l[i] ?? '').replace('\t', ''); return l; }],
  ['split cell', (l, r) => { const i = int(r, l.length); const s = l[i] ?? ''; const k = int(r, s.length + 1); l[i] = s.slice(0, k) + '\t' + s.slice(k); return l; }],
  ['join lines', (l, r) => { const i = int(r, Math.max(1, l.length - 1)); l.splice(i, 2, (l[i] ?? '') + (l[i + 1] ?? '')); return l; }],
  ['very long line', (l, r) => { const i = int(r, l.length); l[i] = (l[i] ?? '') + pick(r, ['0\t', '一、', '12 ', '表', '（一）']).repeat(2000 + int(r, 8000)); return l; }],
  ['random unicode', (l, r) => { const i = int(r, l.length); let s = ''; for (let k = 0; k < 20 + int(r, 200); k++) s += String.fromCharCode(int(r, 0x10000)); l.splice(i, 0, s); return l; }],
  ['binary junk', (l, r) => { const i = int(r, l.length); let s = ''; for (let k = 0; k < 10 + int(r, 100); k++) s += String.fromCharCode(int(r, 32)); l.splice(i, 0, s); return l; }],
  ['flatten a row', (l, r) => { const i = int(r, l.length); l[i] = (l[i] ?? '').replace(/\t(?=\d)/g, '').replace(/(\D)(\d)/, '$1 $2'); return l; }],
  ['markdown heading', (l, r) => { const i = int(r, l.length); l[i] = '#'.repeat(1 + int(r, 6)) + ' ' + (l[i] ?? ''); return l; }],
  ['pipe row', (l, r) => { const i = int(r, l.length); l[i] = '| ' + (l[i] ?? '').split('\t').join(' | ') + ' |'; return l; }],
];

/** A mutated copy of one of the documents: 1–6 mutations, then maybe CRLF and a BOM. */
export function mutate(docs: readonly string[], r: Random): { text: string; applied: string[] } {
  let lines = pick(r, docs).split('\n');
  const applied: string[] = [];
  const n = 1 + int(r, 6);
  for (let k = 0; k < n; k++) {
    const [name, m] = pick(r, mutators);
    lines = m(lines, r);
    applied.push(name);
  }
  let text = lines.join('\n');
  if (r() < 0.1) { text = text.replace(/\n/g, '\r\n'); applied.push('crlf'); }
  if (r() < 0.05) { text = '\ufeff' + text; applied.push('bom'); }
  if (r() < 0.03) { text = text.replace(/\n/g, '\r'); applied.push('cr only'); }
  return { text, applied };
}
