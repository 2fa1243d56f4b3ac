// The checker's own parts, reached in dist/: checkConformance on answers the servers of cli.test.ts do
// not give, and its bare-socket HEAD (what it makes of answers that are no HTTP, the port it picks).
import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { checkConformance } from '../../dist/check/conformance.js';
import { sendHead } from '../../dist/check/transport.js';
import { serve } from '../support/serve.ts';

describe('checkConformance', () => {
  it('a JSON body that is an array is no envelope', async () => {
    const { url } = await serve((_req, res) => {
      res.statusCode = 404;
      res.setHeader('content-type', 'application/json');
      res.end('[]');
    });
    const report = await checkConformance({
      url: new URL(url),
      method: 'POST',
      headers: {},
      correlationHeader: 'x-correlation-id',
    });
    assert.equal(report.ok, false);
    assert.ok(
      report.results.some((result) => !result.ok && /JSON object/i.test(`${result.check} ${result.detail}`)),
      JSON.stringify(report.results),
    );
  });
});

/** A TCP server that answers every connection with `raw` and closes. */
async function rawServer(raw: string): Promise<URL> {
  const server = createServer((socket) => socket.end(raw));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => server.close());
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
}

/** The [address, port] of every TCP connection attempt `run` makes. */
async function connectionAttempts(run: () => Promise<unknown>): Promise<Array<[string, number]>> {
  const attempts: Array<[string, number]> = [];
  const onSocket = (message: unknown) => {
    (message as { socket: Socket }).socket.once('connectionAttempt', (address: string, port: number) =>
      attempts.push([address, port]),
    );
  };
  diagnostics.subscribe('net.client.socket', onSocket);
  try {
    await run();
  } finally {
    diagnostics.unsubscribe('net.client.socket', onSocket);
  }
  return attempts;
}

describe('sendHead', () => {
  it('a HEAD answered with no complete head is an error', async () => {
    await assert.rejects(sendHead(await rawServer('HTTP/1.1 200 OK\r\n'), {}), /no complete head/);
  });

  it('a HEAD answered with something that is no HTTP is an error', async () => {
    await assert.rejects(sendHead(await rawServer('HELLO\r\n\r\n'), {}), /starts with "HELLO"/);
  });

  it('an http URL without a port goes to 80', async () => {
    // Whatever answers on port 80 here, if anything: the attempt shows the port chosen.
    const attempts = await connectionAttempts(() => sendHead(new URL('http://127.0.0.1/'), {}).catch(() => {}));
    assert.deepEqual(attempts, [['127.0.0.1', 80]]);
  });

  it('an http URL with a port goes to that port', async () => {
    const url = await rawServer('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n');
    const attempts = await connectionAttempts(() => sendHead(url, {}));
    assert.deepEqual(attempts, [['127.0.0.1', Number(url.port)]]);
  });

  it('an https URL without a port goes to 443', async () => {
    await assert.rejects(sendHead(new URL('https://127.0.0.1/'), {}), /ECONNREFUSED 127\.0\.0\.1:443/);
  });
});
