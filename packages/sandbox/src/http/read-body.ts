// Reading a `/_sandbox/` request body: as UTF-8 text up to a size, or why not (413 too large, 400 not UTF-8).
import type { IncomingMessage } from 'node:http';
import { badRequest, payloadTooLarge, type ErrorDialect } from '@session-obs/spec/server';
import type { HttpReply } from './reply.js';

/** A request body read: its text, or why it has none (larger than the limit; bytes that are not UTF-8). */
export type BodyText = { text: string } | { refused: 'too_large' | 'not_utf8' };

// Fatal: a body that is not UTF-8 is refused, not stored with U+FFFD in place of its bytes.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The 413 or 400 for a body that was not read as text. */
export function refuseBody(dialect: ErrorDialect, refused: 'too_large' | 'not_utf8', maxBytes: number): HttpReply {
  return refused === 'too_large' ? payloadTooLarge(dialect, maxBytes) : badRequest(dialect, 'The body is not valid UTF-8.');
}

/**
 * The body as UTF-8 text, or `too_large` once it is larger than `maxBytes`: reading stops there and the rest
 * is left unread (the answer then closes the connection). Not `for await`: leaving that loop early destroys the
 * request, and with it the socket the 413 was to be sent on.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyText> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve({ refused: 'too_large' });
  // A client gone before the end: the same error as a reset (see the API server's catch).
  const aborted = () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
  // Gone while the request waited (its token looked up): a destroyed stream emits nothing more.
  if (req.destroyed) return Promise.reject(aborted());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (settle: () => void) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      settle();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        req.pause();
        finish(() => resolve({ refused: 'too_large' }));
      }
    };
    const onEnd = () =>
      finish(() => {
        try {
          resolve({ text: utf8.decode(Buffer.concat(chunks)) });
        } catch {
          resolve({ refused: 'not_utf8' });
        }
      });
    const onError = (error: Error) => finish(() => reject(error));
    const onClose = () => finish(() => reject(aborted()));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
