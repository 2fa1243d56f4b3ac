// fast-check arbitraries for every class of thrown value the error handler must survive, each with
// what the client must see. The canary is planted wherever a value may hide a secret.
import { STATUS_CODES } from 'node:http';
import vm from 'node:vm';
import fc from 'fast-check';
import { CodatError, InternalServerError, NotFound, BadRequest } from 'codat-errors';
import { canary } from './canary.ts';

/** A thrown value and what it must become: `status` exactly, or, for `loose`, either it or a plain 500. */
export interface Thrown {
  readonly kind: string;
  readonly value: unknown;
  readonly status: number;
  /** The envelope's `error` text, when the arbitrary knows it exactly. */
  readonly error?: string;
  /** A hostile getter may make the whole value untrustworthy: a generic 500 is also right. */
  readonly loose?: boolean;
}

export const generic = 'Internal Server Error';

const phrase = (status: number): string => STATUS_CODES[status] ?? 'Unknown Error';

/** The status rule, written apart from the package: an integer in 400–599, else nothing. */
export function isErrorStatusOracle(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

/** The number of runs of each property: `FUZZ_RUNS` (npm run fuzz), else `fallback`. */
export function runs(fallback: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

/** fast-check parameters: the seed is printed on failure; `FC_SEED` replays one. */
export function parameters(numRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.FC_SEED);
  return { numRuns, includeErrorInReport: true, ...(Number.isInteger(seed) && { seed }) };
}

// One other realm, made once: errors from it are not instances of this realm's Error.
const realm = vm.createContext({});
const realmError = vm.runInContext('(message, extra) => Object.assign(new TypeError(message), extra)', realm) as (
  message: string,
  extra: object,
) => Error;

/** Statuses that must all become 500: out of range, not integers, not numbers. */
const invalidStatus = fc.oneof(
  fc.integer({ min: -1000, max: 399 }),
  fc.integer({ min: 600, max: 100_000 }),
  fc.constantFrom(0, 302, 304, 600, 999, NaN, Infinity, -Infinity, 404.5, -404, 1e21),
  fc.double({ noInteger: true }),
  fc.integer({ min: 400, max: 599 }).map((s) => String(s)),
  fc.integer({ min: 400, max: 599 }).map((s) => BigInt(s)),
  fc.integer({ min: 400, max: 599 }).map((s) => ({ valueOf: () => s, toString: () => String(s) })),
  fc.integer({ min: 400, max: 599 }).map((s) => Object(s) as unknown),
  fc.constantFrom(null, undefined, true, false, '', [404], Symbol('404')),
);
const validStatus = fc.integer({ min: 400, max: 599 });
const anyStatus = fc.oneof(validStatus, invalidStatus);

/** Header values a thrower may set: fine ones, CR/LF injections, characters above 0xFF, non-strings. */
const headerValue = fc.oneof(
  fc.constantFrom('Bearer', '30', 'GET, HEAD'),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(`1\r\nset-cookie: ${canary}`, `x\n${canary}`, 'caf\u00e9 \u2603', 'a\u0000b'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.double(),
  fc.constantFrom(null, undefined, 1n, Symbol('h'), { toString: () => canary }),
);
const headerName = fc.oneof(
  fc.constantFrom(
    'Allow',
    'retry-after',
    'WWW-Authenticate',
    'set-cookie',
    'location',
    'x-secret',
    'bad name',
    '__proto__',
  ),
  fc.string(),
);
// Made on use: fast-check itself must not touch a hostile Proxy.
const headers: fc.Arbitrary<() => unknown> = fc.oneof(
  fc.dictionary(headerName, headerValue, { maxKeys: 5 }).map((value) => () => value),
  fc
    .constantFrom('none', 'text', 'entries', 'revoked', 'throwing')
    .map(
      (kind) => () =>
        kind === 'none'
          ? null
          : kind === 'text'
            ? 'allow: GET'
            : kind === 'entries'
              ? [['allow', 'GET']]
              : kind === 'revoked'
                ? revokedProxy()
                : throwingProxy({}),
    ),
);

/** Everything that could hide a secret on an error, all of it carrying the canary. */
function hideCanary(error: Record<string, unknown>): void {
  error.stack = `Error: ${canary}\n    at secret (/srv/${canary}.js:1:1)`;
  error.cause = new Error(canary, { cause: error });
  error.config = { headers: { Authorization: `Bearer ${canary}` } };
  error.secret = canary;
  error.password = { value: canary };
}

export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** A Proxy every trap of which throws (itself a revoked Proxy, to make even the thrown value hostile). */
export function throwingProxy(target: object): object {
  const fail = () => {
    throw revokedProxy();
  };
  return new Proxy(target, {
    get: fail,
    has: fail,
    ownKeys: fail,
    getOwnPropertyDescriptor: fail,
    getPrototypeOf: fail,
    defineProperty: fail,
    set: fail,
    deleteProperty: fail,
    isExtensible: fail,
    preventExtensions: fail,
    apply: fail,
  });
}

/** An error with a getter that throws on `key`. */
function throwingGetter(error: Error, key: string): object {
  Object.defineProperty(error, key, {
    get() {
      throw new Error(canary);
    },
    configurable: true,
  });
  return error;
}

const message = fc.string({ maxLength: 40 });

function makeError(
  kind: 'Error' | 'TypeError' | 'realm' | 'null-prototype',
  text: string,
  extra: object,
): Record<string, unknown> {
  if (kind === 'realm') return realmError(text, extra) as unknown as Record<string, unknown>;
  if (kind === 'null-prototype') return Object.assign(Object.create(null), { message: text }, extra);
  return Object.assign(kind === 'Error' ? new Error(text) : new TypeError(text), extra) as unknown as Record<
    string,
    unknown
  >;
}
const errorKind = fc.constantFrom('Error', 'TypeError', 'realm', 'null-prototype') as fc.Arbitrary<
  'Error' | 'TypeError' | 'realm' | 'null-prototype'
>;

/** Thrown values with no valid status: a 500 with the generic text, always. */
const noStatus: fc.Arbitrary<Thrown> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom(null, undefined, false, true, 0, -0, NaN, '', 0n),
      fc.string(),
      fc.double(),
      fc.bigInt(),
      fc.string().map((s) => Symbol(s)),
    )
    .map((value) => ({ kind: 'primitive', value, status: 500, error: generic })),
  fc
    .anything({
      withBigInt: true,
      withNullPrototype: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
    })
    .filter(
      (value) =>
        typeof value !== 'object' || value === null || !['status', 'statusCode', 'output'].some((key) => key in value),
    )
    .map((value) => ({ kind: 'anything', value, status: 500, error: generic })),
  fc.tuple(errorKind, invalidStatus, invalidStatus, fc.boolean()).map(([kind, status, statusCode, expose]) => {
    const error = makeError(kind, canary, { status, statusCode, expose, headers: { 'retry-after': '1' } });
    hideCanary(error);
    return { kind: `${kind} with invalid status`, value: error, status: 500, error: generic };
  }),
  fc.constantFrom('proxy', 'revoked', 'proxy error', 'function').map((kind) => ({
    kind,
    value:
      kind === 'revoked'
        ? revokedProxy()
        : kind === 'proxy'
          ? throwingProxy({ status: 404 })
          : kind === 'function'
            ? () => canary
            : throwingProxy(new NotFound()),
    status: 500,
    error: generic,
  })),
  fc.constantFrom('status', 'statusCode').map((key) => ({
    kind: `getter of ${key} throws`,
    value: throwingGetter(Object.assign(new Error(canary), { status: 404, statusCode: 404 }), key),
    status: 500,
    error: generic,
  })),
  fc.integer({ min: 1, max: 3 }).map((depth) => {
    // A cyclic cause chain.
    const first = new Error(canary) as Error & { cause?: unknown };
    let last = first;
    for (let i = 0; i < depth; i += 1) {
      const next = new Error(canary) as Error & { cause?: unknown };
      last.cause = next;
      last = next;
    }
    last.cause = first;
    return { kind: 'cyclic cause', value: first, status: 500, error: generic };
  }),
  fc
    .constantFrom(...aggregateErrors())
    .map((value) => ({ kind: 'AggregateError', value, status: 500, error: generic })),
);

