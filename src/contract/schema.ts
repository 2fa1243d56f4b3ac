// The contract as JSON Schema: the one source that the shipped envelope.schema.json and the OpenAPI
// components are both built from.
import { envelopeKeys, requiredEnvelopeKeys, validationKeys } from './envelope.js';
import { correlationIdMaxLength, correlationIdPattern } from './correlation-id.js';

/** One item of `validation.errors` or `validation.warnings`. */
export const validationItemSchema = {
  type: 'object',
  description: 'One validation error or warning; itemId and validatorName are left out when unknown.',
  required: ['message'],
  properties: {
    itemId: { type: 'string' },
    message: { type: 'string' },
    validatorName: { type: 'string' },
  },
  additionalProperties: false,
} as const;

/** The correlation id as it may arrive and is always sent: the rule of `isValidCorrelationId`. */
export const correlationIdSchema = {
  type: 'string',
  minLength: 1,
  maxLength: correlationIdMaxLength,
  pattern: correlationIdPattern,
} as const;

/** The envelope's schema, its items referenced through `itemRef` (JSON Schema `$defs` or OpenAPI components). */
export function envelopeObjectSchema<Ref extends string>(itemRef: Ref) {
  const items = { type: 'array', items: { $ref: itemRef } } as const;
  return {
    type: 'object',
    description: `The body of every error response. Keys are sent in this order: ${envelopeKeys.join(', ')}.`,
    required: requiredEnvelopeKeys,
    properties: {
      statusCode: {
        type: 'integer',
        minimum: 400,
        maximum: 599,
        description: 'The HTTP status of the response, repeated.',
      },
      service: {
        type: 'string',
        description: 'The service that produced the error, e.g. PublicApi or a downstream one.',
      },
      error: { type: 'string', description: '"<ExceptionName>: <message>", or the message alone.' },
      correlationId: { type: 'string', description: 'Identifies this response; quote it to support.' },
      validation: {
        type: 'object',
        description: 'Present only when the error carries validation details; both arrays are always there.',
        required: validationKeys,
        properties: { errors: items, warnings: items },
        additionalProperties: false,
      },
      canBeRetried: {
        type: 'string',
        description:
          'Whether the error was transient and the request may be retried, such as "Unknown" or "No". Sent with detailedErrorCode or not at all.',
      },
      detailedErrorCode: {
        type: 'integer',
        minimum: -Number.MAX_SAFE_INTEGER,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'A machine-readable code to automate on; 0 when the error sets none. Sent with canBeRetried.',
      },
    },
    additionalProperties: false,
  } as const;
}

/**
 * The envelope as a JSON Schema (draft 2020-12), the same object as the package's
 * `codat-errors/envelope.schema.json` file.
 *
 * @example
 * import Ajv2020 from 'ajv/dist/2020.js';
 * const isEnvelope = new Ajv2020().compile(envelopeSchema);
 * isEnvelope(await response.json());
 */
export const envelopeSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:codat-errors:error-envelope',
  title: 'Codat error envelope',
  ...envelopeObjectSchema('#/$defs/ValidationItem'),
  $defs: { ValidationItem: validationItemSchema },
} as const;
