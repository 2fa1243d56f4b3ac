// Micro-benchmarks (mitata) of the parts of the error path: error construction per catalog class and
// for reference, the mapping to the envelope, the render to bytes, the correlation-id check, and id
// generation. Each figure is mitata's median time per call.
import createError from 'http-errors';
import { do_not_optimize, measure } from 'mitata';
import { nanoid } from 'nanoid';
import {
  BadRequest,
  CodatError,
  Conflict,
  DatatypeNotSupported,
  DownstreamError,
  Forbidden,
  InternalServerError,
  LimitExceeded,
  MethodNotAllowed,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  Unauthorized,
  isValidCorrelationId,
  toEnvelope,
} from 'codat-errors';
// Internal modules of the build: the render step has no public entry of its own.
import { envelopeJson } from '../dist/core/envelope.js';
import { normalize } from '../dist/core/normalize.js';

export interface Micro {
  group: string;
  name: string;
  /** Median nanoseconds per call. */
  p50: number;
}

const id = 'V1StGXR8_Z5jdHi6B-myT';
const longHeader = 'a'.repeat(4096);
const notFound = new NotFound('Invoice not found');
const companyLimit = LimitExceeded.companyLimit();
const envelope = { statusCode: 404, service: 'QuickBooksOnline', error: 'Invoice not found', correlationId: id };

/** `new Error()` from twenty frames down, as a handler deep in a service would throw it. */
function deep(depth: number): Error {
  return depth === 0 ? new Error('Invoice not found') : deep(depth - 1);
}

const cases: Array<[group: string, name: string, fn: () => unknown]> = [
  ['construct', 'new BadRequest()', () => new BadRequest()],
  ['construct', 'new Unauthorized()', () => new Unauthorized()],
  ['construct', 'LimitExceeded.companyLimit()', () => LimitExceeded.companyLimit()],
  ['construct', 'new Forbidden()', () => new Forbidden()],
  ['construct', "new NotFound('Invoice not found')", () => new NotFound('Invoice not found')],
  ['construct', "new DatatypeNotSupported('invoices', ['Xero'])", () => new DatatypeNotSupported('invoices', ['Xero'])],
  ['construct', "new MethodNotAllowed(['GET'])", () => new MethodNotAllowed(['GET'])],
  ['construct', 'new Conflict()', () => new Conflict()],
  ['construct', 'new TooManyRequests(30)', () => new TooManyRequests(30)],
  ['construct', 'new DownstreamError(envelope)', () => new DownstreamError(envelope)],
  ['construct', 'new CodatError(msg, { status: 423 })', () => new CodatError('Ledger locked', { status: 423 })],
  ['construct', 'new InternalServerError() (5xx: keeps its stack)', () => new InternalServerError()],
  ['construct', 'new ServiceUnavailable() (5xx: keeps its stack)', () => new ServiceUnavailable()],
  ['reference', 'new Error()', () => new Error('Invoice not found')],
  ['reference', 'new Error() twenty frames deep', () => deep(20)],
  [
    'reference',
    'new Error() with no stack captured',
    () => {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      const error = new Error('Invoice not found');
      Error.stackTraceLimit = limit;
      return error;
    },
  ],
  ['reference', 'new Error().stack (capture and format)', () => new Error('Invoice not found').stack],
  ['reference', "http-errors createError(404, 'Invoice not found')", () => createError(404, 'Invoice not found')],
  ['map', 'toEnvelope(new NotFound())', () => toEnvelope(notFound, { correlationId: id })],
  ['map', 'toEnvelope(LimitExceeded.companyLimit())', () => toEnvelope(companyLimit, { correlationId: id })],
  [
    'map',
    'render NotFound to bytes (normalize + envelopeJson)',
    () => envelopeJson(normalize(notFound), 'PublicApi', id),
  ],
  ['map', 'render companyLimit to bytes', () => envelopeJson(normalize(companyLimit), 'PublicApi', id)],
  ['id', 'isValidCorrelationId(valid 21 chars)', () => isValidCorrelationId(id)],
  ['id', "isValidCorrelationId('not a valid id!')", () => isValidCorrelationId('not a valid id!')],
  ['id', 'isValidCorrelationId(4 KB header)', () => isValidCorrelationId(longHeader)],
  ['id', 'nanoid()', () => nanoid()],
];

export async function runMicro(log: (line: string) => void): Promise<Micro[]> {
  const results: Micro[] = [];
  for (const [group, name, fn] of cases) {
    const stats = await measure(() => do_not_optimize(fn()));
    results.push({ group, name, p50: stats.p50 });
    log(`${name}: ${(stats.p50 / 1000).toFixed(3)} µs`);
  }
  return results;
}
