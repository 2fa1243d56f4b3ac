// The response's headers around an error: those of the replaced body go, and once headers are sent
// the error goes on to Express, which cuts the response.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codatErrors, NotFound } from 'codat-errors/express';
import { expressMajors, serveExpress } from '../../support/express-app.ts';
import { recordingLogger } from '../../support/logger.ts';
import { request, serve } from '../../support/serve.ts';
import { assertStaleHeadersReplaced, keptHeaders, staleHeaders } from '../../support/stale-headers.ts';

for (const [expressName, express] of expressMajors) {
  describe(`${expressName}: headers around an error`, async () => {
    const { url } = await serveExpress(express, (app) => {
      app.use((_req, res, next) => {
        res.set(keptHeaders);
        next();
      });
      app.get('/download', (_req, res) => {
        res.set(staleHeaders);
        res.cookie('session', 'kept');
        throw new NotFound('No report');
      });
    });

    it('removes the headers of the body it replaces and keeps every other', async () => {
      assertStaleHeadersReplaced(await request(`${url}/download`));
    });
  });

  describe(`${expressName}: an error after the headers are sent`, async () => {
    const passedOn: unknown[] = [];
    const { entries, logger } = recordingLogger();
    const crash = new Error('stream broke');
    const errors = codatErrors({ logger });
    const app = express();
    app.set('env', 'test');
    app.use(errors.correlation);
    app.get('/report', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '100' });
      res.write('id,name\n');
      throw crash;
    });
    app.use(errors.handler);
    app.use((error: unknown, _req: unknown, _res: unknown, next: (error: unknown) => void) => { passedOn.push(error); next(error); });
    const { url } = await serve(app);

    it('passes the error on to Express, whose handler cuts the response, and logs it once', async () => {
      const response = await fetch(`${url}/report`);
      assert.equal(response.status, 200);
      await assert.rejects(response.text());
      assert.deepEqual(passedOn, [crash]);
      assert.equal(entries.length, 1);
      assert.equal(entries[0]!.details.err, crash);
      assert.equal(entries[0]!.details.correlationId, response.headers.get('x-correlation-id'));
    });
  });
}
