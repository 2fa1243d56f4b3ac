// A secret that the test suite plants wherever a thrown value may hide one (message, stack, cause,
// config.headers.Authorization, extra properties): no response of any test may carry it.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export const canary = 'CANARY-db-password-7f3a91';

/** Canary sightings in any response written by a server of the suite (see serve()). */
export const canaryHits: string[] = [];

function check(where: string, value: unknown): void {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof Uint8Array) text = Buffer.from(value).toString('latin1');
  else if (Array.isArray(value)) text = value.join('\n');
  else return;
  if (text.includes(canary)) canaryHits.push(where);
}

/**
 * Watches every byte a server's connections send (status line, headers, body) for the canary. It
 * wraps the socket, not the response: what the adapters put on responses runs as in a user's app.
 */
export function watchForCanary(server: Server): void {
  server.on('connection', (socket: Socket) => {
    const { write } = socket;
    socket.write = function (this: Socket, chunk: unknown, ...rest: unknown[]) {
      check('response', chunk);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as Socket['write'];
  });
}
