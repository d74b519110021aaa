// Reading a request body (src/http/sandbox-routes.ts): the whole text, refused past the limit (the rest left
// unread) or when it is not UTF-8, and a rejection, never a hang, for a request that is gone, even before reading began.
import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody } from '../src/http/read-body.js';

/** A stream standing in for a request (readBody reads `headers`, the stream's events and `destroyed`). */
function request(headers: Record<string, string> = {}): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & IncomingMessage;
}

describe('readBody', () => {
  it('reads the whole body as text', async () => {
    const req = request();
    const body = readBody(req, 100);
    req.end('{"errors":[]}');
    expect(await body).toEqual({ text: '{"errors":[]}' });
  });

  it('refuses a body that is not UTF-8 instead of replacing its bytes with U+FFFD', async () => {
    const req = request();
    const body = readBody(req, 100);
    req.end(Buffer.concat([Buffer.from('{"message":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]));
    expect(await body).toEqual({ refused: 'not_utf8' });
  });

  it('stops at the limit and leaves the rest unread', async () => {
    const req = request();
    const body = readBody(req, 4);
    req.write('12345');
    expect(await body).toEqual({ refused: 'too_large' });
    expect(req.listenerCount('data')).toBe(0);
  });

  it('rejects (ECONNRESET) for a request destroyed before reading began: a destroyed stream emits nothing more', async () => {
    const req = request();
    req.destroy();
    await expect(readBody(req, 100)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('rejects (ECONNRESET) for a request destroyed while it was being read', async () => {
    const req = request();
    const body = readBody(req, 100);
    req.write('{"err');
    req.destroy();
    await expect(body).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
