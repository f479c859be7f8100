// A minimal snapshot helper: compares with test/__snapshots__/<name>.json; UPDATE_SNAPSHOTS=1
// rewrites the file (then read the diff before committing it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { root } from './util';

export function matchSnapshot(name: string, value: unknown): void {
  const dir = join(root, 'test', '__snapshots__');
  const file = join(dir, `${name}.json`);
  const text = JSON.stringify(value, null, 2) + '\n';
  if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) assert.fail(`snapshot ${name} is missing (run with UPDATE_SNAPSHOTS=1 locally)`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  assert.equal(text, readFileSync(file, 'utf8'), `snapshot ${name} differs`);
}
