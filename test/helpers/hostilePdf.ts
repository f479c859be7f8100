// Hostile PDFs of a few KB that cost a reader far more than their size (issue 31): form XObjects
// drawn through each other. A form drawing the next ten times, five to seven levels deep (10⁵–10⁷
// draws of the last); a form that draws itself; a chain of 10,000 forms, each drawing the next.
// And, to weigh the operator budget's units against each other (scripts/bench-hostile.ts): a page
// of a few hundred thousand drawing operators; nested forms whose last draws a long string or an
// inline image. Each hostile page stands between two ordinary pages of text, which must still be
// read. Written to the PDF specification by hand (ISO 32000-1, 8.10 form XObjects), as
// test/helpers/pdf.ts writes its reports: text in STSong-Light through UniGB-UCS2-H.
import { deflateSync } from 'node:zlib';

/** UCS-2 (UTF-16BE) hex of a string of the Basic Multilingual Plane. */
const hex = (s: string) => Buffer.from([...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255])).toString('hex');
const text = (x: number, y: number, s: string) => `BT /F1 12 Tf ${x} ${y} Td <${hex(s)}> Tj ET`;

/** A form: its content, and the form its content draws by the name /X (its object number). */
interface Form {
  content: string;
  draws?: number;
}

export type HostileFamily = 'nested' | 'self' | 'chain' | 'operators';

export interface HostileOptions {
  /** nested: levels of forms (each drawing the next ten times); chain: forms in the chain. */
  depth?: number;
  /** nested: how many times each form draws the next (ten). */
  fanOut?: number;
  /** nested: what the last form draws: a line and a word (default), a string of 4,000 characters,
   *  or an inline image of 10,000 bytes. */
  leaf?: 'word' | 'longText' | 'inlineImage';
  /** operators: how many lines the page draws (each a moveto, a lineto and a stroke: 7 tokens). */
  count?: number;
  /** How many hostile pages stand between the two ordinary ones (one). */
  pages?: number;
}

const LEAVES = {
  word: `0 0 m 10 0 l S ${text(0, 0, '一')}`,
  longText: text(0, 0, '一'.repeat(4000)),
  inlineImage: `q 100 0 0 100 0 0 cm BI /W 100 /H 100 /CS /G /BPC 8 ID\n${'\x80'.repeat(10_000)}\nEI Q`,
};

/**
 * A PDF of an ordinary page, the hostile page (its content draws the first form; `pages` of them),
 * and an ordinary page. The forms are objects 10, 11, …; the last form draws a line and a word, so
 * that both the text and the ruling lines of the page go through every draw.
 */
export function hostilePdf(family: HostileFamily, options: HostileOptions = {}): Uint8Array {
  const forms: Form[] = [];
  const FIRST = 10;
  if (family === 'nested') {
    const depth = options.depth ?? 6;
    const fanOut = options.fanOut ?? 10;
    for (let k = 0; k < depth; k++) {
      const last = k === depth - 1;
      forms.push(last ? { content: LEAVES[options.leaf ?? 'word'] } : { content: Array(fanOut).fill('q 1 0 0 1 0.01 0.01 cm /X Do Q').join('\n'), draws: FIRST + k + 1 });
    }
  } else if (family === 'self') {
    forms.push({ content: `0 0 m 10 0 l S ${text(0, 0, '一')} /X Do`, draws: FIRST });
  } else if (family === 'chain') {
    const depth = options.depth ?? 10_000;
    for (let k = 0; k < depth; k++) forms.push(k === depth - 1 ? { content: `0 0 m 10 0 l S ${text(0, 0, '一')}` } : { content: '/X Do', draws: FIRST + k + 1 });
  }
  const objects = new Map<number, Buffer>();
  const put = (n: number, body: string | Buffer) => objects.set(n, typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
  // A stream of more than a few KB deflated (a megabyte of operators in a few KB).
  const stream = (dict: string, data: string) => {
    const raw = Buffer.from(data, 'latin1');
    const bytes = raw.length > 4096 ? deflateSync(raw) : raw;
    return Buffer.concat([Buffer.from(`<<${dict}${bytes === raw ? '' : '/Filter/FlateDecode'}/Length ${bytes.length}>>stream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
  };
  put(1, '<< /Type /Catalog /Pages 2 0 R >>');
  // The pages: 6, the hostile ones (objects after the content of the last), 8.
  const hostile = options.pages ?? 1;
  const kids = [6, ...Array.from({ length: hostile }, (_, k) => (k === 0 ? 7 : FIRST + forms.length + k)), 8];
  put(2, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  put(3, '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>');
  put(4, '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [3 0 R] >>');
  put(5, '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  const font = '/Font<</F1 4 0 R>>';
  const page = (n: number, content: number, xobjects: string) => put(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${font}${xobjects} >> /Contents ${content} 0 R >>`);
  // The ordinary pages share their content, the hostile ones theirs (the object after the last form).
  const hostileContent = FIRST + forms.length;
  page(6, 9, '');
  for (const n of kids.slice(1, -1)) page(n, hostileContent, forms.length ? ` /XObject << /X ${FIRST} 0 R >>` : '');
  page(8, 9, '');
  put(9, stream('', `${text(72, 790, '示例县人民政府办公室2024年政府信息公开工作年度报告')}\n${text(72, 760, '一、总体情况')}\n${text(72, 730, '本页照常读取。')}`));
  // As short as a form's dictionary can be (a chain of 10,000 of them stays near a megabyte).
  forms.forEach((f, k) => {
    const resources = f.draws !== undefined ? `<</XObject<</X ${f.draws} 0 R>>${family === 'chain' ? '' : font}>>` : `<<${font}>>`;
    put(FIRST + k, stream(`/Subtype/Form/BBox[0 0 595 842]/Resources${resources}`, f.content));
  });
  const body = family === 'operators' ? Array(options.count ?? 300_000).fill('0 0 m 10 0 l S').join('\n') : 'q /X Do Q';
  put(hostileContent, stream('', `${text(72, 760, '二、主动公开政府信息情况')}\n${body}`));
  return writeObjects(objects);
}

/** The objects (numbered 1…n, none missing) as a PDF file with its cross-reference table. */
function writeObjects(objects: Map<number, Buffer>): Uint8Array {
  const count = Math.max(...objects.keys());
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  for (let n = 1; n <= count; n++) {
    const body = objects.get(n) ?? Buffer.from('null', 'latin1');
    const b = Buffer.concat([Buffer.from(`${n} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    chunks.push(b);
    offset += b.length;
  }
  const xref = [`xref\n0 ${count + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${count + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