/** AggregateErrors with thousands of children, made once: their children are 404s, the whole is not. */
function aggregateErrors(): AggregateError[] {
  return [2_000, 10_000].map(
    (n) =>
      new AggregateError(
        Array.from({ length: n }, () => new NotFound(canary)),
        canary,
      ),
  );
}

/** Foreign errors (http-errors, body parsers, Boom) with any status: the status rule decides. */
const foreign: fc.Arbitrary<Thrown> = fc.oneof(
  fc
    .tuple(errorKind, anyStatus, anyStatus, fc.boolean(), message, headers)
    .map(([kind, status, statusCode, expose, text, hdrs]) => {
      const expected = isErrorStatusOracle(status) ? status : isErrorStatusOracle(statusCode) ? statusCode : 500;
      const shown = expected < 500 && expose;
      const error = makeError(kind, shown ? text : canary, { status, statusCode, expose, headers: hdrs() });
      hideCanary(error);
      return {
        kind: `foreign ${kind}`,
        value: error,
        status: expected,
        error: shown && text !== '' ? text : phrase(expected),
      };
    }),
  fc.tuple(validStatus, message, headers).map(([statusCode, text, hdrs]) => {
    // Boom: the status and headers live in `output`; 4xx messages are shown.
    const error = Object.assign(new Error(statusCode < 500 ? text : canary), {
      isBoom: true,
      output: { statusCode, headers: hdrs(), payload: { message: canary } },
    });
    return {
      kind: 'Boom',
      value: error,
      status: statusCode,
      error: statusCode < 500 && text !== '' ? text : phrase(statusCode),
    };
  }),
  fc
    .tuple(
      validStatus,
      fc.constantFrom('name', 'stack', 'toString', 'toJSON', 'cause', 'constructor', 'message', 'expose', 'headers'),
    )
    .map(([status, key]) => ({
      kind: `getter of ${key} throws`,
      value: throwingGetter(Object.assign(new Error(canary), { status }), key),
      status,
      loose: true,
    })),
);

