import { correlationIdSchema, envelopeObjectSchema, validationItemSchema } from '../contract/schema.js';
import { reasonPhrase } from '../contract/status.js';
import { toEnvelope } from '../core/envelope.js';
import { resolveOptions, type CodatErrorsOptions } from '../core/options.js';
import {
  BadRequest,
  Conflict,
  Forbidden,
  InternalServerError,
  LimitExceeded,
  MethodNotAllowed,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  UnavailableForLegalReasons,
  UnprocessableContent,
  type CodatError,
} from '../errors/index.js';

export type OpenApiOptions = Pick<CodatErrorsOptions, 'service' | 'correlationHeader' | 'codatFields'>;

/** An OpenAPI 3.1 `components` object, plain data to merge into a document. */
export interface OpenApiComponents {
  schemas: Record<string, object>;
  headers: Record<string, object>;
  responses: Record<string, object>;
}

const exampleCorrelationId = '00000000-0000-0000-0000-000000000000';
const docsUrl = 'https://docs.codat.io/using-the-api/errors';

/**
 * One response per status of the contract, each with the error whose envelope is its example, and its
 * description when that is not Node's reason phrase.
 */
const contractResponses: ReadonlyArray<
  readonly [name: string, example: () => CodatError, extraHeaders: readonly string[], description?: string]
> = [
  [
    'BadRequest',
    () =>
      new BadRequest('Invalid query', {
        validation: {
          errors: [{ itemId: 'page', message: 'page must be a whole number', validatorName: 'ListCompanies' }],
        },
      }),
    [],
  ],
  ['Unauthorized', () => new Unauthorized(), []],
  ['PaymentRequired', () => LimitExceeded.companyLimit({ docsUrl }), []],
  ['Forbidden', () => new Forbidden(), []],
  ['NotFound', () => new NotFound(), []],
  ['MethodNotAllowed', () => new MethodNotAllowed(['GET']), ['Allow']],
  ['Conflict', () => new Conflict(), []],
  ['UnprocessableContent', () => new UnprocessableContent(), [], 'Unprocessable Content'],
  ['TooManyRequests', () => new TooManyRequests(30), ['Retry-After']],
  ['UnavailableForLegalReasons', () => new UnavailableForLegalReasons(), []],
  ['InternalServerError', () => new InternalServerError(), []],
  ['ServiceUnavailable', () => new ServiceUnavailable(undefined, { retryAfter: 600 }), ['Retry-After']],
];

/**
 * OpenAPI 3.1 components for the contract: the `ErrorEnvelope` and `ValidationItem` schemas, the
 * correlation, `Retry-After` and `Allow` headers, and one reusable response per status of the
 * contract (`BadRequest` … `ServiceUnavailable`), each with an example body made by the middleware's
 * own mapping (with `codatFields`, Codat's two fields included). Invalid options throw, as for the middleware.
 *
 * @example
 * const { schemas, headers, responses } = openApiComponents({ service: 'PublicApi' });
 * spec.components = { ...spec.components, schemas: { ...spec.components?.schemas, ...schemas }, headers, responses };
 * // then, in an operation: responses: { '404': { $ref: '#/components/responses/NotFound' } }
 */
export function openApiComponents(options?: OpenApiOptions): OpenApiComponents {
  const { service, correlationHeader, codatFields } = resolveOptions(options);
  const responses: Record<string, object> = {};
  for (const [name, example, extraHeaders, description] of contractResponses) {
    const error = example();
    const headers: Record<string, object> = { [correlationHeader]: { $ref: '#/components/headers/CorrelationId' } };
    for (const header of extraHeaders) headers[header] = { $ref: `#/components/headers/${header.replace('-', '')}` };
    responses[name] = {
      description: description ?? reasonPhrase(error.status),
      headers,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/ErrorEnvelope' },
          example: toEnvelope(error, { service, correlationId: exampleCorrelationId, codatFields }),
        },
      },
    };
  }
  return {
    schemas: {
      ErrorEnvelope: envelopeObjectSchema('#/components/schemas/ValidationItem'),
      ValidationItem: validationItemSchema,
    },
    headers: {
      CorrelationId: {
        description: 'The id of this response, also in the body; a valid incoming one is echoed.',
        schema: correlationIdSchema,
      },
      RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } },
      Allow: { description: 'The methods the resource allows.', schema: { type: 'string' } },
    },
    responses,
  };
}
