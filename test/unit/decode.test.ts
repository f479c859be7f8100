// Bytes → text: UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030; anything else is said
// to be unreadable, never read as an empty, clean report; and text goes back in its own encoding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeReport, encodeReport } from '../../shared/src/index';
import { fixture, root } from '../helpers/util';

const weihui = fixture('real', 'weihui-2023.txt');

test('UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM and GB18030 decode to the same text', () => {
  const utf8 = Buffer.from(weihui, 'utf8');
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(weihui, 'utf16le')]);
  const be = Buffer.from(le.subarray(2)).swap16();
  const cases: Array<[string, Uint8Array, string, boolean]> = [
    ['utf-8', utf8, 'utf-8', false],
    ['utf-8 bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'utf-8', true],
    ['utf-16le', le, 'utf-16le', true],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be', true],
    ['gb18030', readFileSync(join(root, 'test', 'fixtures', 'encodings', 'weihui-2023.gb18030.txt')), 'gb18030', false],
  ];
  for (const [name, bytes, encoding, bom] of cases) {
    const d = decodeReport(bytes);
    assert.ok(d.ok, name);
    assert.equal(d.text, weihui, name);
    assert.equal(d.encoding, encoding, name);
    assert.equal(d.bom, bom, name);
    const back = encodeReport(d.text, d.encoding, d.bom);
    if (encoding === 'gb18030') assert.equal(back, undefined, 'no GB18030 encoder: never rewritten');
    else assert.ok(Buffer.from(back!).equals(Buffer.from(bytes)), `${name} round-trips byte for byte`);
  }
});

test('binary content, NUL bytes and unknown encodings are unreadable, not empty reports', () => {
  assert.deepEqual(decodeReport(readFileSync(join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf'))), { ok: false, reason: 'binary' });
  assert.deepEqual(decodeReport(Buffer.from('报告\u0000\u0000正文', 'utf8')), { ok: false, reason: 'binary' });
  assert.deepEqual(decodeReport(Buffer.from('Jahresbericht \xfcber Stra\xdfen \xe4\xf6\n', 'latin1')), { ok: false, reason: 'encoding' });
  // Plain ASCII and ordinary UTF-8 Chinese are UTF-8, never mistaken for GB18030.
  assert.equal((decodeReport(Buffer.from('一、总体情况\n')) as { encoding: string }).encoding, 'utf-8');
});
