// OpenAPI components and Codat's error model: the two optional properties, the 422 and 451 responses,
// and examples with the fields when asked for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiComponents } from 'codat-errors';

type Response = {
  description: string;
  headers: Record<string, unknown>;
  content: { 'application/json': { example: Record<string, unknown> } };
};
const responsesOf = (options?: Parameters<typeof openApiComponents>[0]) =>
  openApiComponents(options).responses as Record<string, Response>;

describe("openApiComponents and Codat's error model", () => {
  it('declares canBeRetried (string) and detailedErrorCode (integer) as optional properties of ErrorEnvelope', () => {
    const envelope = openApiComponents().schemas.ErrorEnvelope as {
      required: string[];
      properties: Record<string, { type: string }>;
    };
    assert.deepEqual(envelope.required, ['statusCode', 'service', 'error', 'correlationId']);
    assert.equal(envelope.properties.canBeRetried!.type, 'string');
    assert.equal(envelope.properties.detailedErrorCode!.type, 'integer');
  });

  it('has the responses UnprocessableContent (422) and UnavailableForLegalReasons (451), in status order', () => {
    const responses = responsesOf();
    assert.deepEqual(Object.keys(responses), [
      'BadRequest',
      'Unauthorized',
      'PaymentRequired',
      'Forbidden',
      'NotFound',
      'MethodNotAllowed',
      'Conflict',
      'UnprocessableContent',
      'TooManyRequests',
      'UnavailableForLegalReasons',
      'InternalServerError',
      'ServiceUnavailable',
    ]);
    assert.equal(responses.UnprocessableContent!.description, 'Unprocessable Content');
    assert.deepEqual(responses.UnprocessableContent!.content['application/json'].example, {
      statusCode: 422,
      service: 'PublicApi',
      error: 'Unprocessable Content',
      correlationId: '00000000-0000-0000-0000-000000000000',
    });
    assert.equal(responses.UnavailableForLegalReasons!.description, 'Unavailable For Legal Reasons');
    assert.deepEqual(responses.UnavailableForLegalReasons!.content['application/json'].example, {
      statusCode: 451,
      service: 'PublicApi',
      error: 'Unavailable For Legal Reasons',
      correlationId: '00000000-0000-0000-0000-000000000000',
    });
    assert.deepEqual(Object.keys(responses.UnavailableForLegalReasons!.headers), ['x-correlation-id']);
  });

  it('puts the fields in every example with codatFields: true, and in none without', () => {
    for (const [name, response] of Object.entries(responsesOf({ codatFields: true }))) {
      const keys = Object.keys(response.content['application/json'].example);
      assert.deepEqual(keys.slice(-2), ['canBeRetried', 'detailedErrorCode'], name);
      assert.deepEqual(
        [
          response.content['application/json'].example.canBeRetried,
          response.content['application/json'].example.detailedErrorCode,
        ],
        ['Unknown', 0],
        name,
      );
    }
    for (const [name, response] of Object.entries(responsesOf()))
      assert.ok(!('canBeRetried' in response.content['application/json'].example), name);
  });

  it('names the first header of a correlationHeader list on every response', () => {
    for (const response of Object.values(responsesOf({ correlationHeader: ['X-Request-Id', 'request-id'] }))) {
      assert.equal(Object.keys(response.headers)[0], 'x-request-id');
      assert.ok(!('request-id' in response.headers));
    }
  });

  it('makes a valid OpenAPI 3.1 document with codatFields', async () => {
    const components = openApiComponents({ codatFields: true });
    const spec = {
      openapi: '3.1.0',
      info: { title: 'Companies', version: '1.0.0' },
      paths: {
        '/companies': {
          post: {
            responses: {
              '422': { $ref: '#/components/responses/UnprocessableContent' },
              '451': { $ref: '#/components/responses/UnavailableForLegalReasons' },
            },
          },
        },
      },
      components,
    };
    const result = await new Validator().validate(spec);
    assert.equal(result.valid, true, JSON.stringify(result.errors));
  });
});
