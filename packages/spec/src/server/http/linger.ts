// Lingering close, as nginx and Apache do it. After an answer sent while the request's body was still
// arriving (an early 401, 404 or 413), Node's server closes the connection at once; the kernel then answers
// the upload still arriving with a reset, and a client still sending (fetch, curl) reports EPIPE or
// ECONNRESET instead of the answer it was sent. So such a connection is half-closed after the answer, what
// still arrives is read and dropped, and it is closed when the client closes its side or after a bound.

import type { Socket } from 'node:net';

/** How long a connection may go on sending after its answer before it is closed anyway. */
export const LINGER_MS = 2000;

/**
 * Makes the close that follows this socket's `Connection: close` answer a lingering one. Node's HTTP
 * server ends such an answer with `socket.destroySoon()` (end, then destroy), and takes a socket without
 * one as well; this socket's own waits for the client instead, at most `ms`.
 */
export function lingerOnClose(socket: Socket, ms = LINGER_MS): void {
  socket.destroySoon = function destroySoon(this: Socket) {
    this.end();
    const close = () => this.destroy();
    const timer = setTimeout(close, ms);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    // The parser still reads the rest of the body and drops it (Node dumps an unread request). The client's
    // end of the stream means it has sent everything it will.
    this.once('end', close);
  };
}
