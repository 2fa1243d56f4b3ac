// Hono's own errors and answers, turned into what the core reads: an HTTPException into a status with
// its message (shown below 500) and its response's headers; Hono's default plain-text answers to an
// unmatched route and (from its methodNotAllowed middleware) to a wrong method, recognised as such.

/** The fields of Hono's `HTTPException` (hono/http-exception) read here, without importing Hono. */
interface HttpException extends Error {
  status: number;
  res?: Response | undefined;
  getResponse(): Response;
}

function isHttpException(error: Error): error is HttpException {
  return typeof (error as Partial<HttpException>).getResponse === 'function';
}

/** What the engine is given for an error Hono routed to `app.onError`; an HTTPException stays the `cause`. */
export function fromHono(error: Error): unknown {
  if (!isHttpException(error)) return error;
  const { status, res, message } = error;
  const headers = res instanceof Response ? Object.fromEntries(res.headers) : undefined;
  return Object.assign(new Error(message, { cause: error }), { status, expose: status < 500, headers });
}

/** Hono's default answers that mean "no such route" and "no such method here", by status. */
const honoDefaults: ReadonlyMap<number, string> = new Map([
  [404, '404 Not Found'],
  [405, 'Method Not Allowed'],
]);

/** True for Hono's own plain-text 404 (its `notFound`) or 405 (its `methodNotAllowed` middleware). */
export async function isHonoDefault(response: Response): Promise<boolean> {
  const text = honoDefaults.get(response.status);
  if (text === undefined || !response.headers.get('content-type')?.startsWith('text/plain')) return false;
  return (await response.clone().text()) === text;
}
