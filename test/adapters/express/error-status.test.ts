// Point 8 of issue 16: Express answers an error status left without a body with the envelope, as Koa
// does, and never replaces a body the handler wrote.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Koa from 'koa';
import { codatErrors as koaErrors, type ErrorLogger } from 'codat-errors';
import { request, serve } from '../../support/serve.ts';
import { codatErrors } from 'codat-errors/express';
import { expressMajors, serveExpress } from '../../support/express-app.ts';

const envelope = (status: number, error: string, correlationId: string | null) =>
  JSON.stringify({ statusCode: status, service: 'PublicApi', error, correlationId });

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: an error status without a body`, async () => {
    const ended: string[] = [];
    const logged: Array<[string, number, string]> = [];
    const logger: ErrorLogger = {
      warn: (details) =>
        logged.push(['warn', (details as { statusCode: number }).statusCode, (details as { path: string }).path]),
      error: (details) =>
        logged.push(['error', (details as { statusCode: number }).statusCode, (details as { path: string }).path]),
    };
    const { url } = await serveExpress(
      express,
      (app) => {
        app.get('/end', (_req, res) => {
          res.status(404).end();
        });
        app.get('/send-status', (_req, res) => {
          res.sendStatus(403);
        });
        app.get('/send-status-ok', (_req, res) => {
          res.sendStatus(200);
        });
        app.get('/server-error', (_req, res) => {
          res.status(503).end();
        });
        app.get('/empty-send', (_req, res) => {
          res.status(409).send();
        });
        app.get('/authenticate', (_req, res) => {
          res.status(401).set('WWW-Authenticate', 'Bearer').set('Access-Control-Allow-Origin', '*').end();
        });
        app.get('/callback', (_req, res) => {
          res.status(410).end(() => ended.push('410'));
        });
        app.get('/written', (_req, res) => {
          res.status(404).send('<h1>Our own page</h1>');
        });
        app.get('/json', (_req, res) => {
          res.status(404).json({ reason: 'ours' });
        });
        app.get('/typed-empty', (_req, res) => {
          res.status(404).type('json').end();
        });
        app.get('/empty-string', (_req, res) => {
          res.status(404).end('');
        });
        app.get('/streamed', (_req, res) => {
          res.status(404);
          res.write('partial');
          res.end();
        });
        app.get('/beyond', (_req, res) => {
          res.status(600).end();
        });
        app.get('/ok', (_req, res) => {
          res.send('fine');
        });
      },
      { logger },
    );

    it('res.status(404).end() answers the 404 envelope', async () => {
      const reply = await request(`${url}/end`);
      assert.equal(reply.status, 404);
      assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(reply.text, envelope(404, 'Not Found', reply.headers.get('x-correlation-id')));
    });

    it('res.sendStatus(403) answers the 403 envelope, not text', async () => {
      const reply = await request(`${url}/send-status`);
      assert.equal(reply.status, 403);
      assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(reply.text, envelope(403, 'Forbidden', reply.headers.get('x-correlation-id')));
    });

    it('a 5xx and an empty res.send() are answered the same way', async () => {
      const server = await request(`${url}/server-error`);
      assert.equal(server.text, envelope(503, 'Service Unavailable', server.headers.get('x-correlation-id')));
      const empty = await request(`${url}/empty-send`);
      assert.equal(empty.text, envelope(409, 'Conflict', empty.headers.get('x-correlation-id')));
    });

    it('keeps the headers the handler set, and calls the callback given to end()', async () => {
      const reply = await request(`${url}/authenticate`);
      assert.equal(reply.status, 401);
      assert.equal(reply.headers.get('www-authenticate'), 'Bearer');
      assert.equal(reply.headers.get('access-control-allow-origin'), '*');
      assert.equal((reply.body as { error: string }).error, 'Unauthorized');
      const gone = await request(`${url}/callback`);
      assert.equal(gone.text, envelope(410, 'Gone', gone.headers.get('x-correlation-id')));
      assert.deepEqual(ended, ['410']);
    });

    it('answers HEAD with the envelope headers and no body', async () => {
      const reply = await request(`${url}/end`, { method: 'HEAD' });
      assert.equal(reply.status, 404);
      assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(
        Number(reply.headers.get('content-length')),
        envelope(404, 'Not Found', reply.headers.get('x-correlation-id')).length,
      );
      assert.equal(reply.text, '');
    });

    it('never replaces what the handler wrote', async () => {
      const written = await request(`${url}/written`);
      assert.deepEqual([written.status, written.text], [404, '<h1>Our own page</h1>']);
      assert.match(written.headers.get('content-type')!, /^text\/html/);
      const json = await request(`${url}/json`);
      assert.deepEqual([json.status, json.text], [404, '{"reason":"ours"}']);
      const head = await request(`${url}/json`, { method: 'HEAD' });
      assert.deepEqual([head.status, head.headers.get('content-length')], [404, '17']);
      assert.match(head.headers.get('content-type')!, /^application\/json/);
      const typed = await request(`${url}/typed-empty`);
      assert.deepEqual([typed.status, typed.text], [404, '']);
      const emptyString = await request(`${url}/empty-string`);
      assert.deepEqual([emptyString.status, emptyString.text], [404, '']);
      const streamed = await request(`${url}/streamed`);
      assert.deepEqual([streamed.status, streamed.text], [404, 'partial']);
    });

    it('leaves successes and statuses beyond 599 alone', async () => {
      const ok = await request(`${url}/send-status-ok`);
      assert.deepEqual([ok.status, ok.text], [200, 'OK']);
      assert.match(ok.headers.get('content-type')!, /^text\/plain/);
      const fine = await request(`${url}/ok`);
      assert.deepEqual([fine.status, fine.text], [200, 'fine']);
      const beyond = await request(`${url}/beyond`);
      assert.deepEqual([beyond.status, beyond.text], [600, '']);
    });

    it('logs each as Koa logs a bodiless status', async () => {
      logged.length = 0;
      await request(`${url}/send-status`);
      await request(`${url}/server-error`);
      assert.deepEqual(logged, [
        ['warn', 403, '/send-status'],
        ['error', 503, '/server-error'],
      ]);
    });

    it('answers the bytes Koa answers for the same status', async () => {
      const app = new Koa();
      app.use(koaErrors());
      app.use((ctx) => {
        ctx.status = 403;
      });
      const koa = await serve(app.callback());
      const init = { headers: { 'x-correlation-id': 'parity-403' } };
      const [fromKoa, fromExpress] = await Promise.all([request(koa.url, init), request(`${url}/send-status`, init)]);
      assert.equal(fromExpress.status, fromKoa.status);
      assert.equal(fromExpress.text, fromKoa.text);
      for (const name of ['content-type', 'content-length', 'x-content-type-options', 'x-correlation-id']) {
        assert.equal(fromExpress.headers.get(name), fromKoa.headers.get(name), name);
      }
    });
  });

  describe(`${expressName}: where the envelope's end and sendStatus come from`, async () => {
    const before = codatErrors({ service: 'First' });
    const after = codatErrors({ service: 'Second' });
    const app = express();
    app.set('env', 'test');
    // Answered before any correlation: Express's own text, even once the app's responses are guarded.
    app.get('/unstamped', (_req, res) => {
      res.sendStatus(403);
    });
    // What OpenTelemetry's http instrumentation or compression do: an `end` of the response's own.
    app.use('/wrapped', (_req, res, next) => {
      const { end } = res;
      res.end = function (this: typeof res, ...args: unknown[]) {
        res.setHeader('x-wrapped', 'yes');
        return (end as (...rest: unknown[]) => typeof res).apply(this, args);
      } as typeof res.end;
      next();
    });
    app.use('/second', after.correlation);
    app.use(['/first', '/wrapped'], before.correlation);
    const bodiless = (_req: unknown, res: { status(code: number): { end(): void } }) => res.status(404).end();
    app.get('/wrapped', bodiless);
    app.get('/first', bodiless);
    app.get('/second', bodiless);
    const { url } = await serve(app);

    it('answers the envelope through an end the response was given before correlation', async () => {
      for (const attempt of [1, 2]) {
        const reply = await request(`${url}/wrapped`);
        assert.equal(reply.headers.get('x-wrapped'), 'yes', `attempt ${attempt}`);
        const id = reply.headers.get('x-correlation-id');
        assert.equal(
          reply.text,
          JSON.stringify({ statusCode: 404, service: 'First', error: 'Not Found', correlationId: id }),
        );
      }
    });

    it('answers with the options of the codatErrors() that stamped the request', async () => {
      await request(`${url}/first`);
      for (const [path, service] of [
        ['second', 'Second'],
        ['first', 'First'],
        ['second', 'Second'],
      ] as const) {
        const reply = await request(`${url}/${path}`);
        const id = reply.headers.get('x-correlation-id');
        assert.equal(
          reply.text,
          JSON.stringify({ statusCode: 404, service, error: 'Not Found', correlationId: id }),
          path,
        );
      }
    });

    it('leaves a response alone that no correlation stamped', async () => {
      await request(`${url}/first`);
      const reply = await request(`${url}/unstamped`);
      assert.deepEqual([reply.status, reply.text, reply.headers.get('x-correlation-id')], [403, 'Forbidden', null]);
    });
  });
}
