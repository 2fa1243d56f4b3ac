// Where a 5xx is printed on Nest: through Nest's Logger (so `logger: false`, `app.useLogger()` and
// buffered logs apply), once, naming the request and its id; never when the app gives its own logger.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoggerService } from '@nestjs/common';
import { recordingLogger } from '../../support/logger.ts';
import { controllerOf, serveNest } from '../../support/nest-app.ts';
import { request } from '../../support/serve.ts';

const crash = () =>
  controllerOf({
    'GET /crash': () => {
      throw new Error('db password=hunter2 is wrong');
    },
  });

/** A Nest logger keeping its error calls; `fail` makes each of them throw. */
function nestLogger(fail = false): { calls: unknown[][]; logger: LoggerService } {
  const calls: unknown[][] = [];
  return {
    calls,
    logger: {
      log() {},
      warn() {},
      error(...args: unknown[]) {
        calls.push(args);
        if (fail) throw new Error('logger down');
      },
    },
  };
}

for (const platform of ['express', 'fastify'] as const) {
  describe(`NestJS on ${platform}: a 5xx is printed through Nest's Logger`, () => {
    it("hands Nest's logger the request line with its id, the stack, and the context codat-errors", async () => {
      const { calls, logger } = nestLogger();
      const { url } = await serveNest(platform, { controllers: [crash()], configure: (app) => app.useLogger(logger) });
      const reply = await request(`${url}/crash`, { headers: { 'x-correlation-id': 'printed-1' } });
      assert.equal(reply.status, 500);
      assert.equal(calls.length, 1);
      const [head, stack, context] = calls[0] as [string, string, string];
      assert.equal(head, 'codat-errors: 500 GET /crash correlationId=printed-1');
      assert.match(stack, /^Error: db password=hunter2 is wrong\n\s+at /);
      assert.equal(context, 'codat-errors');
    });

    it('answers the same when the logger throws', async () => {
      const { calls, logger } = nestLogger(true);
      const { url } = await serveNest(platform, { controllers: [crash()], configure: (app) => app.useLogger(logger) });
      const reply = await request(`${url}/crash`);
      assert.equal(reply.status, 500);
      assert.equal((reply.body as { error: string }).error, 'Internal Server Error');
      assert.equal(calls.length, 1);
    });

    it("leaves Nest's logger out when the app gives codat-errors a logger", async () => {
      const { calls, logger } = nestLogger();
      const recording = recordingLogger();
      const { url } = await serveNest(platform, {
        controllers: [crash()],
        options: { logger: recording.logger },
        configure: (app) => app.useLogger(logger),
      });
      const reply = await request(`${url}/crash`);
      assert.equal(reply.status, 500);
      assert.deepEqual(calls, []);
      assert.deepEqual(
        recording.entries.map((entry) => entry.message),
        ['Internal Server Error'],
      );
    });
  });
}
