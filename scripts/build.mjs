// Bundles the client, the server and the CLI with esbuild (one file each, CommonJS for Node 20).
import { build } from 'esbuild';

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
  // The e2e suite, loaded by the extension host (not packaged: .vscodeignore is an allow-list).
  build({ ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'dist/test/suite/index.js', external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } }),
]);
