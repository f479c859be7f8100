// Reading a PDF's text layer with Mozilla's pdf.js: each page's text items with their positions,
// and the ruling lines of its tables (from the drawing operators), for the pure layout in
// shared/src/readers/pdf/. pdf.js (with its CMaps and standard fonts, so Chinese fonts
// decode offline) is loaded from disk only when a PDF is read: the CLI and the server start as
// fast without it. What pdf.js reads of a page's content is counted as it reads it (the operator
// budget below): a page that draws too much is dropped, not read for as long as the time budget.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPage, PdfSegment } from '../../shared/src/index';

export type PdfLoad =
  /** `operators`: what pdf.js read of each page, weighed (PDF_LIMITS); `tooComplex`: the pages
   *  (from 1) dropped for overrunning the budget (read as blank). */
  | { ok: true; pages: PdfPage[]; truncated: boolean; operators: number[]; tooComplex: number[] }
  | { ok: false; reason: 'encrypted' | 'corrupt' | 'not-pdf' | 'no-reader' | 'timeout' | 'too-large'; detail?: string };

/**
 * Limits of one PDF's reading: its time, the memory of the worker reading it, what a page may hold,
 * and the operators pdf.js may read (weighed by OPERATOR_WEIGHT, a form drawn ten times counted ten
 * times; see countRead). A page past `operatorsPerPage` is dropped; once the file has used its
 * budget, `operatorsPerFileMb` for each megabyte of it (and never less), the pages left are. That
 * budget keeps a PDF under 1 MB within about a second of pdf.js's reading, whatever its forms do
 * (scripts/bench-hostile.ts); the published reports of the fixtures use 5% of it (at most 25,000 on
 * a page).
 */
export const PDF_LIMITS = {
  timeMs: Number(process.env.GOV_REPORT_PDF_TIME_MS) || 30_000,
  heapMb: 1024,
  itemsPerPage: 50_000,
  operatorsPerPage: 400_000,
  operatorsPerFileMb: 1_500_000,
  /** Forms drawn within forms (and patterns, glyphs): deeper than any report's. pdf.js has no bound,
   *  and each level deeper slows every step of the text's reading. */
  formDepth: 32,
};

/** The operators a file may use: its budget per megabyte, at least one megabyte's. */
export const operatorsPerFile = (bytes: number) => Math.ceil(PDF_LIMITS.operatorsPerFileMb * Math.max(1, bytes / 2 ** 20));

/**
 * The weight of what pdf.js reads, in operators, so that each costs about the same (about half a
 * microsecond; measured with scripts/bench-hostile.ts): an operator or operand is 1; a string or an
 * inline image adds one per `bytesPerOperator` bytes (pdf.js goes through each: glyphs, image
 * data); an array or a dictionary counts everything in it; drawing an XObject (`Do`: pdf.js sets up
 * a form's reading, its state and caches, each time it is drawn) counts `draw`.
 */
export const OPERATOR_WEIGHT = { bytesPerOperator: 3, draw: 100 };

/** More pages than any annual report has: the rest is not read (time and memory stay bounded). */
export const MAX_PAGES = 200;

/** pdf.js as shipped beside the bundle (dist/pdfjs), or from node_modules when run from source. */
function pdfjsDir(): string | undefined {
  const candidates = [join(__dirname, 'pdfjs'), join(__dirname, '..', '..', 'node_modules', 'pdfjs-dist'), join(__dirname, '..', 'node_modules', 'pdfjs-dist')];
  return candidates.find((d) => existsSync(join(d, 'legacy', 'build', 'pdf.min.mjs')));
}

