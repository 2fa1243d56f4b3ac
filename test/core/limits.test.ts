import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadRequest, toEnvelope, type CodatErrorsOptions } from 'codat-errors';
import { anyFramework } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

const huge = 'x'.repeat(5_000_000);
const manyItems = Array.from({ length: 10_000 }, (_, index) => ({ itemId: `field${index}`, message: huge }));

async function serveThrowing(thrown: () => unknown, options?: CodatErrorsOptions) {
  return (
    await anyFramework.serve(
      {
        '/': () => {
          throw thrown();
        },
      },
      { options },
    )
  ).url;
}

describe('bounded output', () => {
  it('caps the error text, the item fields and the item count by default', async () => {
    const url = await serveThrowing(
      () =>
        new BadRequest(huge, { exception: 'HugeException', validation: { errors: manyItems, warnings: manyItems } }),
    );
    const reply = await request(url);
    assert.equal(reply.status, 400);
    const body = reply.body as {
      error: string;
      validation: { errors: Array<{ itemId: string; message: string }>; warnings: unknown[] };
    };
    assert.equal(body.error, `HugeException: ${huge}`.slice(0, 1024));
    assert.equal(body.validation.errors.length, 100);
    assert.equal(body.validation.warnings.length, 100);
    assert.equal(body.validation.errors[99]!.itemId, 'field99');
    assert.equal(body.validation.errors[0]!.message.length, 1024);
    assert.ok(reply.text.length < 250_000, `${reply.text.length} bytes`);
  });

  it('takes its caps from the limits option', async () => {
    const url = await serveThrowing(() => new BadRequest('0123456789', { validation: { errors: manyItems } }), {
      limits: { errorLength: 4, fieldLength: 3, items: 2 },
    });
    const reply = await request(url);
    assert.equal(
      reply.text,
      JSON.stringify({
        statusCode: 400,
        service: 'PublicApi',
        error: '0123',
        correlationId: reply.headers.get('x-correlation-id'),
        validation: {
          errors: [
            { itemId: 'fie', message: 'xxx' },
            { itemId: 'fie', message: 'xxx' },
          ],
          warnings: [],
        },
      }),
    );
  });

  it('turns numbers and booleans in items into strings and drops every other value', async () => {
    const items = [
      { itemId: 7, message: true, validatorName: { toString: () => 'injected' } },
      { message: { text: 'object message' } },
      { message: null },
      'not an item',
      { message: 12n },
      JSON.parse(
        '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "message": "ok"}',
      ),
    ];
    const url = await serveThrowing(() => new BadRequest('bad', { validation: { errors: items as never } }));
    const reply = await request(url);
    assert.equal(
      JSON.stringify((reply.body as { validation: unknown }).validation),
      '{"errors":[{"itemId":"7","message":"true"},{"message":"ok"}],"warnings":[]}',
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('applies the same caps in toEnvelope', () => {
    assert.equal(toEnvelope(new BadRequest(huge), { correlationId: 'c' }).error.length, 1024);
    assert.equal(
      toEnvelope(new BadRequest(huge), { correlationId: 'c', limits: { errorLength: 10 } }).error,
      'xxxxxxxxxx',
    );
  });
});
