// Koa answers an error status left without a body (`ctx.status = 403`) with the envelope; Express
// would send `res.status(404).end()` empty and `res.sendStatus(403)` as text. `correlation` puts these
// two methods on each response, so that Express answers both with the envelope too. They are made
// once per adapter, not per request: a request pays three property writes, and a response that ends
// below 400 one comparison more.
import type { ServerResponse } from 'node:http';
import { isErrorStatus } from '../../contract/status.js';
import type { ErrorResponse } from '../../core/engine.js';
import { setErrorHeaders } from '../../node/response.js';

type End = (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) => ServerResponse;

const endBeforeEnvelope = Symbol('codat-errors.endBeforeEnvelope');

/** A response once the two methods are on it. */
interface Guarded extends ServerResponse {
  [endBeforeEnvelope]: End;
  sendStatus(statusCode: number): unknown;
}

/** A response of Express: Express puts its request on it. */
type WithRequest = ServerResponse & { req: { method?: string | undefined } };

/**
 * Returns what puts the two methods on a response: `end`, which writes the envelope in place of an
 * empty body when the status is 400–599, nothing was written and no `Content-Type` was set (a body
 * the handler wrote, even an empty one sent with a type, is never replaced); and `sendStatus`, which
 * writes the envelope for 400–599 in place of the status's text. `envelopeFor` is the adapter's
 * answer for a response's error status.
 */
export function statusGuard<Response extends WithRequest>(
  envelopeFor: (res: Response) => ErrorResponse,
): (res: Response) => void {
  function end(this: Guarded & Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (
      !isErrorStatus(this.statusCode) ||
      this.headersSent ||
      (chunk != null && typeof chunk !== 'function') ||
      this.hasHeader('content-type')
    ) {
      return this[endBeforeEnvelope](chunk, encoding, callback);
    }
    const done = [chunk, encoding, callback].find((argument) => typeof argument === 'function');
    return writeEnvelope(this, envelopeFor(this), done);
  }

  function sendStatus(this: Guarded & Response, statusCode: number) {
    if (!isErrorStatus(statusCode)) return Object.getPrototypeOf(this).sendStatus.call(this, statusCode);
    this.statusCode = statusCode;
    writeEnvelope(this, envelopeFor(this), undefined);
    return this;
  }

  return (res) => {
    const plain: ServerResponse = res;
    const guarded = plain as Guarded;
    guarded[endBeforeEnvelope] = plain.end as End;
    plain.end = end as ServerResponse['end'];
    guarded.sendStatus = sendStatus as Guarded['sendStatus'];
  };
}

function writeEnvelope(res: Guarded & WithRequest, response: ErrorResponse, callback: unknown): ServerResponse {
  setErrorHeaders(res, response);
  res.statusCode = response.status;
  res.setHeader('content-length', Buffer.byteLength(response.body));
  return res[endBeforeEnvelope](res.req.method === 'HEAD' ? undefined : response.body, callback);
}
