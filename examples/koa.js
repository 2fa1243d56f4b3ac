// A Koa app with one route per status of the contract: `npm start`, then `curl -i localhost:3000/`.
import { pathToFileURL } from 'node:url';
import Koa from 'koa';
import Router from '@koa/router';
import {
  codatErrors, BadRequest, Unauthorized, LimitExceeded, Forbidden, NotFound, DatatypeNotSupported,
  Conflict, TooManyRequests, ServiceUnavailable,
} from 'codat-errors';

const docsUrl = 'https://docs.codat.io/using-the-api/errors';

/**
 * Each route of the example, with the status it answers.
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
  ['GET', '/maintenance', 503],
];

export function createApp() {
  const app = new Koa();
  app.use(codatErrors({ service: 'PublicApi' }));

  const router = new Router();
  router.get('/', (ctx) => {
    ctx.body = { routes: routes.map(([method, path, status]) => `${method} ${path} → ${status}`) };
  });
  router.get('/companies', (ctx) => {
    if (!/^\d+$/.test(String(ctx.query.page ?? '1'))) {
      throw new BadRequest('Invalid query', {
        validation: { errors: [{ itemId: 'page', message: 'page must be a whole number', validatorName: 'ListCompanies' }] },
      });
    }
    ctx.body = { results: [] };
  });
  router.get('/unauthorized', () => { throw new Unauthorized(); });
  router.post('/companies', () => { throw LimitExceeded.companyLimit({ docsUrl }); });
  router.put('/sync-settings', () => { throw LimitExceeded.syncScheduleNotAllowed({ docsUrl }); });
  router.get('/account', () => { throw LimitExceeded.accountExpired({ docsUrl }); });
  router.get('/forbidden', () => { throw new Forbidden('Endpoint not permitted for this key'); });
  router.get('/invoices/:id/pdf', (ctx) => {
    throw new NotFound(`Invoice not found for company ${ctx.query.companyId} and invoice ID ${ctx.params.id}`,
      { exception: 'InvoicePdfNotFoundException', service: 'QuickBooksOnline' });
  });
  router.get('/datatypes/:name', (ctx) => { throw new DatatypeNotSupported(ctx.params.name, ['Xero', 'Sage']); });
  router.get('/data-sets/:name', (ctx) => { throw new Conflict(`Data set ${ctx.params.name} has not been requested`); });
  router.get('/rate-limited', () => { throw new TooManyRequests(30); });
  router.get('/crash', () => { throw new Error('db password=hunter2 is wrong'); });
  router.get('/maintenance', () => {
    throw new ServiceUnavailable('Down for maintenance', { retryAfter: 600, expose: true });
  });

  app.use(router.routes()).use(router.allowedMethods());
  return app;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  createApp().listen(port, () => console.log(`codat-errors Koa example on http://localhost:${port}/`));
}
