// Shared by the mock's tests: the bundled spec, a validator over it, and a GET that returns status, headers and JSON.
import { createSpecValidator, formatErrors, loadSpec } from '@session-obs/spec';

export const spec = loadSpec();
export const validator = createSpecValidator(spec);
export const AUTH = { Authorization: 'Bearer test' };

/** GETs `path` from `base`; the body parsed as JSON when there is one. */
export async function get(base: string, path: string, headers: Record<string, string> = AUTH) {
  const response = await fetch(base + path, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The problems of a body against the schema the spec declares for this operation and status ('' when valid). */
export function specProblems(specPath: string, status: number, body: unknown): string {
  const result = validator.validateResponse('get', specPath, status, body);
  return result.valid ? '' : formatErrors(result.errors);
}
