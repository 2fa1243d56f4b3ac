// One request shape, written for each validator the package supports, with what each says about it.
import { Ajv } from 'ajv';
import * as v from 'valibot';
import * as z from 'zod';
import type { PartValidator, ValidationItem } from 'codat-errors';

export interface CompanySchemas {
  validator: string;
  body: PartValidator;
  query: PartValidator;
  params: PartValidator;
  /** The items for `invalidBody`, `?limit=0` and the id `abc`, with validatorName `CreateCompany`. */
  items: { body: ValidationItem[]; query: ValidationItem[]; params: ValidationItem[] };
}

/** Three invalid fields. */
export const invalidBody = { name: '', email: 'nope', employees: 0 };
/** Valid, with a key that every schema strips, so that the parsed body differs from the raw one. */
export const validBody = { name: 'Acme', email: 'ops@acme.example', employees: 3, extra: true };

const ajv = new Ajv({ allErrors: true, coerceTypes: true, removeAdditional: true });
const v_ = 'CreateCompany';

export const companySchemas: CompanySchemas[] = [
  {
    validator: 'zod',
    body: z.object({ name: z.string().min(1), email: z.email(), employees: z.int().min(1) }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(100) }),
    params: z.object({ id: z.coerce.number().int() }),
    items: {
      body: [
        { itemId: 'body.name', message: 'Too small: expected string to have >=1 characters', validatorName: v_ },
        { itemId: 'body.email', message: 'Invalid email address', validatorName: v_ },
        { itemId: 'body.employees', message: 'Too small: expected number to be >=1', validatorName: v_ },
      ],
      query: [{ itemId: 'query.limit', message: 'Too small: expected number to be >=1', validatorName: v_ }],
      params: [{ itemId: 'params.id', message: 'Invalid input: expected number, received NaN', validatorName: v_ }],
    },
  },
  {
    validator: 'valibot',
    body: v.object({
      name: v.pipe(v.string(), v.minLength(1)),
      email: v.pipe(v.string(), v.email()),
      employees: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
    query: v.object({ limit: v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(1), v.maxValue(100)) }),
    params: v.object({ id: v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number)) }),
    items: {
      body: [
        { itemId: 'body.name', message: 'Invalid length: Expected >=1 but received 0', validatorName: v_ },
        { itemId: 'body.email', message: 'Invalid email: Received "nope"', validatorName: v_ },
        { itemId: 'body.employees', message: 'Invalid value: Expected >=1 but received 0', validatorName: v_ },
      ],
      query: [{ itemId: 'query.limit', message: 'Invalid value: Expected >=1 but received 0', validatorName: v_ }],
      params: [
        { itemId: 'params.id', message: 'Invalid format: Expected /^\\d+$/ but received "abc"', validatorName: v_ },
      ],
    },
  },
  {
    validator: 'Ajv',
    body: ajv.compile({
      type: 'object',
      required: ['name', 'email', 'employees'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1 },
        email: { type: 'string', pattern: '^[^@]+@[^@]+$' },
        employees: { type: 'integer', minimum: 1 },
      },
    }),
    query: ajv.compile({
      type: 'object',
      required: ['limit'],
      properties: { limit: { type: 'integer', minimum: 1, maximum: 100 } },
    }),
    params: ajv.compile({ type: 'object', required: ['id'], properties: { id: { type: 'integer' } } }),
    items: {
      body: [
        { itemId: 'body.name', message: 'must NOT have fewer than 1 characters', validatorName: v_ },
        { itemId: 'body.email', message: 'must match pattern "^[^@]+@[^@]+$"', validatorName: v_ },
        { itemId: 'body.employees', message: 'must be >= 1', validatorName: v_ },
      ],
      query: [{ itemId: 'query.limit', message: 'must be >= 1', validatorName: v_ }],
      params: [{ itemId: 'params.id', message: 'must be integer', validatorName: v_ }],
    },
  },
];
