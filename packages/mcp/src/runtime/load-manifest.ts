// The tools to serve: the manifest generated at build time (dist/tools.json), or one generated at start
// from another OpenAPI document (`--spec`), e.g. a newer spec than the one this release was built from.
import { readFileSync } from 'node:fs';
import { generateTools } from '../generate/generate-tools.js';
import type { ToolManifest } from '../generate/manifest.js';
import { UsageError } from './config.js';

/** Where the build writes the manifest, beside the built modules. */
const BUILT_MANIFEST = new URL('./tools.json', import.meta.url);

/** The built-in manifest, or the one of the OpenAPI document (JSON) at `specPath`. */
export function loadManifest(specPath?: string): ToolManifest {
  if (!specPath) {
    try {
      return JSON.parse(readFileSync(BUILT_MANIFEST, 'utf8')) as ToolManifest;
    } catch (error) {
      throw new Error(
        `the tool manifest ${BUILT_MANIFEST.pathname} cannot be read (${(error as Error).message}): run the package's build.`,
        {
          cause: error,
        },
      );
    }
  }
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(specPath, 'utf8'));
  } catch (error) {
    throw new UsageError(`--spec ${specPath} is not a readable JSON OpenAPI document: ${(error as Error).message.split('\n')[0]}`);
  }
  const manifest = generateTools(document as Parameters<typeof generateTools>[0]);
  if (!manifest.tools.length) throw new UsageError(`--spec ${specPath} has no GET operation: there is no tool to serve.`);
  return manifest;
}