/** The package's own errors, with hostile messages, validation items and headers. */
const item = fc.oneof(
  fc.record(
    {
      itemId: fc.oneof(fc.string(), fc.integer(), fc.boolean()),
      message: fc.oneof(fc.string({ minLength: 1 }), fc.double()),
      validatorName: fc.string(),
    },
    { requiredKeys: ['message'] },
  ),
  fc.constantFrom(
    JSON.parse(
      `{"__proto__":{"polluted":"${canary}"},"constructor":{"prototype":{"polluted":1}},"message":"m","itemId":{"x":"${canary}"}}`,
    ),
    { message: { toString: () => canary }, itemId: canary },
    { message: 'm', secret: canary, stack: canary },
    null,
    canary,
    42,
    [canary],
  ),
  fc.string({ maxLength: 3000 }).map((long) => ({ itemId: long, message: long, validatorName: long })),
);
const catalog: fc.Arbitrary<Thrown> = fc
  .tuple(
    validStatus,
    fc.option(fc.boolean(), { nil: undefined }),
    fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    fc.string({ maxLength: 3000 }),
    fc.option(fc.record({ errors: fc.array(item, { maxLength: 150 }), warnings: fc.array(item, { maxLength: 5 }) }), {
      nil: undefined,
    }),
    fc.dictionary(headerName, headerValue, { maxKeys: 3 }),
    fc.constantFrom(CodatError, InternalServerError, BadRequest),
    fc.option(fc.string({ maxLength: 3000 }), { nil: undefined }),
    // Codat's fields: any string, any safe integer, each set or not.
    fc.record(
      { canBeRetried: fc.string({ maxLength: 3000 }), detailedErrorCode: fc.maxSafeInteger() },
      { requiredKeys: [] },
    ),
  )
  .map(([status, expose, exception, text, validation, hdrs, ErrorClass, service, codatFields]) => {
    const exposed = expose ?? (ErrorClass === CodatError ? status : ErrorClass.status) < 500;
    const error =
      ErrorClass === CodatError
        ? new CodatError(exposed ? text : canary, {
            status,
            ...(expose !== undefined && { expose }),
            ...(exception !== undefined && { exception }),
            ...(validation && { validation }),
            ...(service !== undefined && { service }),
            ...codatFields,
            headers: hdrs as never,
            cause: canary,
          })
        : new ErrorClass(exposed ? text : canary, {
            ...(expose !== undefined && { expose }),
            ...(exception !== undefined && { exception }),
            ...(validation && { validation }),
            ...codatFields,
            headers: hdrs as never,
            cause: canary,
          });
    const finalStatus = error.status;
    const finalExposed = error.expose;
    const shown = text === '' ? phrase(finalStatus) : text;
    return {
      kind: `catalog ${ErrorClass.name}`,
      value: error,
      status: finalStatus,
      error: finalExposed ? (error.exception ? `${error.exception}: ${shown}` : shown) : phrase(finalStatus),
    };
  });

/** Every class of thrown value, weighted towards the hostile ones. */
export const thrownValue: fc.Arbitrary<Thrown> = fc
  .oneof({ arbitrary: noStatus, weight: 3 }, { arbitrary: foreign, weight: 3 }, { arbitrary: catalog, weight: 2 })
  // A counterexample is printed by its kind: printing the value itself could run its hostile traps.
  .map((thrown) => Object.assign(thrown, { [fc.toStringMethod]: () => `${thrown.kind} (status ${thrown.status})` }));

/** Correlation header values: every byte 0x00–0xFF, up to 16 KB, near the 128-character bound. */
export const headerBytes = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'AZaz09-_.:'), minLength: 0, maxLength: 140 }),
  fc.string({ unit: fc.constantFrom(...'AZaz09-_.: /'), minLength: 100, maxLength: 16_384 }),
);
