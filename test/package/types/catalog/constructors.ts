// Compiled by test/package/catalog-types.test.ts, never run: every documented way of building a catalog
// error type-checks, and a wrong one does not (each `@ts-expect-error` must meet an error).
import {
  DatatypeNotSupported,
  MethodNotAllowed,
  NotFound,
  ServiceUnavailable,
  TooManyRequests,
  type CodatError,
} from 'codat-errors';

export const built: CodatError[] = [
  new NotFound(),
  new NotFound('No such invoice', { exception: 'InvoiceNotFound' }),

  new TooManyRequests(),
  new TooManyRequests('Slow down'),
  new TooManyRequests('Slow down', { retryAfter: 30, expose: true }),
  new TooManyRequests(30),
  new TooManyRequests(1.5, 'Slow down', { headers: { 'x-rate-limit': '10' } }),

  new ServiceUnavailable(),
  new ServiceUnavailable('Down for maintenance', { retryAfter: 600, expose: true }),
  new ServiceUnavailable(600),
  new ServiceUnavailable(600, 'Down for maintenance', { expose: true }),

  new MethodNotAllowed(),
  new MethodNotAllowed('Invoices are read-only'),
  new MethodNotAllowed('Invoices are read-only', { allow: ['GET', 'HEAD'] }),
  new MethodNotAllowed('Invoices are read-only', { allow: 'GET' }),
  new MethodNotAllowed('GET'),
  new MethodNotAllowed(['GET', 'HEAD']),
  new MethodNotAllowed(['GET'], 'Invoices are read-only', { expose: true }),

  new DatatypeNotSupported(),
  new DatatypeNotSupported('Bills are not synced for this company'),
  new DatatypeNotSupported('Bills are not synced', { exception: 'SyncException' }),
  new DatatypeNotSupported('invoices', ['Xero', 'Sage']),
  new DatatypeNotSupported('invoices', 'Xero', { expose: true }),
];

export const seconds: number | undefined = new TooManyRequests(30).retryAfter;
export const later: number | undefined = new ServiceUnavailable('Down').retryAfter;

export const wrong = [
  // @ts-expect-error: a delay is a number of seconds.
  new TooManyRequests('30', 'Slow down'),
  // @ts-expect-error: `retryAfter` is a number of seconds.
  new TooManyRequests('Slow down', { retryAfter: '30' }),
  // @ts-expect-error: with the delay first, the options have no second delay.
  new TooManyRequests(30, 'Slow down', { retryAfter: 60 }),
  // @ts-expect-error: with the delay first, the options have no second delay.
  new ServiceUnavailable(600, 'Down', { retryAfter: 60 }),
  // @ts-expect-error: methods are text.
  new MethodNotAllowed([1, 2]),
  // @ts-expect-error: with the methods first, the options have no second list.
  new MethodNotAllowed(['GET'], 'Read-only', { allow: ['GET'] }),
  // @ts-expect-error: platforms are text.
  new DatatypeNotSupported('invoices', [1]),
  // @ts-expect-error: the message is text.
  new NotFound(404),
];
