// Requests no route answers, and Express's own routing signals, which never reach an error handler.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { envelopeText } from '../../support/envelope-text.ts';
import { expressMajors, serveExpress } from '../../support/express-app.ts';
import { request } from '../../support/serve.ts';

const notFoundBody = { statusCode: 404, service: 'PublicApi', error: 'Not Found' };

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: requests nothing answers`, async () => {
    const { url } = await serveExpress(express, (app) => { app.get('/companies', (_req, res) => { res.json([]); }); });

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
      app.get('/skip', (_req, _res, next) => next('route'), () => { throw new Error('never reached'); });
      app.get('/skip', (_req, res) => { res.send('next route'); });
      app.get('/falsy', () => { throw undefined; });
      app.get('/falsy', (_req, res) => { res.send('after a falsy throw'); });
      app.get('/leave', (_req, res) => { res.send('after the router'); });
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
}
