// A Fastify app with the codat-errors plugin, as docs/fastify.md sets it up. The registry's Fastify entry
// and the Fastify-only tests all build theirs here.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { CodatErrorsOptions } from 'codat-errors';
import { codatErrors } from 'codat-errors/fastify';
import { serve, type Served } from './serve.ts';

export type FastifyApp = FastifyInstance;

/**
 * Serves the plugin, then what `setup` adds. Without a logger of its own the plugin prints each 5xx
 * on the console, as Fastify's default set-up (no logger) would hide it: a silent Fastify logger by
 * default, so that the tests' own errors stay out of the output.
 */
export async function serveFastify(
  setup: (app: FastifyApp) => void | Promise<void>,
  options?: CodatErrorsOptions,
  quiet = true,
  server: FastifyServerOptions = {},
): Promise<Served & { app: FastifyApp }> {
  const logger = 'loggerInstance' in server ? {} : { logger: quiet ? { level: 'silent' } : false };
  const app = Fastify({ ...logger, ...server });
  await app.register(codatErrors, options ?? {});
  await setup(app);
  await app.ready();
  return { ...(await serve(app.routing)), app };
}
