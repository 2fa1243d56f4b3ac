import { describe } from '../contract/describe.js';
import type { ValidationItem } from '../contract/envelope.js';
import { BadRequest } from '../errors/index.js';
import { itemsFromAjv, type AjvError } from '../validation/ajv.js';
import { itemsFromIssues } from '../validation/issues.js';
import type { StandardSchemaV1 } from '../validation/standard-schema.js';

/** The parts of a request that `validate` checks, in the order their items are reported. */
export const requestParts = ['body', 'query', 'params'] as const;
export type RequestPart = (typeof requestParts)[number];

/** An Ajv validate function (`ajv.compile(schema)`), synchronous. */
export interface AjvValidateFunction {
  (data: unknown): boolean;
  errors?: readonly AjvError[] | null | undefined;
}

/** What checks one part: any Standard Schema (zod, valibot, arktype) or an Ajv validate function. */
export type PartValidator = StandardSchemaV1 | AjvValidateFunction;

export type RequestSchemas = { [Part in RequestPart]?: PartValidator };

/** The type a validator gives on success: a Standard Schema's output, the type an Ajv type guard asserts. */
type ParsedBy<Validator> = Validator extends StandardSchemaV1
  ? StandardSchemaV1.InferOutput<Validator>
  : Validator extends (data: unknown, ...rest: never[]) => data is infer Parsed
    ? Parsed
    : unknown;

/** The parsed value of each part `Schemas` checks, typed from its validator (`unknown` when untyped). */
export type RequestValues<Schemas extends RequestSchemas = RequestSchemas> = {
  [Part in keyof Schemas as Part extends RequestPart ? Part : never]: ParsedBy<Schemas[Part]>;
};

export interface ValidateOptions {
  /** `validatorName` of every item, such as the operation's name. Ajv's default is each error's keyword. */
  validatorName?: string;
  /** Name that prefixes the envelope's `error`, such as `CompanyValidationException`. */
  exception?: string;
  /** The error's message. Default `Bad Request`. */
  message?: string;
}

const optionNames = ['validatorName', 'exception', 'message'];

function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  const props: unknown = (value as Partial<StandardSchemaV1>)['~standard'];
  return (
    typeof props === 'object' && props !== null && typeof (props as StandardSchemaV1.Props).validate === 'function'
  );
}

function checkSetup(schemas: unknown, options: unknown): asserts schemas is RequestSchemas {
  if (typeof schemas !== 'object' || schemas === null || Object.keys(schemas).length === 0) {
    throw new TypeError(
      `codat-errors: validate() needs an object with a schema for body, query or params, got ${describe(schemas)}`,
    );
  }
  for (const [part, validator] of Object.entries(schemas)) {
    if (!(requestParts as readonly string[]).includes(part)) {
      throw new TypeError(`codat-errors: validate() checks ${requestParts.join(', ')}; "${part}" is not one of them`);
    }
    if ((validator as { $async?: unknown }).$async === true) {
      throw new TypeError(
        `codat-errors: validate() ${part}: asynchronous Ajv schemas are not supported; compile the schema without "$async"`,
      );
    }
    if (!isStandardSchema(validator) && typeof validator !== 'function') {
      throw new TypeError(
        `codat-errors: validate() ${part} must be a Standard Schema (zod, valibot, arktype) or an Ajv validate function, got ${describe(validator)}`,
      );
    }
  }
  if (typeof options !== 'object' || options === null)
    throw new TypeError('codat-errors: validate() options must be an object');
  for (const [name, value] of Object.entries(options)) {
    if (!optionNames.includes(name)) {
      throw new TypeError(
        `codat-errors: unknown validate() option "${name}"; the options are ${optionNames.join(', ')}`,
      );
    }
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(
        `codat-errors: validate() option "${name}" must be a non-empty string, got ${describe(value)}`,
      );
    }
  }
}

type PartResult = { value: unknown; items?: undefined } | { items: ValidationItem[] };

async function checkPart(
  part: RequestPart,
  validator: PartValidator,
  value: unknown,
  validatorName: string | undefined,
): Promise<PartResult> {
  if (isStandardSchema(validator)) {
    const result = await validator['~standard'].validate(value);
    return result.issues
      ? { items: itemsFromIssues(result.issues, { validatorName, pathPrefix: part }) }
      : { value: result.value };
  }
  // Ajv checks in place: coercion and defaults, when enabled, have already changed `value`.
  return validator(value) ? { value } : { items: itemsFromAjv(validator.errors, { validatorName, pathPrefix: part }) };
}

/**
 * Checks the schemas and options once, at start-up (an invalid one throws a `TypeError` saying what
 * to pass), and returns the per-request check: it resolves to the parsed values of the parts, or
 * rejects with one `BadRequest` carrying every item of every part, `itemId` prefixed with the part
 * (`body.name`, `query.limit`). The adapters' `validate` middleware are thin I/O around it.
 *
 * @example
 * const check = createRequestCheck({ body: CreateCompany }, { validatorName: 'CreateCompany' });
 * const { body } = await check({ body: req.body });
 */
export function createRequestCheck<Schemas extends RequestSchemas>(
  schemas: Schemas,
  options: ValidateOptions = {},
): (input: RequestValues) => Promise<RequestValues<Schemas>> {
  checkSetup(schemas, options);
  const { validatorName, exception, message } = options;
  const parts = requestParts.filter((part) => schemas[part] !== undefined);

  return async function checkRequest(input) {
    const values: RequestValues = {};
    const items: ValidationItem[] = [];
    for (const part of parts) {
      const result = await checkPart(part, schemas[part]!, input[part], validatorName);
      if (result.items) items.push(...result.items);
      else values[part] = result.value;
    }
    if (items.length > 0) {
      throw new BadRequest(message, { ...(exception !== undefined && { exception }), validation: { errors: items } });
    }
    // Each part's value is what its validator returned, so it has the type the validator declares.
    return values as RequestValues<Schemas>;
  };
}

/**
 * Puts the parsed query on the request as an own property, shadowing the framework's accessor: Koa's
 * setter would turn the values back into strings, and Express 5's `req.query` has no setter at all.
 */
export function replaceQuery(request: object, query: unknown): void {
  Object.defineProperty(request, 'query', { value: query, writable: true, configurable: true, enumerable: true });
}
