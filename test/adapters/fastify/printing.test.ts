// Without the app's `logger` option, a 5xx goes to Fastify's logger when the app has one (once, with
// its id), and to the console when it has none; a logger that throws changes nothing of the response.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { format } from 'node:util';
import { envelopeText } from '../../support/envelope-text.ts';
import { serveFastify } from '../../support/fastify-app.ts';
import { recordingLogger } from '../../support/logger.ts';
import { request } from '../../support/serve.ts';

const printed: string[] = [];
const consoleError = console.error;
before(() => {
  console.error = (...args: unknown[]) => {
    printed.push(format(...args));
  };
});
after(() => {
  console.error = consoleError;
});

const crash = (app: Parameters<Parameters<typeof serveFastify>[0]>[0]) => {
  app.get('/crash', async () => {
    throw new Error('db password=hunter2');
  });
  app.get('/missing', async (_req, reply) => reply.code(404).send());
};
const internal = (id: string) =>
  envelopeText({ statusCode: 500, service: 'PublicApi', error: 'Internal Server Error' }, id);

describe('Fastify: where a 5xx is told', () => {
  it("goes to Fastify's logger once, with the correlation id, and not to the console", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    printed.length = 0;
    const { url } = await serveFastify(crash, {}, true, { logger: { level: 'error', stream } });
    const reply = await request(`${url}/crash`, { headers: { 'x-correlation-id': 'logged-1' } });
    assert.equal(reply.text, internal('logged-1'));
    assert.deepEqual(
      lines.map((line) => [line.msg, line.correlationId, (line.err as { message: string }).message]),
      [['codat-errors: 500 GET /crash', 'logged-1', 'db password=hunter2']],
    );
    assert.deepEqual(printed, []);
  });

  it('goes to the console without any logger, as on Koa and Express', async () => {
    printed.length = 0;
    const { url } = await serveFastify(crash, {}, false);
    await request(`${url}/crash?token=secret`, { headers: { 'x-correlation-id': 'printed-1' } });
    assert.equal(printed.length, 1);
    assert.match(
      printed[0]!,
      /^codat-errors: 500 GET \/crash correlationId=printed-1\nError: db password=hunter2\n {4}at /,
    );
  });

  it("goes only to the app's logger option when it has one; a 4xx prints nothing", async () => {
    printed.length = 0;
    const { entries, logger } = recordingLogger();
    const { url } = await serveFastify(crash, { logger }, false);
    await request(`${url}/crash`);
    await request(`${url}/missing`);
    assert.deepEqual(
      entries.map((entry) => [entry.level, entry.message]),
      [
        ['error', 'Internal Server Error'],
        ['warn', 'Not Found'],
      ],
    );
    assert.deepEqual(printed, []);
  });

  it('still answers the envelope when Fastify’s logger throws', async () => {
    const throwing = {
      level: 'info',
      error: () => {
        throw new Error('log sink down');
      },
      warn: () => {},
      info: () => {},
      debug: () => {},
      fatal: () => {},
      trace: () => {},
      silent: () => {},
      child() {
        return this;
      },
    };
    const { url } = await serveFastify(crash, {}, true, { loggerInstance: throwing } as object);
    const reply = await request(`${url}/crash`, { headers: { 'x-correlation-id': 'unlogged-1' } });
    assert.equal(reply.status, 500);
    assert.equal(reply.text, internal('unlogged-1'));
  });
});
