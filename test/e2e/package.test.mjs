// The packaged .vsix agrees with package.json: the bundles it names, the grammar and language
// configuration it contributes, the rule pages diagnostics link to; nothing else is shipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { spawnSync } from 'node:child_process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const vsix = path.join(root, 'gov-report.vsix');

/** File names in a zip archive, read from its central directory. */
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

test('the .vsix holds exactly what package.json contributes, and is small', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const files = zipEntries(vsix).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
  const need = [
    pkg.main.replace(/^\.\//, ''),
    'dist/server.js',
    // The worker thread a PDF is read in (time and memory budget).
    'dist/pdfWorker.js',
    // pdf.js for 检查 PDF/Word 报告, with the CMaps Chinese PDFs need (loaded only for a PDF).
    'dist/pdfjs/legacy/build/pdf.min.mjs',
    'dist/pdfjs/legacy/build/pdf.worker.min.mjs',
    'dist/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
    'dist/pdfjs/cmaps/Adobe-GB1-UCS2.bcmap',
    'dist/pdfjs/standard_fonts/LiberationSans-Regular.ttf',
    'package.json',
    ...pkg.contributes.grammars.map((g) => g.path.replace(/^\.\//, '')),
    ...pkg.contributes.languages.map((l) => l.configuration.replace(/^\.\//, '')),
  ];
  for (const f of need) assert.ok(files.includes(f), `${f} missing from the .vsix`);
  const rules = Object.keys(pkg.contributes.configuration.properties['gov-report.severity'].properties);
  for (const id of rules) assert.ok(files.includes(`docs/rules/${id}.md`), `docs/rules/${id}.md missing`);
  // Allow-list: no sources, tests, maps, node_modules or the CLI.
  for (const f of files) assert.doesNotMatch(f, /^(node_modules|shared|server|client|test|scripts)\/|\.map$|\.ts$|^dist\/cli\.js$|^dist\/test\//, f);
  const size = fs.statSync(vsix).size;
  const pdfjs = files.filter((f) => f.startsWith('dist/pdfjs/')).length;
  console.log(`[package] gov-report.vsix: ${(size / 1024).toFixed(0)} KiB, ${files.length} files (${pdfjs} of them pdf.js)`);
  // pdf.js with its CMaps and fonts is most of it; the extension's own code stays under 1 MB.
  assert.ok(size < 4 * 1024 * 1024, `the .vsix is ${size} bytes`);
  // Every command and language the manifest names is real.
  assert.ok(pkg.activationEvents.every((e) => e.startsWith('onLanguage:') || e.startsWith('onCommand:gov-report.') || e.startsWith('onCustomEditor:gov-report.')));
  // The overview's page script and the custom editor of PDF and Word files.
  assert.ok(files.includes('dist/overview.js') && files.includes('dist/xlsx.js'));
  assert.deepEqual(pkg.contributes.customEditors.map((e) => e.viewType), ['gov-report.pdfWord']);
  // Icons, snippets, the configuration schema and the walkthrough's pages ship with it.
  for (const f of [pkg.icon, ...pkg.contributes.snippets.map((x) => x.path), ...pkg.contributes.jsonValidation.map((x) => x.url), ...pkg.contributes.walkthroughs.flatMap((w) => w.steps.map((x) => x.media.markdown))]) {
    assert.ok(files.includes(f.replace(/^\.\//, '')), `${f} missing from the .vsix`);
  }
  assert.ok(fs.readFileSync(path.join(root, 'dist', 'extension.js'), 'utf8').includes('gov-report.fixAll'));
  for (const key of ['%displayName%', '%description%']) assert.ok(JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'))[key.slice(1, -1)]);
});

test('npm pack gives a tarball that installs the CLI offline, with the rule pages its SARIF links to', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-report-pack-'));
  const packed = spawnSync('npm', ['pack', '--pack-destination', tmp, '--silent'], { cwd: root, encoding: 'utf8' });
  assert.equal(packed.status, 0, packed.stderr);
  const tarball = path.join(tmp, packed.stdout.trim().split('\n').pop());
  const prefix = path.join(tmp, 'global');
  const installed = spawnSync('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { encoding: 'utf8' });
  assert.equal(installed.status, 0, installed.stderr);
  const bin = path.join(prefix, 'bin', 'gov-report');
  const run = spawnSync(bin, ['check', path.join(root, 'examples', 'sample-2023.txt')], { encoding: 'utf8' });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /wrong-cell/);
  // The installed CLI reads PDFs: pdf.js ships in the package.
  const pdf = spawnSync(bin, ['check', '--format', 'json', path.join(root, 'test', 'fixtures', 'corpus', 'hongze-2024.pdf')], { encoding: 'utf8' });
  assert.equal(pdf.status, 0, pdf.stderr);
  assert.equal(JSON.parse(pdf.stdout).files[0].rebuiltFrom, 'pdf');
  const sarif = JSON.parse(spawnSync(bin, ['check', '--format', 'sarif', path.join(root, 'examples', 'sample-2023.txt')], { encoding: 'utf8' }).stdout);
  const driver = sarif.runs[0].tool.driver;
  // No machine path in the log; each rule's page is named inside the package, and shipped.
  assert.ok(!JSON.stringify(sarif).includes(prefix), 'no path of the checking machine');
  for (const r of driver.rules) {
    assert.ok(r.help.text.length > 0, r.id);
    assert.ok(fs.existsSync(path.join(prefix, 'lib', 'node_modules', 'gov-report', r.properties.page)), `${r.properties.page} is shipped`);
  }
  console.log(`[package] npm tarball: ${(fs.statSync(tarball).size / 1024).toFixed(0)} KiB`);
});
