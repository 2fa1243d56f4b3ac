// Point 6 of issue 16: "invalid id replaced in the header" holds only when the header has the new id
// the body has, never when both lack one.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import { serve } from '../support/serve.ts';
import { check } from './support.ts';

/** Keeps the contract for a valid incoming id; for any other, answers as `invalid` says. */
function server(invalid: (res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const incoming = req.headers['x-correlation-id'] as string;
    if (!/^[\w.:-]{1,128}$/.test(incoming)) return invalid(res);
    const body = JSON.stringify({ statusCode: 404, service: 'Inventory', error: 'Not Found', correlationId: incoming });
    res
      .writeHead(404, { 'content-type': 'application/json', 'x-correlation-id': incoming })
      .end(req.method === 'HEAD' ? undefined : body);
  };
}

const envelopeWithout = JSON.stringify({ statusCode: 404, service: 'Inventory', error: 'Not Found' });

describe('the invalid id must be replaced in the header by the id of the body', { concurrency: true }, () => {
  it('breaks when neither the header nor the body has an id', async () => {
    const { url } = await serve(
      server((res) => res.writeHead(404, { 'content-type': 'application/json' }).end(envelopeWithout)),
    );
    const { code, broken, report } = await check(`${url}/items/1`);
    assert.equal(code, 1);
    assert.ok(broken.includes('invalid id: id-replaced-header'), broken.join());
    assert.equal(
      report.results.find((r) => r.check === 'id-replaced-header')!.detail,
      'sent "not a valid id!", header has nothing',
    );
  });

  it('breaks when the body has a new id and the header none', async () => {
    const { url } = await serve(
      server((res) => {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(
            JSON.stringify({ statusCode: 404, service: 'Inventory', error: 'Not Found', correlationId: randomUUID() }),
          );
      }),
    );
    const { broken } = await check(`${url}/items/1`);
    assert.deepEqual(broken, ['invalid id: id-replaced-header']);
  });

  it('breaks when the header has a new id and the body none', async () => {
    const { url } = await serve(
      server((res) => {
        res
          .writeHead(404, { 'content-type': 'application/json', 'x-correlation-id': randomUUID() })
          .end(envelopeWithout);
      }),
    );
    const { broken } = await check(`${url}/items/1`);
    assert.deepEqual(broken, [
      'invalid id: keys',
      'invalid id: schema',
      'invalid id: id-replaced-body',
      'invalid id: id-replaced-header',
    ]);
  });

  it('holds when both have the same new id', async () => {
    const { url } = await serve(
      server((res) => {
        const id = randomUUID();
        res
          .writeHead(404, { 'content-type': 'application/json', 'x-correlation-id': id })
          .end(JSON.stringify({ statusCode: 404, service: 'Inventory', error: 'Not Found', correlationId: id }));
      }),
    );
    const { code, broken } = await check(`${url}/items/1`);
    assert.deepEqual(broken, []);
    assert.equal(code, 0);
  });
});
