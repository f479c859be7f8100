// The house's structure (ARCHITECTURE.md): floors imported only downwards, readers and the
// interpreter meeting only in the pipeline, adapters using the engine's surface, no import
// circle, short functions, and the interpreter reading cells by their shape, never by the
// name of the reader that made them. Read from the sources with the TypeScript parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { floorOf, importCycles, layerViolations, longFunctions, readModule, readModules, ROOT } from '../helpers/structure';

const modules = readModules();

test('every module of the engine and the adapters stands on a floor', () => {
  assert.deepEqual(modules.filter((m) => floorOf(m.path) < 0).map((m) => m.path), []);
});

test('no import runs up a floor, across the reading floor, or around the engine surface', () => {
  assert.deepEqual(layerViolations(modules), []);
});

test('no import circle', () => {
  assert.deepEqual(importCycles(modules).map((c) => c.join(' → ')), []);
});

test('no function of the engine or the adapters is over 120 lines', () => {
  assert.deepEqual(longFunctions(modules, 120), []);
});

test("the interpreter never asks which reader made a cell (it asks the cell's shape)", () => {
  const asks = modules
    .filter((m) => m.path.startsWith('shared/src/parse/'))
    .flatMap((m) => readFileSync(join(ROOT, m.path), 'utf8').split('\n').map((line, i) => ({ line, at: `${m.path}:${i + 1}` })))
    .filter(({ line }) => /\blayouts?\b\s*(?:[!=]==|\.has\(|\.includes\()/.test(line))
    .map(({ at }) => at);
  assert.deepEqual(asks, []);
});

// The checks themselves must be able to fail: each is shown a module that breaks it.
test('the structure checks catch what they are for', () => {
  const grid = readModule('shared/src/grid/grid.ts');
  const upward = { ...grid, imports: ['shared/src/check/check.ts'] };
  assert.equal(layerViolations([upward]).length, 1);
  const reader = readModule('shared/src/readers/html.ts');
  assert.equal(layerViolations([{ ...reader, imports: ['shared/src/parse/interpret.ts'] }]).length, 1);
  const adapter = readModule('server/src/server.ts');
  assert.equal(layerViolations([{ ...adapter, imports: ['shared/src/check/check.ts'] }]).length, 1);
  const a = { ...grid, path: 'a.ts', imports: ['b.ts'] };
  const b = { ...grid, path: 'b.ts', imports: ['a.ts'] };
  assert.equal(importCycles([a, b]).length, 1);
  assert.equal(longFunctions([{ ...grid, functions: [{ name: 'f', line: 1, lines: 121 }] }], 120).length, 1);
});
