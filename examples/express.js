// An Express app with the routes of the Koa example: `npm run start:express`, then `curl -i localhost:3000/`.
import { pathToFileURL } from 'node:url';
import express from 'express';
import { codatErrors, MethodNotAllowed } from 'codat-errors/express';
import { handlers } from './routes.js';

export { routes } from './routes.js';

/** The methods a path answers, listed as @koa/router's allowedMethods() lists them. */
function allowedMethods(path) {
  const methods = handlers
    .filter(([, pattern]) => pattern === path)
    .flatMap(([method]) => (method === 'GET' ? ['HEAD', 'GET'] : [method]));
  return [...new Set(methods)];
}

export function createApp() {
  const errors = codatErrors({ service: 'PublicApi' });
  const app = express();
  app.use(errors.correlation);
  app.use(express.json());

  for (const [method, path, handle] of handlers) {
    app[method.toLowerCase()](path, (req, res) => {
      res.json(handle({ params: req.params, query: req.query }));
    });
  }
  // Express has no allowedMethods(): a known path asked with another method is a 405 with Allow,
  // and OPTIONS lists the methods, as in the Koa example.
  for (const path of new Set(handlers.map(([, pattern]) => pattern))) {
    app.all(path, (req, res) => {
      if (req.method !== 'OPTIONS') throw new MethodNotAllowed(allowedMethods(path));
      res.set('Allow', allowedMethods(path).join(', ')).end();
    });
  }
  app.use(errors.notFound);
  app.use(errors.handler);
  return app;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  const server = createApp().listen(port, '127.0.0.1', () =>
    console.log(`codat-errors Express example on http://127.0.0.1:${server.address().port}/`),
  );
}
