// Where the bundled documents are, and reading them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The package finds its own root by name, so the paths are right from the sources and from the build alike.
const packageRoot = dirname(createRequire(import.meta.url).resolve('@session-obs/spec/package.json'));

/** Absolute path of the bundled spec (JSON): `@session-obs/spec/openapi.json`. */
export const bundlePath: string = join(packageRoot, 'dist', 'openapi.json');

/** Absolute path of the bundled sandbox-only document (its `/_sandbox/` routes): `@session-obs/spec/sandbox-api.json`. */
export const sandboxApiPath: string = join(packageRoot, 'dist', 'sandbox-api.json');

/**
 * Reads and parses a bundled document (default: the spec). Parsed JSON is not checked against a type:
 * the result is `any` unless you name one (`loadSpec<OpenApiDocument>()`).
 */
export function loadSpec<Document = any>(path: string = bundlePath): Document {
  return JSON.parse(readFileSync(path, 'utf8')) as Document;
}
