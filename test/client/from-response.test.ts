// Point 3 of issue 16: fromResponse leaves the body to the caller when the response is no envelope.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Koa from 'koa';
import { codatErrors, DownstreamError } from 'codat-errors';
import { CodatApiError } from 'codat-errors/client';
import { request, serve } from '../support/serve.ts';

const gatewayPage = '<html><body><h1>502 Bad Gateway</h1></body></html>';
const envelope = { statusCode: 404, service: 'Inventory', error: 'Not Found', correlationId: 'upstream-1' };

/** An upstream that answers as a proxy in front of a service does: an HTML 502, or the service's envelope. */
async function upstream() {
  const { url } = await serve((req, res) => {
    if (req.url === '/html-502') res.writeHead(502, { 'content-type': 'text/html' }).end(gatewayPage);
    else if (req.url === '/json-500')
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"boom"}');
    else res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify(envelope));
  });
  return url;
}

describe('CodatApiError.fromResponse leaves the body readable', async () => {
  const url = await upstream();

  it('returns null for an HTML 502, and the page can still be read', async () => {
    const response = await fetch(`${url}/html-502`);
    assert.equal(await CodatApiError.fromResponse(response), null);
    assert.equal(response.bodyUsed, false);
    assert.equal(await response.text(), gatewayPage);
  });

  it('returns null for JSON of another shape, and the JSON can still be read', async () => {
    const response = await fetch(`${url}/json-500`);
    assert.equal(await CodatApiError.fromResponse(response), null);
    assert.deepEqual(await response.json(), { message: 'boom' });
  });

  it('reads an envelope without using up the body either', async () => {
    const response = await fetch(`${url}/items/1`);
    const error = await CodatApiError.fromResponse(response);
    assert.equal(error?.statusCode, 404);
    assert.deepEqual(await response.json(), envelope);
  });

  it('returns null, without throwing, for a body already read', async () => {
    const response = await fetch(`${url}/items/1`);
    await response.text();
    assert.equal(await CodatApiError.fromResponse(response), null);
  });

  it("keeps the upstream status in the README's downstream pattern", async () => {
    const app = new Koa();
    app.silent = true;
    app.use(codatErrors({ service: 'Payroll' }));
    app.use(async (ctx) => {
      const response = await fetch(`${url}${ctx.url}`, { headers: { 'x-correlation-id': ctx.state.correlationId } });
      const received = await CodatApiError.fromResponse(response);
      if (received) throw new DownstreamError(received);
      ctx.status = response.status;
      ctx.type = response.headers.get('content-type') ?? 'text/plain';
      ctx.body = await response.text();
    });
    const service = await serve(app.callback());
    const reply = await request(`${service.url}/html-502`);
    assert.equal(reply.status, 502);
    assert.equal(reply.text, gatewayPage);
    const passedOn = await request(`${service.url}/items/1`);
    assert.equal(passedOn.status, 404);
    assert.equal((passedOn.body as { service: string }).service, 'Inventory');
  });
});
