// Checks a response body against the schema the spec declares for its status, the way the spec
// validator of the tests picks it: the exact status, else `4XX`/`5XX`, else `default`.
import type { ConsoleModel, ModelOperation } from './model.js';
import { validate, type Schema, type SchemaProblem } from './validate.js';

/** The verdict on one body: `ok`, a one-line summary, and the problems when it does not match. */
export interface BodyCheck {
  ok: boolean;
  summary: string;
  problems: SchemaProblem[];
}

/** The response key (`200`, `4XX`, `default`) and JSON schema the spec declares for `status`, if any. */
export function schemaFor(operation: ModelOperation, status: number): { key: string; schema: Schema | null } | undefined {
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => candidate in operation.responses);
  return key === undefined ? undefined : { key, schema: operation.responses[key] ?? null };
}

/** Checks `bodyText` (as received) against the spec's schema for `status` of `operation`. */
export function checkBody(model: ConsoleModel, operation: ModelOperation, status: number, bodyText: string): BodyCheck {
  const declared = schemaFor(operation, status);
  if (!declared) return { ok: false, summary: `Status ${status} is not declared for ${operation.method} ${operation.path}.`, problems: [] };
  const where = `the spec's schema for ${declared.key}`;
  if (declared.schema === null) {
    return bodyText === ''
      ? { ok: true, summary: `No body, as the spec declares for ${declared.key}.`, problems: [] }
      : { ok: false, summary: `The spec declares no JSON body for ${declared.key}, but one came back.`, problems: [] };
  }
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return { ok: false, summary: `The body is not JSON; ${where} expects JSON.`, problems: [] };
  }
  const problems = validate(declared.schema, body, model.root);
  return problems.length === 0
    ? { ok: true, summary: `The body matches ${where}.`, problems }
    : { ok: false, summary: `The body does not match ${where}:`, problems };
}
