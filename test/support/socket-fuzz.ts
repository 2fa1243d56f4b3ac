// Raw-socket fuzz of the correlation header: random bytes 0x00–0xFF, 0 to 16 KB, sometimes sent twice,
// over keep-alive connections. Every answer is checked; a case with no answer within 1 s is a hang.
import { connect, type Socket } from 'node:net';
import { idPattern } from './ids.ts';

export interface FuzzStats {
  cases: number;
  /** Answered by the middleware, with the id checked. */
  answered: number;
  /** Refused by Node's HTTP parser (forbidden bytes, headers over 16 KB) before any middleware ran. */
  refusedByParser: number;
  reused: number;
  replaced: number;
  hangs: number;
  failures: string[];
}

const idCharacters = /^[A-Za-z0-9_.:-]{1,128}$/;
/** Bytes Node's parser refuses in a header value. */
const forbidden = /[\x00-\x08\x0a-\x1f\x7f]/;
const paths = ['GET /crash', 'GET /no-such-route', 'POST /companies', 'GET /rate-limited'];

/** A small seeded generator (xorshift32), so that a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

function headerValue(next: () => number): string {
  const shape = next();
  const length =
    shape < 0.6 ? Math.floor(next() * 40) : shape < 0.9 ? 100 + Math.floor(next() * 60) : Math.floor(next() * 16_384);
  const alphabet = next() < 0.5 ? 'abcXYZ019-_.:' : undefined;
  let value = '';
  for (let i = 0; i < length; i += 1) {
    value += alphabet ? alphabet[Math.floor(next() * alphabet.length)] : String.fromCharCode(Math.floor(next() * 256));
  }
  return value;
}

interface Answer {
  status: number;
  headers: Map<string, string>;
  body: string;
  closed: boolean;
}

/** One connection that sends requests one at a time and reads each answer (Content-Length bodies). */
class Connection {
  private socket: Socket | undefined;
  private buffer = '';
  private waiting: ((answer: Answer | undefined) => void) | undefined;

  constructor(private readonly port: number) {}

  send(raw: string, timeoutMs: number): Promise<Answer | undefined> {
    const socket = this.socket ?? this.open();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.reset();
        resolve(undefined);
      }, timeoutMs);
      this.waiting = (answer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      socket.write(Buffer.from(raw, 'latin1'));
    });
  }

  close(): void {
    this.reset();
  }

  private open(): Socket {
    const socket = connect(this.port, '127.0.0.1');
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.parse(false);
    });
    socket.on('close', () => {
      if (this.socket === socket) {
        this.parse(true);
        this.socket = undefined;
        this.buffer = '';
      }
    });
    socket.on('error', () => {});
    this.socket = socket;
    return socket;
  }

  private reset(): void {
    this.socket?.destroy();
    this.socket = undefined;
    this.buffer = '';
    this.waiting = undefined;
  }

  private parse(closed: boolean): void {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end === -1 || !this.waiting) return;
    const [statusLine = '', ...lines] = this.buffer.slice(0, end).split('\r\n');
    const headers = new Map<string, string>();
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).toLowerCase();
      headers.set(
        name,
        headers.has(name) ? `${headers.get(name)}, ${line.slice(colon + 1).trim()}` : line.slice(colon + 1).trim(),
      );
    }
    const length = Number(headers.get('content-length') ?? 0);
    if (this.buffer.length < end + 4 + length && !closed) return;
    const body = this.buffer.slice(end + 4, end + 4 + length);
    this.buffer = this.buffer.slice(end + 4 + length);
    const waiting = this.waiting;
    this.waiting = undefined;
    const mustClose = closed || headers.get('connection') === 'close';
    if (mustClose) this.reset();
    waiting({ status: Number(statusLine.split(' ')[1]), headers, body, closed: mustClose });
  }
}

/**
 * Sends `cases` requests with fuzzed correlation headers to an example app on 127.0.0.1:`port`, over
 * `connections` keep-alive connections, and checks each answer: a valid id comes back unchanged, any
 * other value is replaced by a generated id, in the header and the body alike.
 */
export async function fuzzCorrelationHeader({
  port,
  cases,
  seed,
  connections = 16,
  header = 'x-correlation-id',
}: {
  port: number;
  cases: number;
  seed: number;
  connections?: number;
  header?: string;
}): Promise<FuzzStats> {
  const next = random(seed);
  const stats: FuzzStats = {
    cases: 0,
    answered: 0,
    refusedByParser: 0,
    reused: 0,
    replaced: 0,
    hangs: 0,
    failures: [],
  };
  const fail = (message: string) => {
    if (stats.failures.length < 20) stats.failures.push(message);
  };

  async function worker(): Promise<void> {
    const connection = new Connection(port);
    while (stats.cases < cases) {
      stats.cases += 1;
      const value = headerValue(next);
      const twice = next() < 0.1;
      const [method, path] = paths[Math.floor(next() * paths.length)]!.split(' ');
      const line = `${header}: ${value}\r\n`;
      const raw = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n${line}${twice ? line : ''}\r\n`;
      const answer = await connection.send(raw, 1000);
      if (!answer) {
        stats.hangs += 1;
        continue;
      }
      const sent = value.replace(/^[ \t]+|[ \t]+$/g, '');
      if (!answer.headers.has(header)) {
        // Node's parser answers 400 or 431 itself, and closes; only for bytes or sizes it refuses.
        if ((answer.status === 400 && forbidden.test(value)) || answer.status === 431) stats.refusedByParser += 1;
        else fail(`status ${answer.status} without an id for ${JSON.stringify(value.slice(0, 80))}`);
        continue;
      }
      stats.answered += 1;
      const id = answer.headers.get(header)!;
      let envelope: { correlationId?: unknown };
      try {
        envelope = JSON.parse(answer.body) as typeof envelope;
      } catch {
        fail(`not JSON: ${answer.body.slice(0, 80)}`);
        continue;
      }
      if (envelope.correlationId !== id) fail(`body id ${String(envelope.correlationId)} is not header id ${id}`);
      if (!twice && idCharacters.test(sent)) {
        if (id === sent) stats.reused += 1;
        else fail(`valid id ${sent} replaced by ${id}`);
      } else if (idPattern.test(id) && id !== sent) stats.replaced += 1;
      else fail(`invalid id ${JSON.stringify(sent.slice(0, 80))} answered with ${JSON.stringify(id.slice(0, 80))}`);
    }
    connection.close();
  }

  await Promise.all(Array.from({ length: connections }, worker));
  return stats;
}
