// @ts-check
// The build's compressed copies: `<file>.br` and `<file>.gz` beside every text file of dist/ worth
// compressing, at the highest levels (done once here, so a server never spends a request on it).
// Our docs server sends them by `Accept-Encoding`; nginx's `gzip_static`/`brotli_static` do the same.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentType } from '../serve/content-type.js';
import { COMPRESSIBLE, compressMax } from '../serve/encoding.js';

/** Smaller files are sent as they are: compressing them saves less than the headers cost. */
const MIN_BYTES = 1024;

/** Writes `.br` and `.gz` beside each compressible file under `dist`; returns the files compressed. */
export function compressDist(/** @type {string} */ dist) {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => {
    const path = join(dist, name);
    return COMPRESSIBLE.test(contentType(name)) && statSync(path).isFile() && statSync(path).size >= MIN_BYTES;
  });
  for (const name of files) {
    const body = readFileSync(join(dist, name));
    writeFileSync(join(dist, `${name}.br`), compressMax(body, 'br'));
    writeFileSync(join(dist, `${name}.gz`), compressMax(body, 'gzip'));
  }
  return files;
}
