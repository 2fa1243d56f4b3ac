// Nest's exceptions and the platforms' own errors, turned into what the core reads. Nest's
// HttpException is a deliberate answer: its status stays, and so does its message below 500.
import { isErrorStatus } from '../../contract/status.js';
import { BadRequest, CodatError } from '../../errors/index.js';

/** The part of Nest's HttpException the adapter reads: duck-typed, as an app may hold two copies of Nest. */
interface HttpExceptionLike {
  getStatus(): unknown;
  getResponse(): unknown;
}

/**
 * What the engine is given for a value Nest's exception filter received: an HttpException below 500
 * becomes a CodatError of its status and message (ValidationPipe's array of messages becomes one
 * validation item each); anything else, a 5xx included, goes on as it is, for the core to mask.
 */
export function fromNest(thrown: unknown): unknown {
  try {
    return translated(thrown);
  } catch {
    // A getter or Proxy trap that throws: the core makes it the 500 it is.
    return thrown;
  }
}

function translated(thrown: unknown): unknown {
  if (!isHttpException(thrown)) return thrown;
  const status = thrown.getStatus();
  if (typeof status !== 'number' || !isErrorStatus(status) || status >= 500) return thrown;
  const response = thrown.getResponse();
  const message =
    typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
  if (Array.isArray(message)) {
    const errors = message.filter((text) => typeof text === 'string').map((text: string) => ({ message: text }));
    return new CodatError(undefined, { status, validation: { errors }, cause: thrown });
  }
  return new CodatError(typeof message === 'string' ? message : undefined, { status, cause: thrown });
}

function isHttpException(thrown: unknown): thrown is HttpExceptionLike {
  return (
    thrown instanceof Error &&
    typeof (thrown as Partial<HttpExceptionLike>).getStatus === 'function' &&
    typeof (thrown as Partial<HttpExceptionLike>).getResponse === 'function'
  );
}

/**
 * An error of Fastify under Nest, before any route: a JSON body that does not parse answers the fixed
 * text Koa's does, as body-parser's does on Express; the others keep their status as they are.
 */
export function fromFastify(error: unknown): unknown {
  try {
    if ((error as { code?: unknown }).code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return new BadRequest('Request body is not valid JSON', { cause: error });
    }
  } catch {
    // A getter that throws: the core makes it the 500 it is.
  }
  return error;
}