// The subset of pdf.js used here.
interface PdfJs {
  getDocument(options: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
  GlobalWorkerOptions: { workerSrc: string };
  OPS: Record<string, number>;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<{
    view: number[];
    getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
    getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
    cleanup(): void;
  }>;
  destroy(): Promise<void>;
}

let loaded: Promise<{ pdfjs: PdfJs; dir: string } | undefined> | undefined;

/** What pdf.js probes for to render (never needed to read text): never loaded from disk. */
const NATIVE_CANVAS = new Set(['@napi-rs/canvas', 'canvas']);
let refusing = false;

/**
 * pdf.js, on loading, tries require("@napi-rs/canvas") from its own folder upwards: a module
 * planted in any parent node_modules of the extension or the CLI would run. The resolution of
 * that one name is refused (as if it were not installed); only text and lines are read here.
 */
function refuseNativeCanvas(): void {
  if (refusing) return;
  refusing = true;
  const Module = require('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    if (NATIVE_CANVAS.has(request)) throw Object.assign(new Error(`Cannot find module '${request}' (not loaded by gov-report)`), { code: 'MODULE_NOT_FOUND' });
    return resolve.call(this, request, ...rest);
  };
}

function loadPdfJs(): Promise<{ pdfjs: PdfJs; dir: string } | undefined> {
  loaded ??= (async () => {
    const dir = pdfjsDir();
    if (!dir) return undefined;
    // A computed specifier: the bundler leaves this import() alone, Node loads the ES module.
    const url = pathToFileURL(join(dir, 'legacy', 'build', 'pdf.min.mjs')).href;
    // pdf.js says on the console (stdout) that it cannot polyfill the canvas APIs it needs only for
    // rendering: that would corrupt the CLI's JSON and the server's stdio stream. Silence it while
    // the module loads; after that, getDocument's verbosity 0 keeps it quiet.
    const saved = { log: console.log, info: console.info, warn: console.warn };
    console.log = console.info = console.warn = () => undefined;
    refuseNativeCanvas();
    let pdfjs: PdfJs;
    try {
      if (!(await loadMeteredWorker(dir))) return undefined;
      pdfjs = (await import(url)) as PdfJs;
    } finally {
      Object.assign(console, saved);
    }
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(dir, 'legacy', 'build', 'pdf.worker.min.mjs')).href;
    return { pdfjs, dir };
  })();
  return loaded;
}

// ---- the operator budget
// pdf.js 4.10 has no budget of its own. Its EvaluatorPreprocessor reads every content stream token
// by token — the page's, a form's each time the form is drawn, a pattern's, a Type 3 glyph's, an
// annotation's appearance; for the text and for the operator list alike — with no bound on how
// often a form is drawn or how deep forms nest (a form that draws itself never ends, and each
// level deeper makes every step of the text's reading slower). In Node, pdf.js runs its worker
// module in this thread (a "fake worker", taken from globalThis.pdfjsWorker when set): that module
// is loaded here with one call added where the preprocessor reads a token: countRead(token,
// preprocessor). Past the page's budget, or deeper than PDF_LIMITS.formDepth, countRead throws;
// pdf.js, which ignores errors by default, gives up each content stream it is reading at its next
// token, so a page over budget ends after a few more tokens per level of forms, and is dropped
// (readPage).

