// What reaches the Express adapter from Express itself: the id it stamps on each request, requests no
// route answers, Express's routing signals (which never reach an error handler), express.json()'s errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codatErrors, NotFound, Unauthorized } from 'codat-errors/express';
import { envelopeText } from '../../support/envelope-text.ts';
import { expressMajors, serveExpress } from '../../support/express-app.ts';
import { idPattern } from '../../support/ids.ts';
import { request, serve } from '../../support/serve.ts';

const notFoundBody = { statusCode: 404, service: 'PublicApi', error: 'Not Found' };

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: correlation ids`, async () => {
    const { url } = await serveExpress(express, (app) => {
      app.get('/ok', (req, res) => {
        res.json({ request: req.correlationId, locals: res.locals.correlationId });
      });
      app.get('/reassigned', (req, res) => {
        res.locals.correlationId = 'assigned-in-locals';
        res.json({ request: req.correlationId });
      });
    });
    const custom = await serveExpress(
      express,
      (app) => {
        app.get('/fail', () => {
          throw new Unauthorized();
        });
      },
      { correlationHeader: 'X-Request-Id', service: 'Billing' },
    );

    it('stamps req.correlationId and res.locals.correlationId, and passes a success through', async () => {
      const reply = await request(`${url}/ok`);
      assert.equal(reply.status, 200);
      const id = reply.headers.get('x-correlation-id');
      assert.match(id ?? '', idPattern);
      assert.equal(reply.text, JSON.stringify({ request: id, locals: id }));
      assert.equal(reply.headers.get('x-content-type-options'), null);
    });

    it('keeps one id: req.correlationId reads what res.locals.correlationId holds', async () => {
      const reply = await request(`${url}/reassigned`);
      assert.equal(reply.text, JSON.stringify({ request: 'assigned-in-locals' }));
    });

    it('reuses a valid incoming id and replaces an unusable one', async () => {
      const kept = await request(`${url}/ok`, { headers: { 'x-correlation-id': 'client-id:42' } });
      assert.equal(kept.headers.get('x-correlation-id'), 'client-id:42');
      const replaced = await request(`${url}/ok`, { headers: { 'x-correlation-id': 'a b' } });
      assert.match(replaced.headers.get('x-correlation-id') ?? '', idPattern);
    });

    it('uses the configured header and service', async () => {
      const reply = await request(`${custom.url}/fail`, { headers: { 'x-request-id': 'abc' } });
      assert.equal(reply.status, 401);
      assert.equal(reply.headers.get('x-request-id'), 'abc');
      assert.equal(reply.headers.get('x-correlation-id'), null);
      assert.equal(reply.text, envelopeText({ statusCode: 401, service: 'Billing', error: 'Unauthorized' }, 'abc'));
    });

    it('stamps an id on errors even when the app left out the correlation middleware', async () => {
      const errors = codatErrors();
      const app = express();
      app.get('/fail', () => {
        throw new NotFound('No invoice');
      });
      app.use(errors.handler);
      const bare = await serve(app);
      const reply = await request(`${bare.url}/fail`);
      const id = reply.headers.get('x-correlation-id') ?? '';
      assert.match(id, idPattern);
      assert.equal(reply.text, envelopeText({ statusCode: 404, service: 'PublicApi', error: 'No invoice' }, id));
    });
  });

  describe(`${expressName}: requests nothing answers`, async () => {
    const { url } = await serveExpress(express, (app) => {
      app.get('/companies', (_req, res) => {
        res.json([]);
      });
    });

    it('answers an unmatched route with the 404 envelope', async () => {
      const reply = await request(`${url}/nowhere?x=1`, { method: 'POST' });
      assert.equal(reply.status, 404);
      assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(reply.text, envelopeText(notFoundBody, reply.headers.get('x-correlation-id')!));
    });

    it('answers OPTIONS too, which Express answers itself only when no middleware does', async () => {
      const reply = await request(`${url}/companies`, { method: 'OPTIONS' });
      assert.equal(reply.status, 404);
      assert.equal(reply.text, envelopeText(notFoundBody, reply.headers.get('x-correlation-id')!));
    });

    it('answers HEAD of an unmatched route with no body', async () => {
      const reply = await request(`${url}/nowhere`, { method: 'HEAD' });
      assert.equal(reply.status, 404);
      assert.equal(reply.text, '');
    });
  });

  describe(`${expressName}: routing signals keep their Express meaning`, async () => {
    const { url } = await serveExpress(express, (app) => {
      const router = express.Router();
      router.get('/leave', (_req, _res, next) => next('router'));
      app.use(router);
      app.get(
        '/skip',
        (_req, _res, next) => next('route'),
        () => {
          throw new Error('never reached');
        },
      );
      app.get('/skip', (_req, res) => {
        res.send('next route');
      });
      app.get('/falsy', () => {
        throw undefined;
      });
      app.get('/falsy', (_req, res) => {
        res.send('after a falsy throw');
      });
      app.get('/leave', (_req, res) => {
        res.send('after the router');
      });
      app.get('/out', (_req, _res, next) => next('router'));
    });

    it("next('route') skips to the next route", async () => {
      assert.equal((await request(`${url}/skip`)).text, 'next route');
    });

    it("next('router') leaves the router", async () => {
      assert.equal((await request(`${url}/leave`)).text, 'after the router');
    });

    it("next('router') at the app level leaves the app too: Express's own 404, not the envelope", async () => {
      const reply = await request(`${url}/out`);
      assert.equal(reply.status, 404);
      assert.match(reply.headers.get('content-type') ?? '', /^text\/html/);
    });

    it('a synchronous throw of a falsy value is no error: the next route answers', async () => {
      assert.equal((await request(`${url}/falsy`)).text, 'after a falsy throw');
    });
  });

  describe(`${expressName}: express.json() body errors`, async () => {
    const { url } = await serveExpress(express, (app) => {
      app.use(express.json({ limit: 64 }));
      app.post('/companies', (req, res) => {
        res.json(req.body);
      });
    });
    const post = (body: string) =>
      request(`${url}/companies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    it('answers malformed JSON with a 400 that does not quote the body', async () => {
      const reply = await post('{"name": password=hunter2');
      assert.equal(reply.status, 400);
      assert.equal(
        reply.text,
        envelopeText(
          { statusCode: 400, service: 'PublicApi', error: 'Request body is not valid JSON' },
          reply.headers.get('x-correlation-id')!,
        ),
      );
    });

    it('answers a body over the limit with a 413', async () => {
      const reply = await post(JSON.stringify({ name: 'x'.repeat(100) }));
      assert.equal(reply.status, 413);
      assert.equal(
        reply.text,
        envelopeText(
          { statusCode: 413, service: 'PublicApi', error: 'request entity too large' },
          reply.headers.get('x-correlation-id')!,
        ),
      );
    });

    it('lets a valid body through', async () => {
      const reply = await post('{"name":"Acme"}');
      assert.equal(reply.status, 200);
      assert.equal(reply.text, '{"name":"Acme"}');
    });
  });
}
