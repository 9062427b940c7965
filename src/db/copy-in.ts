// `COPY … FROM STDIN` of rows already in COPY's text format, as a pg "submittable": the statement,
// then — once the server answers CopyInResponse — the whole text and the end of the copy in one
// socket write. pg-copy-streams does the same through a Writable stream (two writes per chunk,
// stream and pipeline machinery, an AbortController per copy): for the check log, which copies a
// few rows every few milliseconds, that machinery cost more than the copy.
import type pg from 'pg';

const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'

interface Connection { query(text: string): void; stream: { write(b: Buffer): boolean } }

class CopyInText {
  private error: unknown = null;
  constructor(private readonly statement: string, private readonly text: string, private readonly settle: (error: unknown) => void) {}

  submit(connection: Connection): void {
    connection.query(this.statement);
  }

  handleCopyInResponse(connection: Connection): void {
    const length = Buffer.byteLength(this.text, 'utf8');
    const message = Buffer.allocUnsafe(length + 10);
    message[0] = COPY_DATA;
    message.writeUInt32BE(length + 4, 1);
    message.write(this.text, 5, 'utf8');
    message[length + 5] = COPY_DONE;
    message.writeUInt32BE(4, length + 6);
    connection.stream.write(message);
  }

  handleCommandComplete(): void {}

  // after an ErrorResponse pg calls handleError and no longer this query's handleReadyForQuery
  handleError(error: unknown): void {
    this.error = error;
    this.settle(error);
  }

  handleReadyForQuery(): void {
    if (!this.error) this.settle(null);
  }

  // pg may replace this with its query_timeout mechanism
  callback(): void {}
}

/** Rows already in COPY's text format (db/copy-text.ts), sent with `statement` (`COPY … FROM STDIN`) on `client`. */
export function copyIn(client: pg.PoolClient, statement: string, text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    client.query(new CopyInText(statement, text, (e) => (e ? reject(e) : resolve())) as unknown as pg.QueryConfig);
  });
}