/** The start of EvaluatorPreprocessor.read in pdf.worker.min.mjs 4.10: the token just read is `$3`. */
const PREPROCESSOR_READ = /read\((\w+)\)\{let (\w+)=\1\.args;for\(;;\)\{const (\w+)=this\.parser\.getObj\(\);/g;
const COUNT_READ = 'gov-report.pdf.countRead';

/** pdf.js's worker module with countRead added, or undefined when this pdf.js is not the one it knows.
 *  (Named by `url` in stack traces, not by the data: URL it is loaded from.) */
export function meteredWorkerSource(source: string, url: string): string | undefined {
  if ([...source.matchAll(PREPROCESSOR_READ)].length !== 1) return undefined;
  const metered = source.replace(PREPROCESSOR_READ, (read, ...groups: string[]) => `${read}govReportCountRead(${groups[2]},this);`);
  return `const govReportCountRead=globalThis[Symbol.for(${JSON.stringify(COUNT_READ)})];${metered}\n//# sourceURL=${url}\n`;
}

async function loadMeteredWorker(dir: string): Promise<boolean> {
  const file = join(dir, 'legacy', 'build', 'pdf.worker.min.mjs');
  const source = meteredWorkerSource(readFileSync(file, 'utf8'), `${pathToFileURL(file).href}?metered`);
  if (source === undefined) return false;
  const scope = globalThis as Record<string | symbol, unknown>;
  scope[Symbol.for(COUNT_READ)] = countRead;
  scope.pdfjsWorker = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
  return true;
}

/** The budget of the page being read: what it has used, its limit, whether it overran it; and the
 *  content streams read (pdf.js's preprocessors) with how deep in forms each stands. */
const budget = { used: 0, limit: 0, over: false, depth: new WeakMap<object, number>(), last: undefined as object | undefined };
const OVER_BUDGET = new Error('gov-report: the page overran its operator budget');

/**
 * A token pdf.js read with `reader`, one content stream's preprocessor. pdf.js reads content
 * depth first (a form, a pattern, a glyph is read while the stream that uses it waits), so a
 * stream not seen before is read from within the one that read the last token: one level deeper.
 */
function countRead(token: unknown, reader: object): void {
  if (budget.over) throw OVER_BUDGET;
  let depth = budget.depth.get(reader);
  if (depth === undefined) {
    depth = budget.last === undefined ? 0 : (budget.depth.get(budget.last) ?? 0) + 1;
    budget.depth.set(reader, depth);
  }
  budget.last = reader;
  budget.used += operatorWeight(token);
  if (budget.used > budget.limit || depth > PDF_LIMITS.formDepth) {
    budget.over = true;
    throw OVER_BUDGET;
  }
}

/** The weight of a token pdf.js read (OPERATOR_WEIGHT): everything in an array or a dictionary
 *  counted, without recursion (a deeply nested array is a hostile file's too). */
export function operatorWeight(token: unknown): number {
  const { bytesPerOperator, draw } = OPERATOR_WEIGHT;
  if (typeof token === 'string') return 1 + Math.floor(token.length / bytesPerOperator);
  if (typeof token !== 'object' || token === null) return 1;
  if ('cmd' in token) return (token as { cmd: unknown }).cmd === 'Do' ? draw : 1;
  let weight = 0;
  const stack: unknown[] = [token];
  while (stack.length) {
    const t = stack.pop();
    weight++;
    if (typeof t === 'string') weight += Math.floor(t.length / bytesPerOperator);
    else if (Array.isArray(t)) for (const v of t) stack.push(v);
    else if (t instanceof Object && (t as { _map?: unknown })._map instanceof Map) for (const v of ((t as { _map: Map<unknown, unknown> })._map).values()) stack.push(v);
    else if (t instanceof Object && 'dict' in t) weight += Math.floor(streamBytes(t) / bytesPerOperator);
  }
  return weight;
}

/** The bytes of an inline image: the length of the stream under its filters (a filter's own stream
 *  has no length to give). */
function streamBytes(stream: object): number {
  let s: unknown = stream;
  for (let depth = 0; depth < 8 && s instanceof Object; depth++) {
    try {
      const length = (s as { length?: unknown }).length;
      if (typeof length === 'number') return length;
    } catch {
      // pdf.js's DecodeStream: its length is unknown until decoded.
    }
    s = (s as { str?: unknown }).str;
  }
  return 0;
}

/**
 * A PDF's pages, read in a worker thread (from the bundles: dist/pdfWorker.js) that is ended when
 * it overruns the time or memory budget: the server keeps answering while a file is read, and a
 * hostile file costs its own message, never the process. From the sources (tests), read here.
 * When more PDFs wait, a worker that answered reads the next one (starting one and loading pdf.js
 * costs more than most readings); see the pool below.
 */
export async function readPdfPages(bytes: Uint8Array, limits: { timeMs?: number } = {}): Promise<PdfLoad> {
  if (!isPdf(bytes)) return { ok: false, reason: 'not-pdf' };
  const script = join(__dirname, 'pdfWorker.js');
  if (!__filename.endsWith('.js') || !existsSync(script)) return readPdfPagesHere(bytes);
  const reader = idle.pop() ?? (await startReader(script));
  clearTimeout(reader.idleTimer);
  reader.worker.ref();
  return new Promise<PdfLoad>((resolveLoad) => {
    const { worker } = reader;
    let settled = false;
    const settle = (r: PdfLoad, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      reader.uses++;
      if (healthy && reader.uses < POOL.usesPerWorker && idle.length < POOL.idle && readsWaiting() > 0) park(reader);
      else void worker.terminate();
      resolveLoad(r);
    };
    const onMessage = (r: PdfLoad) => settle(r, true);
    const onError = (e: Error & { code?: string }) => settle(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'too-large', detail: `${PDF_LIMITS.heapMb} MB` } : { ok: false, reason: 'corrupt', detail: e.message }, false);
    const onExit = () => settle({ ok: false, reason: 'corrupt', detail: 'the reader stopped' }, false);
    const timer = setTimeout(() => settle({ ok: false, reason: 'timeout', detail: `${(limits.timeMs ?? PDF_LIMITS.timeMs) / 1000} s` }, false), limits.timeMs ?? PDF_LIMITS.timeMs);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(bytes);
  });
}

// ---- the pool of PDF readers
// A worker waits for the next PDF only when more PDFs wait to be read (a folder of them): a reader
// kept idle holds its memory (about 65 MB). It is ended after some readings (pdf.js keeps fonts and
// CMaps it has seen) and soon after it has nothing to do. Idle workers never keep the CLI alive.
const POOL = { idle: 4, usesPerWorker: 32, idleMs: 1_000 };
let readsWaiting: () => number = () => 0;
/** Tells the pool how many PDF readings wait their turn (see readAhead.ts). */
export function countWaitingReads(count: () => number): void {
  readsWaiting = count;
}
interface Reader {
  worker: import('node:worker_threads').Worker;
  uses: number;
  idleTimer?: ReturnType<typeof setTimeout>;
}
const idle: Reader[] = [];

async function startReader(script: string): Promise<Reader> {
  const { Worker } = await import('node:worker_threads');
  const reader: Reader = { worker: new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: PDF_LIMITS.heapMb }, stdout: true, stderr: true }), uses: 0 };
  // A worker that stops while it waits is no longer offered.
  reader.worker.once('exit', () => {
    const k = idle.indexOf(reader);
    if (k >= 0) idle.splice(k, 1);
  });
  return reader;
}

