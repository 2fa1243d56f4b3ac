// Compiled as a CommonJS project by test/package/commonjs-types.test.ts (TypeScript 5, "module": "commonjs",
// "moduleResolution": "node10"), then run: every subpath resolves and the typed handler works.
import express from 'express';
import { CodatApiError } from 'codat-errors/client';
import { codatErrors, validate } from 'codat-errors/express';
import * as z from 'zod';

const errors = codatErrors({ service: 'CommonJs' });
const app = express();
app.use(errors.correlation);
app.post('/companies', express.json(), validate({ body: z.object({ name: z.string().min(1) }) }), (req, res) => {
  const name: string = req.body.name;
  res.json({ name, correlationId: req.correlationId });
});
app.use(errors.notFound);
app.use(errors.handler);

const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address() as { port: number };
  const response = await fetch(`http://127.0.0.1:${port}/companies`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-correlation-id': 'commonjs-1' },
    body: JSON.stringify({ name: '' }),
  });
  const error = await CodatApiError.fromResponse(response);
  console.log(
    JSON.stringify({ statusCode: error?.statusCode, itemIds: error?.validation?.errors.map((item) => item.itemId) }),
  );
  server.close();
});
