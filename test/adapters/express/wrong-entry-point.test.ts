// Point 9 of issue 16: the Koa middleware used in Express says which entry point to import.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codatErrors } from 'codat-errors';
import { request, serve } from '../../support/serve.ts';
import { expressMajors } from '../../support/express-app.ts';

const advice = 'import { codatErrors } from "codat-errors/express"';

describe('the Koa middleware called as Express middleware', () => {
  it('throws an error saying to import from codat-errors/express', () => {
    const middleware = codatErrors() as unknown as (req: unknown, res: unknown, next: unknown) => unknown;
    for (const req of [{ headers: {} }, undefined]) {
      assert.throws(
        () => middleware(req, {}, () => {}),
        (error: Error) => error instanceof TypeError && error.message.includes(advice),
      );
    }
  });

  for (const [expressName, express] of expressMajors) {
    it(`${expressName}: answers a 500 whose page and printed error say what to import`, async (t) => {
      const printed = t.mock.method(console, 'error', () => {});
      const app = express();
      app.set('env', 'development');
      app.use(codatErrors() as unknown as Parameters<typeof app.use>[0]);
      app.get('/', (_req, res) => {
        res.send('never reached');
      });
      const { url } = await serve(app);
      const reply = await request(url);
      assert.equal(reply.status, 500);
      assert.match(reply.text, /codat-errors: this is the Koa middleware, called here as Express middleware/);
      assert.ok(reply.text.includes(advice.replaceAll('"', '&quot;')), reply.text);
      assert.ok(printed.mock.calls.some((call) => String(call.arguments[0]).includes(advice)));
    });
  }
});
