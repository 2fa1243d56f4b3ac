import { connect } from 'node:net';

/**
 * Sends `raw` as bytes (latin1) to the server at `url` and resolves with every byte it writes back, once
 * it closes the connection or `done(text)` holds. For what fetch refuses to send or hides: bytes above
 * 0x7F, a header sent twice, pipelined requests, a response cut after its headers.
 */
export function rawExchange(url: string, raw: string, done: (text: string) => boolean = () => false): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(Number(port), hostname, () => socket.write(Buffer.from(raw, 'latin1')));
    socket
      .setEncoding('latin1')
      .on('data', (chunk: string) => {
        text += chunk;
        if (done(text)) socket.end();
      })
      .on('error', reject)
      .on('close', () => resolve(text));
  });
}
