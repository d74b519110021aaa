// Where the bundled documents are, and reading them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isOpenApiDocument, type OpenApiDocument } from './document.js';

// The package finds its own root by name, so the paths are right from the sources and from the build alike.
const packageRoot = dirname(createRequire(import.meta.url).resolve('@session-obs/spec/package.json'));

/** Absolute path of the bundled spec (JSON): `@session-obs/spec/openapi.json`. */
export const bundlePath: string = join(packageRoot, 'dist', 'openapi.json');

/** Absolute path of the bundled sandbox-only document (its `/_sandbox/` routes): `@session-obs/spec/sandbox-api.json`. */
export const sandboxApiPath: string = join(packageRoot, 'dist', 'sandbox-api.json');

/**
 * Reads and parses a bundled document (default: the spec). Throws an Error naming the file when it is
 * not JSON or not an OpenAPI 3.x document (no `openapi` version or no `info`).
 */
export function loadSpec(path: string = bundlePath): OpenApiDocument {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isOpenApiDocument(parsed)) throw new Error(`${path} is not an OpenAPI 3.x document (no "openapi" version or no "info")`);
  return parsed;
}