function park(reader: Reader): void {
  reader.worker.unref();
  idle.push(reader);
  reader.idleTimer = setTimeout(() => {
    const k = idle.indexOf(reader);
    if (k >= 0) idle.splice(k, 1);
    void reader.worker.terminate();
  }, POOL.idleMs);
  reader.idleTimer.unref();
}

// One PDF at a time in a thread: the operator budget is the page's being read (a worker reads one
// PDF at a time; from the sources, the readings wait their turn).
let reading: Promise<unknown> = Promise.resolve();

/** The reading itself (in the worker, or here when run from the sources). */
export function readPdfPagesHere(bytes: Uint8Array): Promise<PdfLoad> {
  const read = reading.then(() => readPdfPagesAlone(bytes));
  reading = read.catch(() => undefined);
  return read;
}

async function readPdfPagesAlone(bytes: Uint8Array): Promise<PdfLoad> {
  if (!isPdf(bytes)) return { ok: false, reason: 'not-pdf' };
  const lib = await loadPdfJs().catch(() => undefined);
  if (!lib) return { ok: false, reason: 'no-reader' };
  const { pdfjs, dir } = lib;
  // pdf.js reads no content before the first page; were it to, a page's budget bounds it.
  Object.assign(budget, { used: 0, limit: PDF_LIMITS.operatorsPerPage, over: false, last: undefined });
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
    // Images are never decoded: only text and ruling lines are read (a 30000×30000 image in a few
    // KB is skipped, not inflated into gigabytes).
    maxImageSize: 1,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    await task.destroy().catch(() => undefined);
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted' };
    return { ok: false, reason: 'corrupt', detail: (e as Error).message };
  }
  try {
    const pages: PdfPage[] = [];
    const operators: number[] = [];
    const tooComplex: number[] = [];
    const count = Math.min(doc.numPages, MAX_PAGES);
    const fileBudget = operatorsPerFile(bytes.length);
    let used = 0;
    for (let n = 1; n <= count; n++) {
      const read = await readPage(doc, n, pdfjs.OPS, Math.min(PDF_LIMITS.operatorsPerPage, fileBudget - used));
      used += read.used;
      pages.push(read.page);
      operators.push(read.used);
      if (read.over) tooComplex.push(n);
    }
    return { ok: true, pages, truncated: doc.numPages > count, operators, tooComplex };
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: (e as Error).message };
  } finally {
    // Whatever pdf.js may still read of this file (its last page over budget) is read no further.
    budget.over = true;
    await doc.destroy().catch(() => undefined);
  }
}

