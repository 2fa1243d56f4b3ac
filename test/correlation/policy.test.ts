// The correlation id policy over HTTP: a valid incoming id reused, any other replaced, and the options
// that change where it comes from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFound, type CodatErrorsOptions } from 'codat-errors';
import { anyFramework } from '../support/frameworks.ts';
import { idPattern } from '../support/ids.ts';
import { rawExchange } from '../support/raw-http.ts';
import { request } from '../support/serve.ts';

/** Serves `/ok`, answering the id it was given, and `/fail`, a 404. */
async function serveIds(options?: CodatErrorsOptions) {
  const { url } = await anyFramework.serve(
    {
      '/fail': () => {
        throw new NotFound();
      },
      '/ok': ({ correlationId }) => ({ seen: correlationId }),
    },
    { options },
  );
  return url;
}

/** `GET /fail` with header lines sent as raw bytes (latin1), which fetch would refuse or fold. */
async function rawGet(
  url: string,
  headerLines: string[],
): Promise<{ status: number; id: string | undefined; body: string }> {
  const raw = await rawExchange(
    url,
    ['GET /fail HTTP/1.1', 'host: x', 'connection: close', ...headerLines, '', ''].join('\r\n'),
  );
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const id = /^x-correlation-id: (.*)$/im.exec(head)?.[1];
  return { status: Number(head.split(' ')[1]), id, body };
}

describe('correlation ids over HTTP', async () => {
  const url = await serveIds();

  const valid = [
    'a',
    'V1StGXR8_Z5jdHi6B-myT',
    '131f0225-5467-421a-b179-4531d6b4a942',
    'trace:span.01',
    'x'.repeat(128),
  ];
  for (const id of valid) {
    it(`reuses the valid incoming id ${JSON.stringify(id.slice(0, 40))}`, async () => {
      const ok = await request(`${url}/ok`, { headers: { 'x-correlation-id': id } });
      assert.equal(ok.headers.get('x-correlation-id'), id);
      assert.deepEqual(ok.body, { seen: id });
      const failed = await request(`${url}/fail`, { headers: { 'x-correlation-id': id } });
      assert.equal(failed.headers.get('x-correlation-id'), id);
      assert.equal((failed.body as { correlationId: string }).correlationId, id);
    });
  }

  const invalid = ['', ' ', 'a b', 'x'.repeat(129), 'id;drop', 'é', 'a/b', '<script>', 'id,other'];
  for (const id of invalid) {
    it(`replaces the invalid incoming id ${JSON.stringify(id.slice(0, 40))} and never reflects it`, async () => {
      const reply = await request(`${url}/fail`, { headers: { 'x-correlation-id': id } });
      const sent = reply.headers.get('x-correlation-id') ?? '';
      assert.match(sent, idPattern);
      assert.equal((reply.body as { correlationId: string }).correlationId, sent);
      if (id.trim() !== '') assert.ok(!reply.text.includes(id), 'the invalid id is not in the body');
    });
  }

  it('replaces an id sent twice (Node joins the values with a comma)', async () => {
    const reply = await rawGet(url, ['x-correlation-id: one', 'x-correlation-id: two']);
    assert.equal(reply.status, 404);
    assert.match(reply.id ?? '', idPattern);
    assert.equal(JSON.parse(reply.body).correlationId, reply.id);
  });

  it('replaces an id holding bytes above 0x7F', async () => {
    const reply = await rawGet(url, ['x-correlation-id: caf\u00e9']);
    assert.match(reply.id ?? '', idPattern);
  });

  it('generates a fresh id for each request that brings none', async () => {
    const [a, b] = await Promise.all([request(`${url}/ok`), request(`${url}/ok`)]);
    assert.match(a.headers.get('x-correlation-id') ?? '', idPattern);
    assert.notEqual(a.headers.get('x-correlation-id'), b.headers.get('x-correlation-id'));
  });
});

describe('correlation options', () => {
  it('uses the configured header name for request and response', async () => {
    const url = await serveIds({ correlationHeader: 'Request-Id' });
    const reply = await request(`${url}/fail`, { headers: { 'request-id': 'abc-123' } });
    assert.equal(reply.headers.get('request-id'), 'abc-123');
    assert.equal(reply.headers.get('x-correlation-id'), null);
    assert.equal((reply.body as { correlationId: string }).correlationId, 'abc-123');
  });

  it('ignores incoming ids when trustIncomingId is false', async () => {
    const url = await serveIds({ trustIncomingId: false });
    const reply = await request(`${url}/ok`, { headers: { 'x-correlation-id': 'abc-123' } });
    assert.match(reply.headers.get('x-correlation-id') ?? '', idPattern);
  });

  it('uses generateId for new ids', async () => {
    let count = 0;
    const url = await serveIds({ generateId: () => `req-${++count}` });
    assert.equal((await request(`${url}/ok`)).headers.get('x-correlation-id'), 'req-1');
    assert.equal((await request(`${url}/fail`)).headers.get('x-correlation-id'), 'req-2');
  });

  it('falls back to nanoid when generateId throws or returns an invalid id', async () => {
    for (const generateId of [
      () => {
        throw new Error('no entropy');
      },
      () => 'not valid\r\n',
      () => 42 as unknown as string,
    ]) {
      const url = await serveIds({ generateId });
      const reply = await request(`${url}/fail`);
      assert.equal(reply.status, 404);
      assert.match(reply.headers.get('x-correlation-id') ?? '', idPattern);
      assert.equal((reply.body as { correlationId: string }).correlationId, reply.headers.get('x-correlation-id'));
    }
  });
});
