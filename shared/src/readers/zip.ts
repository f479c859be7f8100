// Reading the few entries of a zip (.docx) that are wanted, each under a size limit that holds
// whatever the zip says: sizes are checked from the central directory before anything is
// inflated, and inflation runs in chunks that stop as soon as the output passes the limit (a
// directory that understates a size costs at most one chunk's work past the limit, never the
// whole stream).
import { Inflate } from 'fflate';

export type ZipRead =
  | { ok: true; files: Map<string, Uint8Array> }
  | { ok: false; reason: 'too-large' | 'corrupt' };

const CHUNK = 16 * 1024;

class TooLarge extends Error {}

const u16 = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/** `wanted`: entry name → the largest size it may inflate to. `maxEntries`: the directory's size. */
export function readZip(bytes: Uint8Array, wanted: ReadonlyMap<string, number>, maxEntries: number): ZipRead {
  // The end-of-central-directory record: within the last 64 KB + 22 bytes (its comment).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'corrupt' };
  const count = u16(bytes, eocd + 10);
  if (count > maxEntries) return { ok: false, reason: 'too-large' };
  let at = u32(bytes, eocd + 16);
  const files = new Map<string, Uint8Array>();
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return { ok: false, reason: 'corrupt' };
    const method = u16(bytes, at + 10);
    const compressed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    const limit = wanted.get(name);
    if (limit === undefined) continue;
    if (size > limit) return { ok: false, reason: 'too-large' };
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return { ok: false, reason: 'corrupt' };
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
    if (method === 0) {
      if (data.length > limit) return { ok: false, reason: 'too-large' };
      files.set(name, data);
    } else if (method === 8) {
      const out = inflateAtMost(data, limit);
      if (out === 'too-large') return { ok: false, reason: 'too-large' };
      if (out === 'corrupt') return { ok: false, reason: 'corrupt' };
      files.set(name, out);
    } else return { ok: false, reason: 'corrupt' };
  }
  return { ok: true, files };
}

function inflateAtMost(data: Uint8Array, limit: number): Uint8Array | 'too-large' | 'corrupt' {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    parts.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    return e instanceof TooLarge ? 'too-large' : 'corrupt';
  }
  const out = new Uint8Array(total);
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}
