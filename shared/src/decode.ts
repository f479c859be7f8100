// Bytes → text for report files. Reports come as UTF-8 (with or without a BOM), as UTF-16 with a
// BOM (Windows "Unicode" text), and as GBK/GB18030 (Chinese Windows' default, and common in
// downloads from government sites). Anything else is said to be unreadable: never read as an
// empty, clean report.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; bom: boolean }
  | { ok: false; reason: 'binary' | 'encoding' };

export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf(bytes.subarray(3), 'utf-8', true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf(bytes.subarray(2), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf(bytes.subarray(2), 'utf-16be', true);
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  const asUtf8 = tryDecode(bytes, 'utf-8');
  if (asUtf8 !== undefined) return plausible(asUtf8) ? { ok: true, text: asUtf8, encoding: 'utf-8', bom: false } : { ok: false, reason: 'binary' };
  const asGb = tryDecode(bytes, 'gb18030');
  // GB18030 decodes almost any byte string: accept it only when what comes out reads as Chinese.
  if (asGb !== undefined && plausible(asGb) && mostlyChinese(asGb)) return { ok: true, text: asGb, encoding: 'gb18030', bom: false };
  return { ok: false, reason: looksBinary(bytes) ? 'binary' : 'encoding' };
}

/** The bytes of `text` in the file's own encoding (for --fix), where it can be written back. */
export function encodeReport(text: string, encoding: Encoding, bom: boolean): Uint8Array | undefined {
  if (encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    if (!bom) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const out = new Uint8Array(2 + text.length * 2);
    const le = encoding === 'utf-16le';
    out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 + 2 * i] = le ? c & 0xff : c >> 8;
      out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
    }
    return out;
  }
  // No GB18030 encoder without a dependency: such a file is checked, not rewritten.
  return undefined;
}

function utf(bytes: Uint8Array, encoding: Encoding, bom: boolean): Decoded {
  const text = tryDecode(bytes, encoding);
  if (text === undefined) return { ok: false, reason: 'encoding' };
  return plausible(text) ? { ok: true, text, encoding, bom } : { ok: false, reason: 'binary' };
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Text, not a binary that happens to decode: almost no control characters. */
// Control characters (not tab, line ends or form feed) and the replacement character.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\ufffd]/;
function plausible(text: string): boolean {
  // Nearly every report has none: one search in the engine instead of a loop.
  if (!CONTROL.test(text)) return true;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control <= text.length / 200;
}

function mostlyChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 128) continue;
    nonAscii++;
    // CJK ideographs, CJK punctuation and full-width forms.
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x201c || c === 0x201d) cjk++;
  }
  // Latin-1 or other single-byte text also decodes to ideographs, but rare ones: real Chinese
  // prose has the commonest characters in it.
  return nonAscii > 0 && cjk / nonAscii >= 0.9 && /[的年是和了在信息]/.test(text);
}

function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > n / 100;
}
