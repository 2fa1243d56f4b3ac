// Express gives each request its app's prototype (Object.setPrototypeOf) before any middleware runs,
// and V8 then makes a new hidden class for every property added to that request: `req.correlationId =
// id` cost about 4 µs a request, against 76 ns on a plain IncomingMessage. A WeakMap beside the requests
// cost about 1 µs (its set, and collecting its entries). Express also gives each response a `locals` of
// its own, made without a prototype, which V8 keeps as a dictionary (a new key makes no hidden class):
// the id is kept there, as `res.locals.correlationId`, behind a `correlationId` accessor put once on
// each such request prototype; `req.correlationId` reads and writes as it did. Node's own
// IncomingMessage.prototype is never changed.
import { IncomingMessage, type ServerResponse } from 'node:http';
import type { Engine } from '../core/engine.js';

/** A response, with the `locals` Express gives it. */
interface MaybeLocals {
  locals?: Record<string, unknown> | undefined;
}

/** A request as Express makes it: its response on it. */
interface WithLocals {
  res?: MaybeLocals;
}

type CorrelatedRequest = IncomingMessage & { correlationId?: string | undefined };
/** What of the engine picks and echoes a request's id. */
type Correlating = Pick<Engine, 'correlate' | 'correlationHeader'>;

const accessor: PropertyDescriptor = {
  get(this: WithLocals) {
    return this.res?.locals?.correlationId;
  },
  set(this: WithLocals, value: unknown) {
    const locals = this.res?.locals;
    if (locals) locals.correlationId = value;
    // A request without them (made by hand on this prototype) keeps the id as a property of its own.
    else Object.defineProperty(this, 'correlationId', { value, writable: true, enumerable: true, configurable: true });
  },
  configurable: true,
};

// Reading a request's prototype is cheap; looking for the accessor on it is not, so it is done when
// the prototype differs from the last request's (an app has one).
let lastPrototype: object | null | undefined;
let lastHoldsAccessor = false;

/**
 * Sets `req.correlationId`, without adding a property to the request when its prototype is a
 * framework's own (Express's `app.request`); on Express, `res.locals.correlationId` is the same id.
 *
 * @example
 * setCorrelationId(req, res, correlationId); // req.correlationId === res.locals.correlationId === correlationId
 */
export function setCorrelationId(req: CorrelatedRequest, res: MaybeLocals, correlationId: string): void {
  const prototype: object | null = Object.getPrototypeOf(req);
  if (prototype !== lastPrototype) {
    lastHoldsAccessor = holdsAccessor(prototype);
    lastPrototype = prototype;
  }
  // The accessor reads the id from the request's response, which Express makes `res`.
  const locals = lastHoldsAccessor ? res.locals : undefined;
  if (locals) locals.correlationId = correlationId;
  else req.correlationId = correlationId;
}

/**
 * Picks the request's id, sets it as `req.correlationId` and echoes it in the response's header (when
 * the headers are not yet sent).
 */
export function stampCorrelationId(
  engine: Correlating,
  req: CorrelatedRequest,
  res: ServerResponse & MaybeLocals,
): string {
  const correlationId = engine.correlate(req.headers);
  setCorrelationId(req, res, correlationId);
  if (!res.headersSent) res.setHeader(engine.correlationHeader, correlationId);
  return correlationId;
}

/** The id stamped on the request; one that was not stamped (failed before the middleware) gets it now. */
export function correlationIdOf(
  engine: Correlating,
  req: CorrelatedRequest,
  res: ServerResponse & MaybeLocals,
): string {
  return typeof req.correlationId === 'string' ? req.correlationId : stampCorrelationId(engine, req, res);
}

/**
 * Whether a request of this prototype reads its id through the accessor, putting it there first when
 * no `correlationId` is on the prototype's chain (a framework's prototype only, never Node's).
 */
function holdsAccessor(prototype: object | null): boolean {
  if (prototype === null || prototype === IncomingMessage.prototype) return false;
  if (!('correlationId' in prototype)) {
    Object.defineProperty(prototype, 'correlationId', accessor);
    return true;
  }
  // On the chain, as on an Express sub-app's request prototype, whose own prototype is its parent's.
  let holder: object = prototype;
  while (!Object.hasOwn(holder, 'correlationId')) holder = Object.getPrototypeOf(holder);
  return Object.getOwnPropertyDescriptor(holder, 'correlationId')?.get === accessor.get;
}
