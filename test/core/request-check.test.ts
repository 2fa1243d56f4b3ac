// The request check behind both adapters' validate(): a bad set-up is refused when the route is built.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import * as z from 'zod';
import { validate as koaValidate, type PartValidator, type RequestSchemas } from 'codat-errors';
import { validate as expressValidate } from 'codat-errors/express';

for (const [adapter, validate] of [
  ['codat-errors', koaValidate],
  ['codat-errors/express', expressValidate],
] as const) {
  describe(`validate() of ${adapter} refuses a bad set-up at start-up, saying what to pass`, () => {
    const body = z.object({});
    const bad: Array<[string, () => unknown, RegExp]> = [
      ['no schemas', () => validate({}), /needs an object with a schema for body, query or params, got an object/],
      ['not an object', () => validate(null as unknown as RequestSchemas), /needs an object .* got null/],
      [
        'an unknown part',
        () => validate({ headers: body } as RequestSchemas),
        /checks body, query, params; "headers" is not one of them/,
      ],
      [
        'a part that is no validator',
        () => validate({ body: 'name' as unknown as PartValidator }),
        /body must be a Standard Schema \(zod, valibot, arktype\) or an Ajv validate function, got "name"/,
      ],
      [
        'an async Ajv schema',
        () => validate({ body: new Ajv().compile({ $async: true, type: 'object' }) as PartValidator }),
        /asynchronous Ajv schemas are not supported/,
      ],
      [
        'an unknown option',
        () => validate({ body }, { name: 'x' } as object),
        /unknown validate\(\) option "name"; the options are validatorName, exception, message/,
      ],
      [
        'an option that is no string',
        () => validate({ body }, { message: 3 } as object),
        /option "message" must be a non-empty string, got 3/,
      ],
      [
        'options that are no object',
        () => validate({ body: () => true }, null as never),
        /validate\(\) options must be an object/,
      ],
    ];
    for (const [name, create, message] of bad) {
      it(name, () => assert.throws(create, { name: 'TypeError', message }));
    }
  });
}
