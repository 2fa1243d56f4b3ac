// Compiled by test/package/types.test.ts, never run: ctx.state.correlationId and validate()'s parsed values are typed.
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import * as z from 'zod';
import { codatErrors, createRequestCheck, validate } from 'codat-errors';

const app = new Koa();
app.use(codatErrors());
app.use(bodyParser());
app.use((ctx) => {
  const id: string = ctx.state.correlationId;
  // @ts-expect-error: the id is a string.
  const notANumber: number = ctx.state.correlationId;
  ctx.body = { id, notANumber };
});

const router = new Router();
router.post(
  '/companies/:id',
  validate({
    body: z.object({ name: z.string(), employees: z.number().optional() }),
    query: z.object({ limit: z.coerce.number() }),
    params: z.object({ id: z.coerce.number() }),
  }),
  (ctx) => {
    const name: string = ctx.request.body.name;
    const employees: number | undefined = ctx.request.body.employees;
    const limit: number = ctx.query.limit;
    const id: number = ctx.params.id;
    // @ts-expect-error: the body has no such field.
    ctx.request.body.missing;
    // @ts-expect-error: name is a string.
    const nameAsNumber: number = ctx.request.body.name;
    ctx.body = { name, employees, limit, id, nameAsNumber, state: ctx.state.correlationId };
  },
);
app.use(router.routes());

// Without a router, app.use() merges the parsed values the same way.
app.use(validate({ query: z.object({ page: z.coerce.number().default(1) }) })).use((ctx) => {
  const page: number = ctx.query.page;
  ctx.body = { page };
});

// The framework-free check resolves to the parsed values, typed.
export async function checked(input: unknown): Promise<string> {
  const check = createRequestCheck({ body: z.object({ name: z.string() }) });
  const { body } = await check({ body: input });
  return body.name;
}
