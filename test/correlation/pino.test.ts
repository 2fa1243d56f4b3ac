import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import pino from 'pino';
import { correlationMixin, getCorrelationId, runWithCorrelationId } from 'codat-errors';
import { frameworks } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

const lines: string[] = [];
const logger = pino(
  { mixin: correlationMixin },
  {
    write: (line: string) => {
      lines.push(line);
    },
  },
);
const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

async function charge(): Promise<never> {
  logger.info('charging card');
  await new Promise((resolve) => setTimeout(resolve, 1));
  logger.child({ step: 'ledger' }).info('writing ledger');
  throw new Error('ledger connection refused');
}

for (const framework of frameworks)
  describe(`pino with correlationMixin on ${framework.name}`, async () => {
    const { url } = await framework.serve({ '/': charge }, { options: { logger, asyncContext: true } });

    beforeEach(() => {
      lines.length = 0;
    });

    it("stamps every line of a request, the middleware's own error line included, once", async () => {
      const reply = await request(url, { headers: { 'x-correlation-id': 'pino-1' } });
      assert.equal(reply.status, 500);
      assert.deepEqual(
        records().map(({ level, msg, correlationId, step }) => ({ level, msg, correlationId, step })),
        [
          { level: 30, msg: 'charging card', correlationId: 'pino-1', step: undefined },
          { level: 30, msg: 'writing ledger', correlationId: 'pino-1', step: 'ledger' },
          { level: 50, msg: 'Internal Server Error', correlationId: 'pino-1', step: undefined },
        ],
      );
      for (const line of lines) assert.equal(line.split('"correlationId"').length, 2, line);
      const { err, statusCode, method, path } = records()[2]!;
      assert.deepEqual({ statusCode, method, path }, { statusCode: 500, method: 'GET', path: '/' });
      // The log keeps what the client never sees.
      assert.equal((err as { message: string }).message, 'ledger connection refused');
      assert.equal(reply.text.includes('ledger'), false);
    });
  });

describe('pino with correlationMixin outside a request', () => {
  beforeEach(() => {
    lines.length = 0;
  });

  it('adds nothing outside a request, and the id inside runWithCorrelationId', () => {
    logger.info('starting');
    runWithCorrelationId('job-1', () => logger.info('job'));
    assert.equal(getCorrelationId(), undefined);
    assert.deepEqual(
      records().map(({ msg, correlationId }) => ({ msg, correlationId })),
      [
        { msg: 'starting', correlationId: undefined },
        { msg: 'job', correlationId: 'job-1' },
      ],
    );
    assert.equal(lines[0]!.includes('correlationId'), false);
  });
});
