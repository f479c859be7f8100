// The VS Code client: starts the language server over IPC for report documents and registers
// the commands. Everything else lives in the server.
import * as path from 'node:path';
import { commands, workspace, window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // A small young generation keeps the resident server lean (see server.ts).
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=1'] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The server decides per document whether it is a report; other files stay silent.
  const documentSelector = ['gov-report', 'plaintext', 'markdown', 'html'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
    { scheme: 'vscode-remote', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { configurationSection: 'gov-report' },
    initializationOptions: { settings: workspace.getConfiguration('gov-report') },
    outputChannelName: 'gov-report',
  };
  client = new LanguageClient('gov-report', 'gov-report', serverOptions, clientOptions);

  context.subscriptions.push(
    commands.registerCommand('gov-report.fixAll', async () => {
      const editor = window.activeTextEditor;
      if (!editor) return;
      await commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.gov-report', apply: 'first' });
    }),
    commands.registerCommand('gov-report.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
