// A Fastify app with the routes of the Koa example: `npm run start:fastify`, then `curl -i localhost:3000/`.
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { codatErrors, genReqId, MethodNotAllowed } from 'codat-errors/fastify';
import { handlers } from './routes.js';

export { routes } from './routes.js';

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The methods a path answers, listed as @koa/router's allowedMethods() lists them. */
function allowedMethods(path) {
  const answered = handlers
    .filter(([, pattern]) => pattern === path)
    .flatMap(([method]) => (method === 'GET' ? ['HEAD', 'GET'] : [method]));
  return [...new Set(answered)];
}

export async function createApp(options = {}) {
  // genReqId: Fastify's request.id (and its reqId log field) is the correlation id.
  const app = Fastify({ genReqId: genReqId(), ...options });
  await app.register(codatErrors, { service: 'PublicApi' });

  for (const [method, path, handle] of handlers) {
    app.route({ method, url: path, handler: async (request) => handle(request) });
  }
  // Fastify has no allowedMethods(): a known path asked with another method is a 405 with Allow, and
  // OPTIONS lists the methods, as in the Koa example.
  for (const path of new Set(handlers.map(([, pattern]) => pattern))) {
    const allowed = allowedMethods(path);
    app.route({
      method: methods.filter((method) => !allowed.includes(method)),
      url: path,
      handler: async (request, reply) => {
        if (request.method !== 'OPTIONS') throw new MethodNotAllowed(allowed);
        return reply.header('allow', allowed.join(', ')).send();
      },
    });
  }
  return app;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const app = await createApp();
  const address = await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
  console.log(`codat-errors Fastify example on ${address}/`);
}
