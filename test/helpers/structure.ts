// The house's structure, read from the sources with the TypeScript parser: every module's
// imports (static, re-exports and dynamic), its floor, and every function's length. The
// structure test asserts on it; `npx tsx test/helpers/structure.ts` prints it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');

/** The floors of the engine, lowest first. A module may import its own floor's modules (unless the
 *  floor says its parts are apart) and any lower floor's, never a higher one's. */
export const FLOORS: ReadonlyArray<{ name: string; paths: string[]; apart?: true }> = [
  { name: 'format', paths: ['shared/src/format/', 'shared/src/i18n/', 'shared/src/text.ts'] },
  { name: 'grid', paths: ['shared/src/grid/', 'shared/src/model.ts'] },
  // Readers and the interpreter stand side by side and never import each other: the grid is their seam.
  { name: 'reading', paths: ['shared/src/readers/', 'shared/src/parse/'], apart: true },
  { name: 'pipeline', paths: ['shared/src/pipeline.ts'] },
  { name: 'rules', paths: ['shared/src/rules/', 'shared/src/diagnose/', 'shared/src/narrative/', 'shared/src/query.ts', 'shared/src/suppress.ts', 'shared/src/yearFigures.ts'] },
  { name: 'check', paths: ['shared/src/check/'] },
  { name: 'outputs', paths: ['shared/src/outputs/', 'shared/src/'] },
  { name: 'adapters', paths: ['server/src/', 'client/src/'] },
];

/** The modules every adapter may import from the engine. */
export const ENGINE_SURFACE = ['shared/src/index.ts', 'shared/src/protocol.ts'];

export interface Module {
  path: string;
  imports: string[];
  functions: Array<{ name: string; line: number; lines: number }>;
  source: ts.SourceFile;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = join(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

function functionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

export function readModule(path: string): Module {
  const source = ts.createSourceFile(path, readFileSync(join(ROOT, path), 'utf8'), ts.ScriptTarget.Latest, true);
  const imports: string[] = [];
  const functions: Module['functions'] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolveImport(path, node.moduleSpecifier.text);
      if (target) imports.push(target);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const target = resolveImport(path, node.arguments[0].text);
      if (target) imports.push(target);
    }
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      functions.push({ name: functionName(node), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { path, imports: [...new Set(imports)], functions, source };
}

export function readModules(dirs = ['shared/src', 'server/src', 'client/src']): Module[] {
  return dirs.flatMap((d) => sources(join(ROOT, d))).map((p) => readModule(relative(ROOT, p)));
}

export function floorOf(path: string): number {
  // The most specific path wins (a file named outright before its folder's catch-all).
  let best = -1;
  let bestLength = -1;
  FLOORS.forEach((f, i) => {
    for (const p of f.paths) if ((p.endsWith('/') ? path.startsWith(p) : path === p) && p.length > bestLength) {
      best = i;
      bestLength = p.length;
    }
  });
  return best;
}

function part(path: string): string {
  return path.split('/').slice(0, 3).join('/');
}

/** Imports that run up a floor, or across apart parts of one floor, or around the engine's surface. */
export function layerViolations(modules: Module[]): string[] {
  const out: string[] = [];
  for (const m of modules) {
    const from = floorOf(m.path);
    for (const target of m.imports) {
      const to = floorOf(target);
      const adapter = FLOORS[from]?.name === 'adapters';
      if (adapter && target.startsWith('shared/') && !ENGINE_SURFACE.includes(target)) out.push(`${m.path} → ${target} (adapters use the engine's surface)`);
      else if (!adapter && to > from) out.push(`${m.path} → ${target} (${FLOORS[from]?.name} imports ${FLOORS[to]?.name})`);
      else if (to === from && FLOORS[from]?.apart && part(m.path) !== part(target)) out.push(`${m.path} → ${target} (readers and the interpreter meet only in the pipeline)`);
    }
  }
  return out;
}

/** Every import circle, each once, as the list of its modules. */
export function importCycles(modules: Module[]): string[][] {
  const byPath = new Map(modules.map((m) => [m.path, m]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (p: string): void => {
    state.set(p, 1);
    stack.push(p);
    for (const next of byPath.get(p)?.imports ?? []) {
      if (state.get(next) === 1) cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(p, 2);
  };
  for (const m of modules) if (!state.has(m.path)) visit(m.path);
  return cycles;
}

export function longFunctions(modules: Module[], max: number): string[] {
  return modules.flatMap((m) => m.functions.filter((f) => f.lines > max).map((f) => `${m.path}:${f.line} ${f.name} (${f.lines} lines)`));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const modules = readModules();
  console.log('layers:', layerViolations(modules));
  console.log('cycles:', importCycles(modules).map((c) => c.join(' → ')));
  console.log('long (shared):', longFunctions(modules.filter((m) => m.path.startsWith('shared/')), 120));
  console.log('long (adapters):', longFunctions(modules.filter((m) => !m.path.startsWith('shared/')), 120));
}
