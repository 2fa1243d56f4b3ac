// An Express app behind the adapter, as the README sets it up. The registry's Express entries and the
// Express-only tests all build theirs here.
import express5 from 'express';
// @ts-expect-error: Express 4 is installed under an alias; its types are those of Express 5 here.
import express4Untyped from 'express4';
import type { CodatErrorsOptions } from 'codat-errors';
import { codatErrors } from 'codat-errors/express';
import { serve, type Served } from './serve.ts';

export type Express = typeof express5;
export type ExpressApp = ReturnType<Express>;
export const express4 = express4Untyped as Express;

export const expressMajors = [
  ['Express 5', express5],
  ['Express 4', express4],
] as const;

/**
 * Serves `correlation`, then what `setup` adds, then `notFound` and `handler`. Express prints each
 * error it handles outside its `test` environment, and so does the adapter without a logger: `test`
 * by default, so that the tests' own errors stay out of the output.
 */
export async function serveExpress(
  express: Express,
  setup: (app: ExpressApp) => void,
  options?: CodatErrorsOptions,
  quiet = true,
): Promise<Served> {
  const errors = codatErrors(options);
  const app = express();
  if (quiet) app.set('env', 'test');
  app.use(errors.correlation);
  setup(app);
  app.use(errors.notFound);
  app.use(errors.handler);
  return serve(app);
}
