// A Koa app with one route per status of the contract: `npm start`, then `curl -i localhost:3000/`.
import { pathToFileURL } from 'node:url';
import Koa from 'koa';
import Router from '@koa/router';
import { codatErrors } from 'codat-errors';
import { handlers } from './routes.js';

export { routes } from './routes.js';

export function createApp() {
  const app = new Koa();
  app.use(codatErrors({ service: 'PublicApi' }));

  const router = new Router();
  for (const [method, path, handle] of handlers) {
    router[method.toLowerCase()](path, (ctx) => {
      ctx.body = handle({ params: ctx.params, query: ctx.query });
    });
  }
  app.use(router.routes()).use(router.allowedMethods());
  return app;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  const server = createApp().listen(port, '127.0.0.1', () =>
    console.log(`codat-errors Koa example on http://127.0.0.1:${server.address().port}/`),
  );
}
