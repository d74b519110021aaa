// The spec the mock serves by default: a copy of the bundled OpenAPI document, put into the package's
// `dist/` at build time, so the published package needs nothing else to run.
import { fileURLToPath } from 'node:url';

/** The path of the spec copy inside the package (`dist/openapi.json`). */
export function defaultSpecPath(): string {
  return fileURLToPath(new URL('../dist/openapi.json', import.meta.url));
}
