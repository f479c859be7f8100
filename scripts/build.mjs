// Bundles the client, the server and the CLI with esbuild (one file each, CommonJS for Node 20).
import { build } from 'esbuild';
import { cpSync, existsSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The overview's page script (runs in a webview: a browser bundle).
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/overviewView.ts'], outfile: 'dist/overview.js' }),
  // The workbook writer of `gov-report summary --format xlsx`, loaded only for it.
  build({ ...common, entryPoints: ['server/src/xlsx.ts'], outfile: 'dist/xlsx.js' }),
  // A PDF is read in a worker thread with a time and memory budget (server/src/pdf.ts).
  build({ ...common, entryPoints: ['server/src/pdfWorker.ts'], outfile: 'dist/pdfWorker.js' }),
  // The e2e suite, loaded by the extension host (not packaged: .vscodeignore is an allow-list).
  build({ ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'dist/test/suite/index.js', external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } }),
]);

// pdf.js is not bundled: it is an ES module loaded with import() only when a PDF is read (so the
// CLI and the server start as fast without it), shipped beside the bundles with the CMaps and the
// standard fonts it needs to decode Chinese text offline.
const pdfjs = 'node_modules/pdfjs-dist';
rmSync('dist/pdfjs', { recursive: true, force: true });
for (const p of ['legacy/build/pdf.min.mjs', 'legacy/build/pdf.worker.min.mjs', 'cmaps', 'standard_fonts', 'LICENSE']) {
  if (existsSync(`${pdfjs}/${p}`)) cpSync(`${pdfjs}/${p}`, `dist/pdfjs/${p}`, { recursive: true });
}
