// The minimal LSP server the benchmarks compare gov-report's with: the shape of the LSP sample,
// flagging one word (总计) as an error in each document opened or changed, bundled and minified
// with the repository's vscode-languageserver as gov-report's server is. Used by
// scripts/bench-editor.mjs (the first problem in the editor) and scripts/bench.ts (memory).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const WORD = '总计';

const MINIMAL_SERVER = `
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent((e) => {
  const text = e.document.getText();
  const diagnostics = [];
  for (let i = text.indexOf(${JSON.stringify(WORD)}); i >= 0; i = text.indexOf(${JSON.stringify(WORD)}, i + 1)) {
    diagnostics.push({ range: { start: e.document.positionAt(i), end: e.document.positionAt(i + ${WORD.length}) }, severity: DiagnosticSeverity.Error, source: 'minimal-lsp', message: 'found ${WORD}' });
  }
  void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics });
});
documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
documents.listen(connection);
connection.listen();
`;

/** Writes the server's bundle to `dir`/dist/server.js (where an LSP client of the tests starts it). */
export async function buildMinimalServer(dir, root) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'server.mjs'), MINIMAL_SERVER);
  await build({
    entryPoints: [path.join(dir, 'server.mjs')], outfile: path.join(dir, 'dist', 'server.js'),
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', nodePaths: [path.join(root, 'node_modules')],
  });
}