/** A page's text items and ruling lines, read within `limit` operators; past it, a blank page. */
async function readPage(doc: PdfDocument, n: number, OPS: Record<string, number>, limit: number): Promise<{ page: PdfPage; used: number; over: boolean }> {
  Object.assign(budget, { used: 0, limit, over: limit <= 0, last: undefined });
  const page = await doc.getPage(n);
  const [x0 = 0, y0 = 0, x1 = 595, y1 = 842] = page.view;
  const blank = { width: x1 - x0, height: y1 - y0, items: [], rules: [] };
  try {
    const content = await page.getTextContent();
    // Bounded per page: a content stream of a million items is no report page.
    const items = content.items.slice(0, PDF_LIMITS.itemsPerPage).flatMap((it) => {
      if (typeof it.str !== 'string' || it.str.trim() === '' || !it.transform) return [];
      const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = it.transform;
      // Vertical writing comes as one run taller than wide (the layout reads it as stacked characters).
      return [{ str: it.str, x: e - x0, y: f - y0, width: it.width ?? 0, height: it.height || Math.hypot(c, d) || Math.hypot(a, b) }];
    });
    // The operators read from the page's own content again, at the top (no form open).
    budget.last = undefined;
    const rules = budget.over ? [] : rulingLines(await page.getOperatorList(), OPS, x0, y0);
    // pdf.js gave up the page's content streams at the budget (and said nothing): the page is dropped.
    if (budget.over) return { page: blank, used: budget.used, over: true };
    page.cleanup();
    return { page: { ...blank, items, rules }, used: budget.used, over: false };
  } catch (e) {
    if (budget.over) return { page: blank, used: budget.used, over: true };
    throw e;
  }
}

export function isPdf(bytes: Uint8Array): boolean {
  // "%PDF-" within the first kilobyte (some writers put bytes before it).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * The horizontal and vertical lines a page draws: stroked lines and rectangle edges, and thin
 * filled rectangles (how Word and WPS draw table borders). Clipping paths and shapes that are
 * neither are left out.
 */
function rulingLines(list: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>, ox: number, oy: number): PdfSegment[] {
  const out: PdfSegment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let path: Array<{ kind: 'line'; a: [number, number]; b: [number, number] } | { kind: 'rect'; p: Array<[number, number]> }> = [];
  const stroke = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set([OPS.fill, OPS.eoFill]);
  const push = (a: [number, number], b: [number, number]) => {
    const [ax, ay] = [a[0] - ox, a[1] - oy];
    const [bx, by] = [b[0] - ox, b[1] - oy];
    if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) > 2) out.push({ x0: Math.min(ax, bx), y0: ay, x1: Math.max(ax, bx), y1: ay });
    else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) > 2) out.push({ x0: ax, y0: Math.min(ay, by), x1: ax, y1: Math.max(ay, by) });
  };
  for (let i = 0; i < Math.min(list.fnArray.length, PDF_LIMITS.operatorsPerPage) && out.length < 20_000; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) && args[0].length === 6) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const ops = (args[0] ?? []) as number[];
      const coords = (args[1] ?? []) as number[];
      let j = 0;
      let at: [number, number] = [0, 0];
      let start: [number, number] = [0, 0];
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [x = 0, y = 0, w = 0, h = 0] = coords.slice(j, j + 4);
          j += 4;
          path.push({ kind: 'rect', p: [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h)] });
        } else if (op === OPS.moveTo) {
          at = start = apply(ctm, coords[j] ?? 0, coords[j + 1] ?? 0);
          j += 2;
        } else if (op === OPS.lineTo) {
          const to = apply(ctm, coords[j] ?? 0, coords[j + 1] ?? 0);
          j += 2;
          path.push({ kind: 'line', a: at, b: to });
          at = to;
        } else if (op === OPS.curveTo) j += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) j += 4;
        else if (op === OPS.closePath) {
          path.push({ kind: 'line', a: at, b: start });
          at = start;
        }
      }
    } else if (stroke.has(fn as number) || fill.has(fn as number) || fn === OPS.endPath) {
      if (stroke.has(fn as number)) {
        for (const s of path) {
          if (s.kind === 'line') push(s.a, s.b);
          else s.p.forEach((p, k) => push(p, s.p[(k + 1) % 4] as [number, number]));
        }
      } else if (fill.has(fn as number)) {
        // A thin filled rectangle is a rule: its long middle line.
        for (const s of path) {
          if (s.kind !== 'rect') continue;
          const xs = s.p.map((p) => p[0]);
          const ys = s.p.map((p) => p[1]);
          const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (maxY - minY <= 2 && maxX - minX > 2) push([minX, (minY + maxY) / 2], [maxX, (minY + maxY) / 2]);
          else if (maxX - minX <= 2 && maxY - minY > 2) push([(minX + maxX) / 2, minY], [(minX + maxX) / 2, maxY]);
        }
      }
      path = [];
    }
  }
  return out;
}
