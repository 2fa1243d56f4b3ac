// The shared case table against every framework of the registry, in each way its handlers fail.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cases, type Case } from '../support/cases.ts';
import { envelopeText } from '../support/envelope-text.ts';
import { frameworks } from '../support/frameworks.ts';
import { idPattern } from '../support/ids.ts';
import { request } from '../support/serve.ts';

/** What a value that the framework passes on as "no error" ends as: the next route, here the 404. */
const passedOn = { status: 404, body: { statusCode: 404, service: 'PublicApi', error: 'Not Found' } };

for (const framework of frameworks)
  for (const failure of framework.failures) {
    describe(`${framework.name}, ${failure.name}: every case of the shared table`, async () => {
      const { url } = await framework.serve(
        {
          '/case/:index': ({ params }) => {
            throw cases[Number(params.index)]!.thrown();
          },
        },
        { failure },
      );

      cases.forEach((c, index) => {
        const passes = failure.passesOn(c.thrown());
        const expected: Pick<Case, 'status' | 'body' | 'headers'> = passes ? passedOn : c;

        it(`${c.name} → ${expected.status}${passes ? ' (not an error to this framework: goes on to the 404)' : ''}`, async () => {
          const reply = await request(`${url}/case/${index}`);
          assert.equal(reply.status, expected.status);
          assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
          assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
          const id = reply.headers.get('x-correlation-id') ?? '';
          assert.match(id, idPattern);
          assert.equal(reply.text, envelopeText(expected.body, id));
          for (const [name, value] of Object.entries(expected.headers ?? {}))
            assert.equal(reply.headers.get(name), value, name);
        });

        it(`${c.name}: HEAD gets the status and headers, no body`, async () => {
          const reply = await request(`${url}/case/${index}`, { method: 'HEAD' });
          assert.equal(reply.status, expected.status);
          assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
          assert.equal(
            reply.headers.get('content-length'),
            String(Buffer.byteLength(envelopeText(expected.body, reply.headers.get('x-correlation-id')!))),
          );
          assert.match(reply.headers.get('x-correlation-id') ?? '', idPattern);
          assert.equal(reply.text, '');
        });
      });
    });
  }
