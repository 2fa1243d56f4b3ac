// Compiled by test/package/types.test.ts, never run: the handler after validate() sees the parsed values, typed.
import { Ajv, type JSONSchemaType } from 'ajv';
import express from 'express';
import * as v from 'valibot';
import * as z from 'zod';
import { codatErrors, validate } from 'codat-errors/express';

const errors = codatErrors();
const app = express();
app.use(errors.correlation);
app.post(
  '/companies/:id',
  express.json(),
  validate({
    body: z.object({ name: z.string(), tags: z.array(z.string()).default([]) }),
    query: z.object({ limit: z.coerce.number() }),
    params: z.object({ id: z.coerce.number() }),
  }),
  (req, res) => {
    const name: string = req.body.name;
    const tags: string[] = req.body.tags;
    const limit: number = req.query.limit;
    const id: number = req.params.id;
    // @ts-expect-error: the body has no such field.
    req.body.missing;
    // @ts-expect-error: id is a number.
    const idAsString: string = req.params.id;
    res.json({ name, tags, limit, id, idAsString, correlationId: req.correlationId });
  },
);

app.post('/valibot', express.json(), validate({ body: v.object({ email: v.string() }) }), (req, res) => {
  const email: string = req.body.email;
  // @ts-expect-error: the body has no such field.
  req.body.name;
  res.json({ email });
});

// Ajv: a validate function compiled from a JSONSchemaType<T> is a type guard for T.
interface Company {
  name: string;
}
const companySchema: JSONSchemaType<Company> = {
  type: 'object',
  properties: { name: { type: 'string' } },
  required: ['name'],
};
app.post('/ajv', express.json(), validate({ body: new Ajv().compile(companySchema) }), (req, res) => {
  const name: string = req.body.name;
  // @ts-expect-error: the body has no such field.
  req.body.missing;
  res.json({ name });
});

// Parts validate() does not check keep Express's own types.
app.get('/untouched/:id', validate({ body: z.object({ a: z.string() }) }), (req, res) => {
  const id: string = req.params.id;
  const page = req.query.page;
  res.json({ id, page, a: req.body.a });
});
app.use(errors.notFound);
app.use(errors.handler);
