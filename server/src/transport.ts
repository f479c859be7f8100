// The stdio transport with one write per message. vscode-jsonrpc's stream writer writes a
// message's header and its body apart: two writes to the pipe, each of which may wake the
// editor's reader. Every keystroke publishes diagnostics, so the header and the body go out
// together here. (Over VS Code's IPC transport a message is one `process.send` already.)
import { AbstractMessageWriter, StreamMessageReader, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on('error', (e: Error) => this.fireError(e));
    out.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    const head = Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii');
    return new Promise((resolve, reject) => {
      this.out.write(Buffer.concat([head, body], head.length + body.length), (error) => {
        if (!error) return resolve();
        this.fireError(error, msg, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {}
}

/** The reader and writer for `--stdio`, or undefined for the other transports (IPC, sockets). */
export function stdioTransport(argv: readonly string[]): [MessageReader, MessageWriter] | undefined {
  if (!argv.includes('--stdio')) return undefined;
  return [new StreamMessageReader(process.stdin), new OneWriteMessageWriter(process.stdout)];
}
