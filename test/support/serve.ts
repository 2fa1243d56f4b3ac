import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { canaryHits, watchForCanary } from './canary.ts';

export interface Served {
  url: string;
  server: Server;
}

/**
 * Listens on 127.0.0.1 on a free port; the server is closed when the test file ends. Every response
 * is watched for the canary secret, and the file fails if one carried it.
 */
export async function serve(listener: RequestListener): Promise<Served> {
  const server = createServer(listener);
  watchForCanary(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  after(() => assert.deepEqual(canaryHits, [], 'the canary secret reached a response'));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/** One request with fetch; the raw body text is kept so tests can compare bytes. */
export async function request(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}
