import type { IncomingMessage } from 'node:http';
import { resolveOptions, type CodatErrorsOptions } from '../../core/options.js';

/** The options that choose an id: those of the plugin's correlation policy. */
export type GenReqIdOptions = Pick<
  CodatErrorsOptions,
  'correlationHeader' | 'generateId' | 'trustIncomingId' | 'traceIdAsCorrelationId'
>;

const policyOptions: ReadonlySet<string> = new Set([
  'correlationHeader',
  'generateId',
  'trustIncomingId',
  'traceIdAsCorrelationId',
]);

/** Where genReqId leaves the id it chose, for the plugin to reuse rather than choose again. */
export const chosenId = Symbol('codat-errors.correlationId');

/** A raw request that genReqId has seen. */
export interface ChosenRequest extends IncomingMessage {
  [chosenId]?: string;
}

/**
 * Returns a function for Fastify's `genReqId` server option that picks the id by the plugin's policy
 * (a valid incoming id reused, else a new one), so that `request.id`, Fastify's `reqId` log field and
 * the envelope carry one id. Give it the same correlation options as the plugin.
 *
 * @example
 * const app = Fastify({ logger: true, genReqId: genReqId() });
 * await app.register(codatErrors, { service: 'PublicApi' });
 */
export function genReqId(options: GenReqIdOptions = {}): (req: IncomingMessage) => string {
  if (typeof options === 'object' && options !== null) {
    for (const name of Object.keys(options)) {
      if (!policyOptions.has(name)) {
        throw new TypeError(
          `codat-errors: genReqId() takes only the options that choose an id (${[...policyOptions].join(', ')}); give "${name}" to the plugin`,
        );
      }
    }
  }
  const { correlate } = resolveOptions(options);
  return function codatErrorsGenReqId(req: ChosenRequest) {
    const id = correlate(req.headers);
    req[chosenId] = id;
    return id;
  };
}
