// A minimal LSP client over stdio for the protocol tests and the benchmark: it starts
// dist/server.js --stdio as an editor would and speaks JSON-RPC to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  relatedInformation?: Array<{ location: { uri: string; range: Diagnostic['range'] }; message: string }>;
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface Status {
  uri: string;
  decision: string;
  active: boolean;
  format?: string;
  errors: number;
  warnings: number;
  infos: number;
  detail: string;
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly waiters: Array<{ match: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  readonly published: Published[] = [];
  stderr = '';

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i]!;
        if (w.match(p)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('gov-report/status', (p: Status) => {
      this.statuses.push(p);
      for (let i = this.statusWaiters.length - 1; i >= 0; i--) {
        const w = this.statusWaiters[i]!;
        if (w.match(p)) {
          this.statusWaiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.log.push(p.message));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection.listen();
  }

  settings: unknown = {};
  readonly statuses: Status[] = [];
  readonly log: string[] = [];
  private readonly statusWaiters: Array<{ match: (p: Status) => boolean; resolve: (p: Status) => void }> = [];

  /** Resolves with the next status of `uri` that `accept` takes. */
  status(uri: string, accept: (s: Status) => boolean = () => true): Promise<Status> {
    return new Promise((resolve) => this.statusWaiters.push({ match: (p) => p.uri === uri && accept(p), resolve }));
  }

  static async start(root: string, options: { locale?: string; settings?: unknown; nodeArgs?: string[]; env?: Record<string, string> } = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(root, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe', ...(options.env ? { env: { ...process.env, ...options.env } } : {}) });
    const client = new LspClient(child);
    if (options.settings) client.settings = options.settings;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: options.locale ?? 'zh-cn',
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the next publication for `uri` (at `version`, when given). */
  diagnostics(uri: string, version?: number): Promise<Published> {
    const done = this.published.find((p) => p.uri === uri && (version === undefined || p.version === version));
    if (done && version !== undefined) return Promise.resolve(done);
    return new Promise((resolve) => this.waiters.push({ match: (p) => p.uri === uri && (version === undefined || p.version === version), resolve }));
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.child.kill();
  }
}
