// The worker thread that reads PDFs one at a time (see readPdfPages in pdf.ts): it gets the bytes,
// answers with the pages, and is ended by the server when it overruns its time or memory.
import { parentPort } from 'node:worker_threads';
import { readPdfPagesHere } from './pdf';

parentPort?.on('message', (bytes: Uint8Array) => {
  readPdfPagesHere(bytes).then(
    (r) => parentPort?.postMessage(r),
    (e: unknown) => parentPort?.postMessage({ ok: false, reason: 'corrupt', detail: (e as Error).message }),
  );
});
