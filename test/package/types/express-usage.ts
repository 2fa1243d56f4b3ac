// Compiled by test/package/types.test.ts, never run: the README's Express set-up must type-check as written.
import express from 'express';
import { codatErrors, LimitExceeded, isErrorEnvelope } from 'codat-errors/express';

const errors = codatErrors({ service: 'PublicApi' });
const app = express();
app.use(errors.correlation);
app.use(express.json());
app.post('/companies', () => {
  throw LimitExceeded.companyLimit();
});
app.get('/whoami', (req, res) => {
  const fromRequest: string = req.correlationId;
  const fromLocals: string = res.locals.correlationId;
  res.json({ fromRequest, fromLocals, envelope: isErrorEnvelope(req.body) });
});
const api = express.Router();
api.use(errors.handler);
app.use('/api', api);
app.use(errors.notFound);
app.use(errors.handler);

// @ts-expect-error: the id is a string.
export const notANumber: number = ({} as express.Request).correlationId;
// @ts-expect-error: options are checked.
codatErrors({ service: 42 });
