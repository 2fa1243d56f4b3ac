// The routes of both example apps, free of any framework: each handler gets the path parameters and the
// query, and returns the JSON body or throws. examples/koa.js and examples/express.js mount them.
import {
  BadRequest,
  Unauthorized,
  LimitExceeded,
  Forbidden,
  NotFound,
  DatatypeNotSupported,
  Conflict,
  TooManyRequests,
  ServiceUnavailable,
} from 'codat-errors';

const docsUrl = 'https://docs.codat.io/using-the-api/errors';

/**
 * One request per status of the contract, with the status it answers: `curl -i localhost:3000/` lists them.
 * @type {Array<[method: string, path: string, status: number]>}
 */
export const routes = [
  ['GET', '/', 200],
  ['GET', '/companies?page=x', 400],
  ['GET', '/unauthorized', 401],
  ['POST', '/companies', 402],
  ['PUT', '/sync-settings', 402],
  ['GET', '/account', 402],
  ['GET', '/forbidden', 403],
  ['GET', '/invoices/12345/pdf?companyId=360cb9b3-d9cf-4f66-b8db-8a3523fe3dc5', 404],
  ['GET', '/datatypes/invoices', 404],
  ['GET', '/no-such-route', 404],
  ['DELETE', '/companies', 405],
  ['GET', '/data-sets/invoices', 409],
  ['GET', '/rate-limited', 429],
  ['GET', '/crash', 500],
  ['GET', '/thrown-string', 500],
  ['GET', '/maintenance', 503],
];

/** What each app routes: `[method, path pattern, handler({ params, query })]`. */
export const handlers = [
  ['GET', '/', () => ({ routes: routes.map(([method, path, status]) => `${method} ${path} → ${status}`) })],
  [
    'GET',
    '/companies',
    ({ query }) => {
      if (!/^\d+$/.test(String(query.page ?? '1'))) {
        throw new BadRequest('Invalid query', {
          validation: {
            errors: [{ itemId: 'page', message: 'page must be a whole number', validatorName: 'ListCompanies' }],
          },
        });
      }
      return { results: [] };
    },
  ],
  [
    'GET',
    '/unauthorized',
    () => {
      throw new Unauthorized();
    },
  ],
  [
    'POST',
    '/companies',
    () => {
      throw LimitExceeded.companyLimit({ docsUrl });
    },
  ],
  [
    'PUT',
    '/sync-settings',
    () => {
      throw LimitExceeded.syncScheduleNotAllowed({ docsUrl });
    },
  ],
  [
    'GET',
    '/account',
    () => {
      throw LimitExceeded.accountExpired({ docsUrl });
    },
  ],
  [
    'GET',
    '/forbidden',
    () => {
      throw new Forbidden('Endpoint not permitted for this key');
    },
  ],
  [
    'GET',
    '/invoices/:id/pdf',
    ({ params, query }) => {
      throw new NotFound(`Invoice not found for company ${query.companyId} and invoice ID ${params.id}`, {
        exception: 'InvoicePdfNotFoundException',
        service: 'QuickBooksOnline',
      });
    },
  ],
  [
    'GET',
    '/datatypes/:name',
    ({ params }) => {
      throw new DatatypeNotSupported(params.name, ['Xero', 'Sage']);
    },
  ],
  [
    'GET',
    '/data-sets/:name',
    ({ params }) => {
      throw new Conflict(`Data set ${params.name} has not been requested`);
    },
  ],
  [
    'GET',
    '/rate-limited',
    () => {
      throw new TooManyRequests(30);
    },
  ],
  [
    'GET',
    '/crash',
    () => {
      throw new Error('db password=hunter2 is wrong');
    },
  ],
  // Not an Error at all: still the 500 envelope, and the string is never shown.
  [
    'GET',
    '/thrown-string',
    () => {
      throw 'db password=hunter2, thrown as a string';
    },
  ],
  [
    'GET',
    '/maintenance',
    () => {
      throw new ServiceUnavailable('Down for maintenance', { retryAfter: 600, expose: true });
    },
  ],
];
