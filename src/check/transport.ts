import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** One response as the checker sees it: status, lower-cased headers and the raw body bytes. */
export interface Exchange {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** What a request waits for its whole answer by default: 10 seconds. */
export const defaultTimeoutMs = 10_000;

/** A request through fetch, as any client of the service would send it; the whole answer within `timeoutMs`. */
export async function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Exchange> {
  const response = await fetch(url, { method, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  return {
    status: response.status,
    headers: new Map(response.headers),
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/**
 * A HEAD request over a bare socket. HTTP clients (fetch included) discard whatever follows the
 * headers of a HEAD response, so only the raw bytes, read until the server closes, show a body.
 */
export function sendHead(url: URL, headers: Record<string, string>, timeoutMs = defaultTimeoutMs): Promise<Exchange> {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const lines = [`HEAD ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return new Promise((resolve, reject) => {
    const socket: Socket =
      url.protocol === 'https:'
        ? connectTls({ host: url.hostname, port, servername: url.hostname })
        : connectTcp({ host: url.hostname, port });
    const chunks: Buffer[] = [];
    // The whole answer within the time, as for fetch: an idle timeout would let a trickling server run on.
    const timer = setTimeout(() => socket.destroy(new TimeoutError()), timeoutMs);
    socket.on('close', () => clearTimeout(timer));
    socket.on(url.protocol === 'https:' ? 'secureConnect' : 'connect', () =>
      socket.write(`${lines.join('\r\n')}\r\n\r\n`),
    );
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      try {
        resolve(parseResponse(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Named as fetch names its own timeout, so that both read the same in the report. */
class TimeoutError extends Error {
  override name = 'TimeoutError';
}

function parseResponse(raw: Buffer): Exchange {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) throw new Error('the response to HEAD has no complete head');
  const [statusLine = '', ...fields] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine)?.[1];
  if (!status) throw new Error(`the response to HEAD starts with ${JSON.stringify(statusLine.slice(0, 40))}`);
  const headers = new Map<string, string>();
  for (const field of fields) {
    const colon = field.indexOf(':');
    if (colon > 0) headers.set(field.slice(0, colon).trim().toLowerCase(), field.slice(colon + 1).trim());
  }
  return { status: Number(status), headers, body: raw.subarray(end + 4) };
}
