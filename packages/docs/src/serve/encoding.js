// @ts-check
// Compressed bodies: the build ships `.br` and `.gz` beside each text file of dist/ (compressed once, at
// the highest levels); a body the server changed (console settings, local URLs) is compressed when
// first asked for, at levels fast enough for a request, and kept until the file changes.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Content types worth compressing. */
export const COMPRESSIBLE = /^(text\/|application\/(json|javascript|yaml)|image\/svg\+xml)/;

/**
 * The encoding to send for an `Accept-Encoding` header: `br`, `gzip` or undefined (identity).
 * @param {string | undefined} accept
 * @returns {'br' | 'gzip' | undefined}
 */
export function chooseEncoding(accept) {
  const offered = new Map();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((param) => /^\s*q=([\d.]+)/.exec(param)?.[1]).find(Boolean);
    offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (/** @type {string} */ name) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return undefined;
}

/** `body` compressed with `encoding` at request-time levels (brotli 5, gzip 6). */
export function compress(/** @type {Buffer} */ body, /** @type {'br' | 'gzip'} */ encoding) {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 6 });
}

/** `body` compressed with `encoding` at the highest levels (for the build: done once). */
export function compressMax(/** @type {Buffer} */ body, /** @type {'br' | 'gzip'} */ encoding) {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : gzipSync(body, { level: 9 });
}
