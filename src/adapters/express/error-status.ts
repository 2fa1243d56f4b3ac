// Koa answers an error status left without a body (`ctx.status = 403`) with the envelope; Express
// would send `res.status(404).end()` empty and `res.sendStatus(403)` as text. `correlation` puts an
// `end` and a `sendStatus` that answer both with the envelope on the app's response prototype, once:
// writing them on each response changed its hidden class per request, about 9 µs and as much again
// in GC (`npm run bench:profile -- --app express-ours-ok`). A response only gets the envelope once
// `correlation` stamped its request, as when the methods were put on each response. A response whose
// own `end` something before `correlation` wrapped (OpenTelemetry's http instrumentation, compression)
// would never reach the prototype's: the methods go on that response itself, around the wrapper.
import type { ServerResponse } from 'node:http';
import { isErrorStatus } from '../../contract/status.js';
import type { ErrorResponse } from '../../core/engine.js';
import { setErrorHeaders } from '../../node/response.js';

type End = (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) => ServerResponse;
type SendStatus = (this: ServerResponse, statusCode: number) => unknown;

/** A response of Express: Express puts its request on it, and `correlation` the request's id. */
type WithRequest = ServerResponse & { req: { method?: string | undefined; correlationId?: string | undefined } };

/** What the methods are put on: the app's response prototype, or one response. */
interface Target {
  end: End;
  sendStatus?: SendStatus;
  [guardedBy]?: unknown;
}

/** Whose guard a prototype holds: the methods of one codatErrors() are put on it once. */
const guardedBy = Symbol('codat-errors.statusGuard');

/**
 * Returns what puts the two methods on a response's prototype: `end`, which writes the envelope in
 * place of an empty body when the status is 400–599, nothing was written and no `Content-Type` was
 * set (a body the handler wrote, even an empty one sent with a type, is never replaced); and
 * `sendStatus`, which writes the envelope for 400–599 in place of the status's text. `envelopeFor` is
 * the adapter's answer for a response's error status. When the response has an `end` of its own, or
 * another codatErrors() holds the prototype, the methods go on the response itself, around its own.
 */
export function statusGuard<Response extends WithRequest>(
  envelopeFor: (res: Response) => ErrorResponse,
): (res: Response) => void {
  function guard(target: Target, applies: (res: Response) => boolean): void {
    const endWithout = target.end;
    const sendStatusWithout = target.sendStatus;
    target.end = function end(this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (
        // The status first: on the success path, nothing else is read.
        !isErrorStatus(this.statusCode) ||
        !applies(this) ||
        this.headersSent ||
        (chunk != null && typeof chunk !== 'function') ||
        this.hasHeader('content-type')
      ) {
        return endWithout.call(this, chunk, encoding, callback);
      }
      const done = [chunk, encoding, callback].find((argument) => typeof argument === 'function');
      return writeEnvelope(this, envelopeFor(this), done, endWithout);
    } as End;
    target.sendStatus = function sendStatus(this: Response, statusCode: number) {
      if (!isErrorStatus(statusCode) || !applies(this)) return sendStatusWithout!.call(this, statusCode);
      this.statusCode = statusCode;
      writeEnvelope(this, envelopeFor(this), undefined, endWithout);
      return this;
    } as SendStatus;
  }

  return (res) => {
    const prototype: Target = Object.getPrototypeOf(res);
    const holder = prototype[guardedBy];
    if (Object.hasOwn(res, 'end') || (holder !== undefined && holder !== envelopeFor)) {
      guard(res as Target, always);
    } else if (holder === undefined) {
      prototype[guardedBy] = envelopeFor;
      guard(prototype, stamped);
    }
  };
}

const stamped = (res: WithRequest) => typeof res.req.correlationId === 'string';
const always = () => true;

function writeEnvelope(res: WithRequest, response: ErrorResponse, callback: unknown, end: End): ServerResponse {
  setErrorHeaders(res, response);
  res.statusCode = response.status;
  res.setHeader('content-length', Buffer.byteLength(response.body));
  return end.call(res, res.req.method === 'HEAD' ? undefined : response.body, callback);
}
