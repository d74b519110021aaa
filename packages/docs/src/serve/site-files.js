// @ts-check
// The files of the site as the server sends them: read once and kept until the file changes (its
// size or mtime), each with its ETag and, on demand, its compressed variants (the build's `.br`/`.gz`
// when the server sends the file unchanged, else compressed once here).
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { compress } from './encoding.js';
import { contentType } from './content-type.js';

/** A name with a content hash (`redoc.3f2a9c1b.js`): its content never changes, so it is cached for a year. */
export const HASHED_NAME = /\.[0-9a-f]{10,}\.\w+$/;

/** The build's compressed copy of `path`, unless it is older than the file (a stale copy is never sent). */
async function precompressed(/** @type {string} */ path, /** @type {string} */ copy) {
  const [original, compressed] = await Promise.all([stat(path), stat(copy)]);
  if (compressed.mtimeMs < original.mtimeMs) throw new Error(`${copy} is older than ${path}`);
  return readFile(copy);
}

/**
 * @typedef {object} SiteFile
 * @property {Buffer} body what is sent (after the server's changes)
 * @property {string} type content type
 * @property {string} etag strong validator of `body`
 * @property {boolean} immutable a content-hashed name, sent as built
 * @property {(encoding: 'br' | 'gzip') => Promise<Buffer>} encoded `body` compressed
 */

/**
 * A reader of the files under a root: `get(file)` resolves with a SiteFile or rejects (not found, a directory).
 * `transform(file, text)` may change a text file's content (console settings, local URLs); it returns the text.
 * @param {(file: string, text: string) => string} [transform]
 */
export function siteFiles(transform) {
  /** @type {Map<string, { stamp: string, file: SiteFile }>} */
  const cache = new Map();

  /** @param {string} path */
  async function load(path) {
    const raw = await readFile(path);
    const type = contentType(path);
    const text = type.includes('charset=utf-8') && transform ? transform(path, raw.toString('utf8')) : undefined;
    const body = text === undefined ? raw : Buffer.from(text);
    const unchanged = body.equals(raw);
    /** @type {Map<string, Promise<Buffer>>} */
    const variants = new Map();
    return {
      body,
      type,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      // A hashed name is cached for a year only as built: a body the server changed (other ports) may
      // change again under the same name, so it is revalidated like any other file.
      immutable: HASHED_NAME.test(path) && unchanged,
      /** @param {'br' | 'gzip'} encoding */
      encoded(encoding) {
        let variant = variants.get(encoding);
        if (!variant) {
          const suffix = encoding === 'br' ? '.br' : '.gz';
          variant = (unchanged ? precompressed(path, path + suffix) : Promise.reject(new Error('changed'))).catch(async () =>
            compress(body, encoding),
          );
          variants.set(encoding, variant);
        }
        return variant;
      },
    };
  }

  return {
    /** The file at `path` as sent; rejects when it is missing or a directory. */
    async get(/** @type {string} */ path) {
      const info = await stat(path);
      if (!info.isFile()) throw new Error(`${path} is not a file`);
      const stamp = `${info.size}:${info.mtimeMs}`;
      const cached = cache.get(path);
      if (cached?.stamp === stamp) return cached.file;
      const file = await load(path);
      cache.set(path, { stamp, file });
      return file;
    },
    /** Forgets every file (the transform's inputs changed). */
    clear: () => cache.clear(),
  };
}
