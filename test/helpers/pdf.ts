// PDF files for the reader's tests, written to the PDF specification (ISO 32000) by hand: text in
// the standard Chinese font STSong-Light through the predefined CMap UniGB-UCS2-H (not embedded, so
// the text can only be read with pdf.js's bundled CMaps), table borders as stroked lines, image-only
// pages (a scan), and the standard security handler (RC4, a user password) for an encrypted file.
// Then a report laid out from a set of figures, as Word or WPS prints one: ruled tables with
// merged cells, labels wrapped in their cells, 表2 broken by a page, or no rules at all.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { spec, table1ItemsFor, table2RowsFor } from '../../shared/src/index';
import type { Figures } from './render';

export interface PdfText {
  x: number;
  y: number;
  size: number;
  str: string;
}

export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPageSpec {
  texts: PdfText[];
  rules: PdfRule[];
  /** An image covering the page (a scanned page), of about this many bytes. */
  image?: number;
  /** A hostile image: declared this many pixels wide and high, with a few bytes of data. */
  declaredImage?: number;
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

/** UCS-2 (UTF-16BE) hex of a string of the Basic Multilingual Plane. */
const hex = (s: string) => Buffer.from([...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255])).toString('hex');

export function writePdf(pages: PdfPageSpec[], options: { userPassword?: string } = {}): Uint8Array {
  const objects: Array<Buffer | undefined> = [];
  const id = createHash('md5').update(String(pages.length)).digest();
  let key: Buffer | undefined;
  let O: Buffer | undefined;
  let U: Buffer | undefined;
  const P = -44; // print, copy allowed; the value matters only as bytes in the key
  if (options.userPassword !== undefined) {
    // Standard security handler, revision 2 (40-bit RC4): ISO 32000-1, 7.6.3.
    O = rc4(md5(padded(options.userPassword)).subarray(0, 5), padded(options.userPassword));
    const p = Buffer.alloc(4);
    p.writeInt32LE(P);
    key = md5(padded(options.userPassword), O, p, id).subarray(0, 5);
    U = rc4(key, PAD);
  }
  const objectKey = (n: number) => md5(key!, Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, 0, 0])).subarray(0, 10);
  const add = (body: (n: number) => Buffer): number => {
    const n = objects.length + 1;
    objects.push(undefined);
    objects[n - 1] = body(n);
    return n;
  };
  const stream = (dict: string, data: Buffer) => (n: number) => {
    const bytes = key ? rc4(objectKey(n), data) : data;
    return Buffer.concat([Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
  };
  const text = (s: string) => () => Buffer.from(s, 'latin1');

  const catalog = add(text('<< /Type /Catalog /Pages 2 0 R >>'));
  void catalog;
  add(text('')); // the page tree, written once the pages are known
  const descendant = add(text('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>'));
  const font = add(text(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${descendant} 0 R] >>`));
  add(text('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>'));
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    let image: number | undefined;
    if (page.image) {
      // Grey noise, uncompressed: a scanned page's picture and no text.
      const side = Math.max(1, Math.floor(Math.sqrt(page.image)));
      const pixels = Buffer.alloc(side * side);
      for (let k = 0; k < pixels.length; k++) pixels[k] = (k * 7919) & 255;
      image = add(stream(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8`, pixels));
      ops.push('q 595 0 0 842 0 0 cm /Im1 Do Q');
    }
    if (page.declaredImage) {
      const side = page.declaredImage;
      // Deflated zeros: a few hundred KB on disk, side × side × 3 bytes once decoded.
      image = add(stream(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`, deflatedZeros(side * side * 3)));
      ops.push('q 595 0 0 842 0 0 cm /Im1 Do Q');
    }
    if (page.rules.length) ops.push('0.5 w');
    for (const r of page.rules) ops.push(`${r.x0.toFixed(2)} ${r.y0.toFixed(2)} m ${r.x1.toFixed(2)} ${r.y1.toFixed(2)} l S`);
    for (const t of page.texts) ops.push(`BT /F1 ${t.size} Tf ${t.x.toFixed(2)} ${t.y.toFixed(2)} Td <${hex(t.str)}> Tj ET`);
    const content = add(stream('', Buffer.from(ops.join('\n'), 'latin1')));
    const resources = `<< /Font << /F1 ${font} 0 R >>${image ? ` /XObject << /Im1 ${image} 0 R >>` : ''} >>`;
    kids.push(add(text(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents ${content} 0 R >>`)));
  }
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const encrypt = key ? add(text(`<< /Filter /Standard /V 1 /R 2 /O <${O!.toString('hex')}> /U <${U!.toString('hex')}> /P ${P} >>`)) : undefined;

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, k) => {
    const b = Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`, 'latin1'), body!, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(offset);
    chunks.push(b);
    offset += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const idHex = id.toString('hex');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /ID [<${idHex}> <${idHex}>]${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

// ---------------------------------------------------------------- a report laid out on pages

export type PdfStyle = 'ruled' | 'wrapped' | 'borderless';

interface Cell {
  x0: number;
  x1: number;
  /** Top and bottom, downward from the top of the page. */
  top: number;
  bottom: number;
  text: string;
  size: number;
  /** One character per line (a narrow group column, as Word stacks 三、本年度办理结果). */
  stacked?: boolean;
}

const PAGE_H = 842;
const LEFT = 60;
const RIGHT = 560;

/** The report as a PDF: each style a way real ones are printed. Blank cells: "table2:<rowId>:<k>". */
export function renderPdf(f: Figures, style: PdfStyle, options: { blank?: string[] } = {}): Uint8Array {
  const blank = new Set(options.blank ?? []);
  const pages: PdfPageSpec[] = [{ texts: [], rules: [] }];
  let y = 70;
  const page = () => pages[pages.length - 1]!;
  const newPage = () => {
    page().texts.push({ x: 290, y: 40, size: 10, str: `- ${pages.length} -` });
    pages.push({ texts: [], rules: [] });
    y = 70;
  };
  const line = (str: string, size = 12, indent = 2) => {
    if (y + size * 1.8 > PAGE_H - 70) newPage();
    y += size * 1.8;
    page().texts.push({ x: LEFT + indent * size, y: PAGE_H - y, size, str });
  };
  const paragraph = (str: string, size = 12) => {
    const perLine = Math.floor((RIGHT - LEFT) / size) - 2;
    for (let k = 0; k < str.length; k += perLine) line(str.slice(k, k + perLine), size, k === 0 ? 2 : 0);
  };
  const drawCells = (cells: Cell[]) => {
    for (const c of cells) {
      if (style !== 'borderless') {
        const [t, b] = [PAGE_H - c.top, PAGE_H - c.bottom];
        page().rules.push({ x0: c.x0, y0: t, x1: c.x1, y1: t }, { x0: c.x0, y0: b, x1: c.x1, y1: b }, { x0: c.x0, y0: b, x1: c.x0, y1: t }, { x0: c.x1, y0: b, x1: c.x1, y1: t });
      }
      if (!c.text) continue;
      const lines = wrap(c);
      const lead = c.size * 1.3;
      const first = (c.top + c.bottom) / 2 - (lines.length * lead) / 2 + c.size;
      lines.forEach((s, k) => {
        const width = [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 0.5 : 1) * c.size, 0);
        const x = /^[0-9.]+$/.test(c.text) ? (c.x0 + c.x1) / 2 - width / 2 : c.x0 + 3;
        page().texts.push({ x, y: PAGE_H - (first + k * lead), size: c.size, str: s });
      });
    }
  };

  const title = `示例县人民政府办公室${f.year}年政府信息公开工作年度报告`;
  line(title, 16, 1);
  const heading = (n: number) => line(`${spec.sections[n - 1]!.numeral}、${spec.sections[n - 1]!.title}`, 12, 2);
  heading(1);
  paragraph('（一）主动公开。全年主动公开政府信息1200条。');
  paragraph(`（二）依申请公开。本年新收政府信息公开申请${f.table2.new?.[6]}件，均已按时答复。`);
  heading(2);

  // 表1: each item a ruled block of its own.
  y += 10;
  for (const item of table1ItemsFor('2021')) {
    const cells: Cell[] = [];
    const width = (RIGHT - LEFT - 150) / item.columns.length;
    const rowH = 20;
    cells.push({ x0: LEFT, x1: RIGHT, top: y, bottom: y + rowH, text: `第二十条第（${'一二三四五六七八九'.charAt(item.item - 1)}）项`, size: 10 });
    cells.push({ x0: LEFT, x1: LEFT + 150, top: y + rowH, bottom: y + 2 * rowH, text: '信息内容', size: 10 });
    item.columns.forEach((c, k) => cells.push({ x0: LEFT + 150 + k * width, x1: LEFT + 150 + (k + 1) * width, top: y + rowH, bottom: y + 2 * rowH, text: c.label, size: 9 }));
    item.rows.forEach((r, i) => {
      const top = y + (2 + i) * rowH;
      cells.push({ x0: LEFT, x1: LEFT + 150, top, bottom: top + rowH, text: r.label, size: 10 });
      (f.table1[r.id] ?? item.columns.map(() => 0)).forEach((v, k) => cells.push({ x0: LEFT + 150 + k * width, x1: LEFT + 150 + (k + 1) * width, top, bottom: top + rowH, text: String(v), size: 10 }));
    });
    drawCells(cells);
    y += (2 + item.rows.length) * rowH + 8;
  }

  // 表2
  heading(3);
  y += 10;
  const narrow = style === 'wrapped';
  const c1 = LEFT + 22;
  const c2 = LEFT + (narrow ? 80 : 100);
  const fx = narrow ? 250 : 330;
  const fw = (RIGHT - fx) / 7;
  const fig = (k: number) => [fx + k * fw, fx + (k + 1) * fw] as const;
  const head: Cell[] = [
    { x0: LEFT, x1: fx, top: y, bottom: y + 66, text: spec.table2.cornerNote, size: 8 },
    { x0: fx, x1: fig(5)[1], top: y, bottom: y + 18, text: '申请人情况', size: 8 },
    { x0: fig(6)[0], x1: RIGHT, top: y, bottom: y + 66, text: '总计', size: 8 },
    { x0: fx, x1: fig(0)[1], top: y + 18, bottom: y + 66, text: '自然人', size: 8 },
    { x0: fig(1)[0], x1: fig(5)[1], top: y + 18, bottom: y + 36, text: '法人或其他组织', size: 8 },
    ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t, k) => ({ x0: fig(k + 1)[0], x1: fig(k + 1)[1], top: y + 36, bottom: y + 66, text: t, size: 8 })),
  ];
  // Borderless tables have no header cells to speak of: the corner note as a line of text.
  drawCells(style === 'borderless' ? head.filter((c) => c.text !== spec.table2.cornerNote) : head);
  y += 66;
  const rows = table2RowsFor('2021');
  const groups = new Map<string, { label: string; rows: string[] }>();
  for (const r of rows) if (r.group && r.id !== 'results') groups.set(r.id, { label: r.label, rows: rows.filter((x) => x.parent === r.id).map((x) => x.id) });
  const results = rows.filter((r) => !r.group && r.parent !== undefined).map((r) => r.id);
  // Rows, with the group cells drawn when their span ends (or the page does).
  let resultStart: number | undefined;
  let groupStart: number | undefined;
  // A merged cell broken by a page: its text stands in the first part only (as Word prints it).
  let groupContinued = false;
  let continuedGroup: string | undefined;
  let resultContinued = false;
  const flushGroups = (rowId: string, bottom: number, force: boolean) => {
    const row = rows.find((r) => r.id === rowId)!;
    const group = row.parent && row.parent !== 'results' ? groups.get(row.parent) : undefined;
    if (style !== 'borderless' && group && groupStart !== undefined && (force || group.rows[group.rows.length - 1] === rowId)) {
      drawCells([{ x0: c1, x1: c2, top: groupStart, bottom, text: groupContinued ? '' : group.label, size: 8 }]);
      groupStart = undefined;
      groupContinued = force;
    }
    if (style !== 'borderless' && resultStart !== undefined && (force || results[results.length - 1] === rowId)) {
      drawCells([{ x0: LEFT, x1: c1, top: resultStart, bottom, text: resultContinued ? '' : '三、本年度办理结果', size: 8, stacked: true }]);
      resultStart = undefined;
      resultContinued = force;
    }
  };
  const breakAfter = style === 'wrapped' ? 'refused.internal' : undefined;
  let previous: string | undefined;
  for (const r of rows) {
    if (r.group) continue;
    const inResults = r.parent !== undefined;
    const inGroup = inResults && r.parent !== 'results';
    const labelX0 = style === 'borderless' ? LEFT : !inResults ? LEFT : inGroup ? c2 : c1;
    const label = style === 'borderless' && inGroup && groups.get(r.parent!)!.rows[0] === r.id ? `${groups.get(r.parent!)!.label}${r.label}` : r.label;
    const labelCell: Cell = { x0: labelX0, x1: fx, top: y, bottom: y, text: label, size: 8 };
    const height = Math.max(16, wrap(labelCell).length * 8 * 1.3 + 6);
    if (y + height > PAGE_H - 60) {
      if (previous) flushGroups(previous, y, true);
      newPage();
    }
    if (inResults && resultStart === undefined && style !== 'borderless') resultStart = y;
    if (inGroup && groupStart === undefined && style !== 'borderless') {
      // A new group's label is printed; a group going on after a page break is not printed again.
      if (!groupContinued || continuedGroup !== r.parent) groupContinued = false;
      continuedGroup = r.parent;
      groupStart = y;
    }
    labelCell.top = y;
    labelCell.bottom = y + height;
    const values = f.table2[r.id] ?? [0, 0, 0, 0, 0, 0, 0];
    drawCells([labelCell, ...values.map((v, k) => ({ x0: fig(k)[0], x1: fig(k)[1], top: y, bottom: y + height, text: blank.has(`table2:${r.id}:${k}`) ? '' : String(v), size: 10 }))]);
    y += height;
    flushGroups(r.id, y, false);
    previous = r.id;
    if (r.id === breakAfter) {
      flushGroups(r.id, y, true);
      newPage();
    }
  }

  // 表3
  if (y + 140 > PAGE_H - 60) newPage();
  heading(4);
  y += 10;
  const w3 = (RIGHT - LEFT) / 15;
  const col = (k: number) => [LEFT + k * w3, LEFT + (k + 1) * w3] as const;
  const sub = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  drawCells([
    { x0: LEFT, x1: col(4)[1], top: y, bottom: y + 18, text: '行政复议', size: 8 },
    { x0: col(5)[0], x1: RIGHT, top: y, bottom: y + 18, text: '行政诉讼', size: 8 },
    ...sub.map((t, k) => ({ x0: col(k)[0], x1: col(k)[1], top: y + 18, bottom: y + 70, text: t, size: 8 })),
    { x0: col(5)[0], x1: col(9)[1], top: y + 18, bottom: y + 36, text: '未经复议直接起诉', size: 8 },
    { x0: col(10)[0], x1: RIGHT, top: y + 18, bottom: y + 36, text: '复议后起诉', size: 8 },
    ...[...sub, ...sub].map((t, k) => ({ x0: col(k + 5)[0], x1: col(k + 5)[1], top: y + 36, bottom: y + 70, text: t, size: 8 })),
    ...f.table3.map((v, k) => ({ x0: col(k)[0], x1: col(k)[1], top: y + 70, bottom: y + 88, text: String(v), size: 10 })),
  ]);
  y += 96;
  heading(5);
  paragraph('一是公开内容不够全面；二是解读形式单一。下一步将加以改进。');
  heading(6);
  paragraph('本年度未收取信息处理费。');
  page().texts.push({ x: 290, y: 40, size: 10, str: `- ${pages.length} -` });
  return writePdf(pages);
}

/** A cell's text in lines that fit its width (full-width characters; Latin at half width). */
function wrap(c: Cell): string[] {
  if (c.stacked) return [...c.text];
  const room = c.x1 - c.x0 - 6;
  const out: string[] = [];
  let lineText = '';
  let width = 0;
  for (const ch of c.text) {
    const w = (ch.charCodeAt(0) < 128 ? 0.5 : 1) * c.size;
    if (width + w > room && lineText) {
      out.push(lineText);
      lineText = '';
      width = 0;
    }
    lineText += ch;
    width += w;
  }
  if (lineText) out.push(lineText);
  return out;
}

/** zlib data that inflates to `size` zero bytes (about a thousandth of it on disk). */
function deflatedZeros(size: number): Buffer {
  return deflateSync(Buffer.alloc(size));
}

/** A PDF heavy to read (eight pages of 15,000 text items): a hostile file's stand-in. Each page is
 *  within the reader's operator budget (PDF_LIMITS), so it is read for as long as it takes. */
export function heavyPdf(): Uint8Array {
  const pages = Array.from({ length: 8 }, () => ({ texts: Array.from({ length: 15_000 }, (_, k) => ({ x: 20 + (k % 50) * 11, y: 800 - Math.floor(k / 50) % 50 * 15, size: 8, str: '一' })), rules: [] as PdfPageSpec['rules'] }));
  pages[0]!.texts.push({ x: 72, y: 820, size: 12, str: '一、总体情况' });
  return writePdf(pages);
}
