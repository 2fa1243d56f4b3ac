// Point 7 of issue 16 on Express 4 and 5: a 5xx is printed once, with its stack, correlation id,
// method and path (to the logger when given, else to stderr); a 4xx prints nothing.
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { codatErrors, NotFound, type CodatErrorsOptions, type ErrorLogger } from 'codat-errors/express';
import { request, serve } from '../../support/serve.ts';
import { expressMajors } from '../../support/express-app.ts';

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: printing a 5xx`, () => {
    async function start(t: TestContext, options?: CodatErrorsOptions, env = 'development') {
      const printed = t.mock.method(console, 'error', () => {});
      const errors = codatErrors(options);
      const app = express();
      app.set('env', env);
      app.use(errors.correlation);
      app.get('/crash', () => {
        throw new Error('db down');
      });
      app.get('/text', (_req, _res, next) => next('disk quota exceeded'));
      app.get('/missing', () => {
        throw new NotFound('No such invoice');
      });
      app.get('/late', (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.write('id,name\n');
        throw new Error('stream broke');
      });
      app.use(errors.notFound);
      app.use(errors.handler);
      const { url } = await serve(app);
      const lines = () => printed.mock.calls.map((call) => call.arguments.join(' '));
      return { url, lines };
    }

    it('prints it once, with status, method, path, correlation id and stack', async (t) => {
      const { url, lines } = await start(t);
      const reply = await request(`${url}/crash?token=secret`);
      assert.equal(reply.status, 500);
      assert.equal(lines().length, 1);
      assert.match(
        lines()[0]!,
        new RegExp(
          `^codat-errors: 500 GET /crash correlationId=${reply.headers.get('x-correlation-id')}\\nError: db down\\n {4}at `,
        ),
      );
      assert.doesNotMatch(lines()[0]!, /secret/);
    });

    it('prints the value of a thrown non-error', async (t) => {
      const { url, lines } = await start(t);
      await request(`${url}/text`);
      assert.match(lines()[0]!, /\nA non-error value was thrown: "disk quota exceeded"$/);
    });

    it('prints an error after the headers were sent once, with its id, and Express prints it no more', async (t) => {
      const { url, lines } = await start(t);
      const response = await fetch(`${url}/late`);
      await assert.rejects(response.text());
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(lines().length, 1);
      assert.match(
        lines()[0]!,
        new RegExp(
          `^codat-errors: 500 GET /late correlationId=${response.headers.get('x-correlation-id')}\\nError: stream broke\\n`,
        ),
      );
    });

    it('prints nothing for a 4xx', async (t) => {
      const { url, lines } = await start(t);
      assert.equal((await request(`${url}/missing`)).status, 404);
      assert.equal((await request(`${url}/nowhere`)).status, 404);
      assert.deepEqual(lines(), []);
    });

    it('with a logger, logs it once and prints nothing', async (t) => {
      const logged: unknown[] = [];
      const logger: ErrorLogger = {
        warn: () => {},
        error: (details) => logged.push((details as { path: string }).path),
      };
      const { url, lines } = await start(t, { logger });
      await request(`${url}/crash`);
      const response = await fetch(`${url}/late`);
      await assert.rejects(response.text());
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(logged, ['/crash', '/late']);
      assert.deepEqual(lines(), []);
    });

    it("prints nothing in Express's test environment", async (t) => {
      const { url, lines } = await start(t, {}, 'test');
      await request(`${url}/crash`);
      assert.deepEqual(lines(), []);
    });
  });
}
