// Preloaded into the language server by the privacy test: records any attempt to open a network
// connection, resolve a host name, spawn a process or write a file. The server must make none.
const report = (what) => process.stderr.write(`SANDBOX-VIOLATION ${what}\n`);
const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const fs = require('node:fs');
const child = require('node:child_process');
const wrap = (obj, name, label) => {
  const orig = obj[name];
  if (typeof orig !== 'function') return;
  obj[name] = function (...args) {
    report(`${label}.${name}`);
    return orig.apply(this, args);
  };
};
wrap(net.Socket.prototype, 'connect', 'net.Socket');
for (const n of ['lookup', 'resolve', 'resolve4', 'resolve6']) wrap(dns, n, 'dns');
for (const n of ['request', 'get']) { wrap(http, n, 'http'); wrap(https, n, 'https'); }
for (const n of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'rm', 'rmSync', 'unlink', 'unlinkSync', 'rename', 'renameSync']) wrap(fs, n, 'fs');
for (const n of ['spawn', 'exec', 'execFile', 'fork', 'spawnSync', 'execSync', 'execFileSync']) wrap(child, n, 'child_process');
if (typeof globalThis.fetch === 'function') {
  const f = globalThis.fetch;
  globalThis.fetch = (...a) => { report('fetch'); return f(...a); };
}
