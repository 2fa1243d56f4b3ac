// The shared table of thrown values and what the client must see for each, run against every adapter.
import createHttpError from 'http-errors';
import Boom from '@hapi/boom';
import {
  BadRequest,
  Conflict,
  CodatError,
  DatatypeNotSupported,
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
} from 'codat-errors';

import { canary } from './canary.ts';

export const docsUrl = 'https://docs.codat.io/using-the-api/errors';

class InvoicePdfNotFoundException extends NotFound {}

export interface Case {
  name: string;
  /** Builds the value the route throws, fresh for each request. */
  thrown: () => unknown;
  status: number;
  /** The envelope without `correlationId`, which the tests check apart. */
  body: Record<string, unknown>;
  /** Response headers that must be present with these values. */
  headers?: Record<string, string>;
}

const envelope = (statusCode: number, error: string, extra: Record<string, unknown> = {}, service = 'PublicApi') => ({
  statusCode,
  service,
  error,
  ...extra,
});

export const cases: Case[] = [
  {
    name: 'BadRequest with validation',
    status: 400,
    thrown: () =>
      new BadRequest('Invalid body', {
        validation: { errors: [{ itemId: 'name', message: 'Required', validatorName: 'CreateCompany' }] },
      }),
    body: envelope(400, 'Invalid body', {
      validation: { errors: [{ itemId: 'name', message: 'Required', validatorName: 'CreateCompany' }], warnings: [] },
    }),
  },
  {
    name: 'Unauthorized default message',
    status: 401,
    thrown: () => new Unauthorized(),
    body: envelope(401, 'Unauthorized'),
  },
  {
    name: 'LimitExceeded.companyLimit',
    status: 402,
    thrown: () => LimitExceeded.companyLimit({ docsUrl }),
    body: envelope(402, 'CompanyValidationException: Company limit exceeded', {
      validation: {
        errors: [
          {
            itemId: 'Company',
            message: `Company limit exceeded. Learn more at ${docsUrl}`,
            validatorName: 'CreateCompany',
          },
        ],
        warnings: [],
      },
    }),
  },
  {
    name: 'LimitExceeded.syncScheduleNotAllowed',
    status: 402,
    thrown: () => LimitExceeded.syncScheduleNotAllowed(),
    body: envelope(402, 'SyncSettingsValidationException: Sync schedule not allowed', {
      validation: { errors: [{ message: 'Sync schedule not allowed.' }], warnings: [] },
    }),
  },
  {
    name: 'LimitExceeded.accountExpired',
    status: 402,
    thrown: () => LimitExceeded.accountExpired({ docsUrl }),
    body: envelope(402, 'Payment Required', {
      validation: { errors: [{ message: `Account expired. Learn more at ${docsUrl}` }], warnings: [] },
    }),
  },
  {
    name: 'Forbidden',
    status: 403,
    thrown: () => new Forbidden('Key not tied to this resource'),
    body: envelope(403, 'Key not tied to this resource'),
  },
  {
    name: 'NotFound with exception and service',
    status: 404,
    thrown: () =>
      new NotFound('Invoice not found', { exception: 'InvoicePdfNotFoundException', service: 'QuickBooksOnline' }),
    body: envelope(404, 'InvoicePdfNotFoundException: Invoice not found', {}, 'QuickBooksOnline'),
  },
  {
    name: 'subclass named for its exception',
    status: 404,
    thrown: () => new InvoicePdfNotFoundException('x'),
    body: envelope(404, 'InvoicePdfNotFoundException: x'),
  },
  {
    name: 'DatatypeNotSupported',
    status: 404,
    thrown: () => new DatatypeNotSupported('invoices', ['Xero', 'Sage']),
    body: envelope(404, 'Datatype invoices not supported by platform(s) Xero, Sage'),
  },
  {
    name: 'MethodNotAllowed sends Allow',
    status: 405,
    thrown: () => new MethodNotAllowed(['GET', 'HEAD']),
    body: envelope(405, 'Method Not Allowed'),
    headers: { allow: 'GET, HEAD' },
  },
  {
    name: 'Conflict',
    status: 409,
    thrown: () => new Conflict('Sync not finished'),
    body: envelope(409, 'Sync not finished'),
  },
  {
    name: 'UnprocessableContent default message',
    status: 422,
    thrown: () => new UnprocessableContent(),
    body: envelope(422, 'Unprocessable Content'),
  },
  {
    name: 'TooManyRequests sends Retry-After',
    status: 429,
    thrown: () => new TooManyRequests(30),
    body: envelope(429, 'Too Many Requests'),
    headers: { 'retry-after': '30' },
  },
  {
    name: 'UnavailableForLegalReasons',
    status: 451,
    thrown: () => new UnavailableForLegalReasons("Platform 'qudb' is not currently available for compliance purposes."),
    body: envelope(451, "Platform 'qudb' is not currently available for compliance purposes."),
  },
  {
    name: 'InternalServerError hides its message',
    status: 500,
    thrown: () => new InternalServerError('db password=secret'),
    body: envelope(500, 'Internal Server Error'),
  },
  {
    name: 'InternalServerError shows it when exposed',
    status: 500,
    thrown: () => new InternalServerError('Ledger offline', { expose: true }),
    body: envelope(500, 'Ledger offline'),
  },
  {
    name: 'ServiceUnavailable with retryAfter',
    status: 503,
    thrown: () => new ServiceUnavailable('Maintenance', { retryAfter: 600 }),
    body: envelope(503, 'Service Unavailable'),
    headers: { 'retry-after': '600' },
  },
  {
    name: 'CodatError with its own status',
    status: 423,
    thrown: () => new CodatError('Ledger locked', { status: 423, exception: 'LedgerLockedException' }),
    body: envelope(423, 'LedgerLockedException: Ledger locked'),
  },
  {
    name: 'http-errors 4xx keeps its exposed message',
    status: 404,
    thrown: () => createHttpError(404, 'No such company'),
    body: envelope(404, 'No such company'),
  },
  {
    name: 'http-errors 4xx with expose false',
    status: 400,
    thrown: () => createHttpError(400, 'internal detail', { expose: false }),
    body: envelope(400, 'Bad Request'),
  },
  {
    name: 'http-errors headers: allowlisted kept, others dropped',
    status: 401,
    thrown: () => createHttpError(401, 'Sign in', { headers: { 'WWW-Authenticate': 'Bearer', 'X-Secret': 'no' } }),
    body: envelope(401, 'Sign in'),
    headers: { 'www-authenticate': 'Bearer' },
  },
  {
    name: 'http-errors 5xx hides even an exposed message',
    status: 502,
    thrown: () => createHttpError(502, 'upstream 10.0.0.7 refused', { expose: true }),
    body: envelope(502, 'Bad Gateway'),
  },
  {
    name: 'body-parser style 413',
    status: 413,
    thrown: () =>
      Object.assign(new Error('request entity too large'), {
        status: 413,
        statusCode: 413,
        expose: true,
        type: 'entity.too.large',
      }),
    body: envelope(413, 'request entity too large'),
  },
  {
    name: 'body-parser JSON parse failure gets a fixed message',
    status: 400,
    thrown: () =>
      Object.assign(new SyntaxError('Unexpected token \'p\', "password=hunter2" is not valid JSON'), {
        status: 400,
        statusCode: 400,
        expose: true,
        type: 'entity.parse.failed',
        body: 'password=hunter2',
      }),
    body: envelope(400, 'Request body is not valid JSON'),
  },
  {
    name: 'Boom 4xx with its headers',
    status: 429,
    thrown: () => {
      const e = Boom.tooManyRequests('Slow down');
      e.output.headers['Retry-After'] = '5';
      return e;
    },
    body: envelope(429, 'Slow down'),
    headers: { 'retry-after': '5' },
  },
  {
    name: 'Boom 5xx',
    status: 500,
    thrown: () => Boom.badImplementation('stack smashed'),
    body: envelope(500, 'Internal Server Error'),
  },
  {
    name: 'status wins over statusCode',
    status: 409,
    thrown: () => Object.assign(new Error('x'), { status: 409, statusCode: 400 }),
    body: envelope(409, 'Conflict'),
  },
  {
    name: 'status out of range is a 500',
    status: 500,
    thrown: () => Object.assign(new Error('moved'), { status: 302 }),
    body: envelope(500, 'Internal Server Error'),
  },
  {
    name: 'plain Error',
    status: 500,
    thrown: () => new Error('db password=secret'),
    body: envelope(500, 'Internal Server Error'),
  },
  { name: 'thrown string', status: 500, thrown: () => 'text', body: envelope(500, 'Internal Server Error') },
  { name: 'thrown null', status: 500, thrown: () => null, body: envelope(500, 'Internal Server Error') },
  { name: 'thrown undefined', status: 500, thrown: () => undefined, body: envelope(500, 'Internal Server Error') },
  { name: 'thrown number', status: 500, thrown: () => 42, body: envelope(500, 'Internal Server Error') },
  {
    name: 'thrown plain object',
    status: 500,
    thrown: () => ({ message: 'db password=secret' }),
    body: envelope(500, 'Internal Server Error'),
  },
  {
    name: 'a foreign exposed 5xx hiding the canary everywhere',
    status: 503,
    body: envelope(503, 'Service Unavailable'),
    thrown: () =>
      Object.assign(new Error(canary, { cause: new Error(canary) }), {
        status: 503,
        expose: true,
        stack: `Error: ${canary}`,
        secret: canary,
        config: { headers: { Authorization: `Bearer ${canary}` } },
        headers: { 'x-secret': canary, 'retry-after': `1\r\n${canary}` },
      }),
  },
  {
    name: 'a foreign unexposed 4xx hiding the canary',
    status: 400,
    body: envelope(400, 'Bad Request'),
    thrown: () =>
      Object.assign(new Error(canary), {
        status: 400,
        expose: false,
        headers: { 'www-authenticate': `Bearer\r\nx-leak: ${canary}`, 'set-cookie': canary },
      }),
  },
  {
    name: 'a catalog 5xx hiding the canary in message, cause and items',
    status: 500,
    body: envelope(500, 'Internal Server Error'),
    thrown: () =>
      new InternalServerError(canary, {
        cause: canary,
        exception: canary,
        validation: { errors: [{ message: canary }] },
      }),
  },
  {
    name: 'validation items keep only their three fields',
    status: 400,
    thrown: () =>
      new BadRequest('Invalid body', {
        validation: {
          errors: [
            JSON.parse(
              `{"itemId":"name","message":"Required","secret":"${canary}","validatorName":{"x":"${canary}"},"__proto__":{"polluted":"${canary}"}}`,
            ),
            { itemId: 7, message: true, validatorName: 'V' },
            { itemId: 'no message' },
            null,
            canary,
          ],
        },
      }),
    body: envelope(400, 'Invalid body', {
      validation: {
        errors: [
          { itemId: 'name', message: 'Required' },
          { itemId: '7', message: 'true', validatorName: 'V' },
        ],
        warnings: [],
      },
    }),
  },
];
