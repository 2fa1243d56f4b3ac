import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openApiComponents } from 'codat-errors';
import { withExample } from '../support/frameworks.ts';
import { request } from '../support/serve.ts';

const contract: Array<[status: number, response: string]> = [
  [400, 'BadRequest'],
  [401, 'Unauthorized'],
  [402, 'PaymentRequired'],
  [403, 'Forbidden'],
  [404, 'NotFound'],
  [405, 'MethodNotAllowed'],
  [409, 'Conflict'],
  [422, 'UnprocessableContent'],
  [429, 'TooManyRequests'],
  [451, 'UnavailableForLegalReasons'],
  [500, 'InternalServerError'],
  [503, 'ServiceUnavailable'],
];

/** A service's own small spec, with the components merged in the way the README shows. */
function serviceSpec(components = openApiComponents()) {
  return {
    openapi: '3.1.0',
    info: { title: 'Companies', version: '1.0.0' },
    paths: {
      '/companies': {
        post: {
          operationId: 'createCompany',
          responses: {
            '200': {
              description: 'Created',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Company' } } },
            },
            ...Object.fromEntries(
              contract.map(([status, name]) => [String(status), { $ref: `#/components/responses/${name}` }]),
            ),
          },
        },
      },
    },
    components: {
      ...components,
      schemas: { Company: { type: 'object', properties: { id: { type: 'string' } } }, ...components.schemas },
    },
  };
}

type Resolved = { paths: Record<string, { post: { responses: Record<string, any> } }> };

describe('openApiComponents', () => {
  it('merged into a service spec, gives a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(serviceSpec());
    assert.equal(result.valid, true, JSON.stringify(result.errors));
    assert.equal(validator.version, '3.1');
    const resolved = validator.resolveRefs() as Resolved;
    const responses = resolved.paths['/companies']!.post.responses;
    for (const [status, name] of contract) {
      const response = responses[String(status)];
      assert.equal(
        response.content['application/json'].schema.required.join(),
        'statusCode,service,error,correlationId',
        name,
      );
      assert.match(response.headers['x-correlation-id'].schema.pattern, /A-Za-z0-9/, name);
    }
    assert.equal(responses['429'].headers['Retry-After'].schema.type, 'integer');
    assert.equal(responses['503'].headers['Retry-After'].schema.type, 'integer');
    assert.equal(responses['405'].headers.Allow.schema.type, 'string');
  });

  it('rejects a document that refers to a response the components do not have', async () => {
    const spec = serviceSpec();
    (spec.paths['/companies'].post.responses as Record<string, unknown>)['418'] = {
      $ref: '#/components/responses/Teapot',
    };
    const validator = new Validator();
    await validator.validate(spec);
    assert.throws(() => validator.resolveRefs(), /Teapot/);
  });

  it('gives every response an example body that its own schema accepts, with the right status', async () => {
    const validator = new Validator();
    await validator.validate(serviceSpec());
    const responses = (validator.resolveRefs() as Resolved).paths['/companies']!.post.responses;
    const ajv = new Ajv2020({ strict: true });
    for (const [status, name] of contract) {
      const { schema, example } = responses[String(status)].content['application/json'];
      assert.ok(ajv.validate(schema, example), `${name}: ${ajv.errorsText()}`);
      assert.equal((example as { statusCode: number }).statusCode, status, name);
    }
  });

  it('uses the configured service and correlation header', () => {
    const { responses } = openApiComponents({ service: 'Payroll', correlationHeader: 'X-Request-Id' }) as Record<
      string,
      any
    >;
    assert.equal(responses.Conflict.content['application/json'].example.service, 'Payroll');
    assert.deepEqual(Object.keys(responses.Conflict.headers), ['x-request-id']);
  });

  it('throws at once on an invalid option, saying what to pass', () => {
    assert.throws(() => openApiComponents({ service: '' }), /option "service" must be a non-empty string/);
    assert.throws(
      () => openApiComponents({ correlationHeader: 'bad header' }),
      /option "correlationHeader" must be a header name/,
    );
  });

  for (const framework of withExample) {
    it(`${framework.name}: the 402 example is the body the example app sends, but for its id`, async () => {
      const { url } = await framework.example();
      const reply = await request(`${url}/companies`, { method: 'POST' });
      const example = (openApiComponents().responses.PaymentRequired as any).content['application/json'].example;
      assert.deepEqual({ ...(reply.body as object), correlationId: example.correlationId }, example);
    });
  }
});
