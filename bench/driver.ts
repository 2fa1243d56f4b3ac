// The load: keep-alive connections to one server, opened once and kept for the whole round, each sending
// its next GET as soon as the last response is in (closed loop). A slice drives them for a given time, then
// waits for the responses in flight: between slices the server is idle, its connections still open, so
// no slice pays for a connection's set-up. Responses are read just enough to count them by status.
import { connect, type Socket } from 'node:net';

export interface Slice {
  requests: number;
  /** Responses per status code: a row whose server answers another status than its own fails the run. */
  statuses: Map<number, number>;
}

const headerEnd = Buffer.from('\r\n\r\n');

class Connection {
  private pending: Buffer = Buffer.alloc(0);
  private driving = false;
  private inFlight = false;
  private onIdle: (() => void) | undefined;
  private closing = false;
  constructor(
    private readonly socket: Socket,
    private readonly request: Buffer,
    private readonly slice: () => Slice,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.read(chunk));
    // A connection the server ended would leave its slice waiting forever: fail the run instead.
    socket.on('close', () => {
      if (!this.closing) throw new Error('bench: the server closed a connection');
    });
  }

  start(): void {
    this.driving = true;
    this.send();
  }

  /** Stops sending; resolves once the response in flight, if any, is in. */
  stop(): Promise<void> {
    this.driving = false;
    return this.inFlight ? new Promise((resolve) => (this.onIdle = resolve)) : Promise.resolve();
  }

  close(): void {
    this.closing = true;
    this.socket.destroy();
  }

  private send(): void {
    this.inFlight = true;
    this.socket.write(this.request);
  }

  private read(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const end = this.pending.indexOf(headerEnd);
    if (end === -1) return;
    const head = this.pending.toString('latin1', 0, end);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) throw new Error(`bench: a response without content-length: ${head}`);
    const size = end + headerEnd.length + Number(length[1]);
    if (this.pending.length < size) return;
    if (this.pending.length > size) throw new Error('bench: a response came that was not asked for');
    this.pending = Buffer.alloc(0);
    const slice = this.slice();
    const status = Number(head.slice(9, 12));
    slice.requests++;
    slice.statuses.set(status, (slice.statuses.get(status) ?? 0) + 1);
    if (this.driving) this.send();
    else {
      this.inFlight = false;
      this.onIdle?.();
      this.onIdle = undefined;
    }
  }
}

/** `connections` keep-alive connections to `port`, each asking `GET /` with `headers`. */
export async function openLoad(port: number, connections: number, headers: Record<string, string> = {}) {
  const request = Buffer.from(
    `GET / HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n${Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n`,
    'latin1',
  );
  let current: Slice = { requests: 0, statuses: new Map() };
  const sockets = await Promise.all(
    Array.from(
      { length: connections },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  const open = sockets.map((socket) => new Connection(socket, request, () => current));
  return {
    /** Drives every connection for `ms`, and resolves with what came back once nothing is in flight. */
    async drive(ms: number): Promise<Slice> {
      current = { requests: 0, statuses: new Map() };
      for (const connection of open) connection.start();
      await new Promise((resolve) => setTimeout(resolve, ms));
      await Promise.all(open.map((connection) => connection.stop()));
      return current;
    },
    close(): void {
      for (const connection of open) connection.close();
    },
  };
}
