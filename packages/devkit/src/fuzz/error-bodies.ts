// A fuzz check for servers that speak the API's error dialects: every refusal (4xx/5xx) carries a JSON body
// that one of the spec's error schemas for that status accepts (a status the spec never declares, such as
// 405 or 431, against those of 400), and a body that names its status names the HTTP one.
import { createSpecValidator, listOperations, type OpenApiDocument, type ValidateFunction } from '@session-obs/spec';
import type { HostileRequest } from './hostile-requests.js';
import type { RawAnswer } from './raw-exchange.js';

/** Builds the check from an OpenAPI document: `(request, answer) => problem | undefined`. */
export function errorBodyCheck(spec: OpenApiDocument): (request: HostileRequest, answer: RawAnswer) => string | undefined {
  const validator = createSpecValidator(spec);
  const schemas = new Map<number, ValidateFunction[]>();
  for (const { method, path, operation } of listOperations(spec)) {
    for (const status of Object.keys(operation.responses ?? {}).filter((s) => /^[45]\d\d$/.test(s))) {
      const pointer = validator.responseSchemaPointer(method, path, status);
      if (!pointer) continue;
      const list = schemas.get(Number(status)) ?? [];
      const compiled = validator.compile(pointer);
      if (!list.includes(compiled)) list.push(compiled);
      schemas.set(Number(status), list);
    }
  }

  return (request, answer) => {
    const status = answer.status ?? 0;
    if (status < 400 || request.method === 'HEAD') return undefined;
    if (!/^application\/json\b/i.test(answer.headers['content-type'] ?? '')) {
      return `a ${status} without a JSON body (content-type "${answer.headers['content-type'] ?? ''}")`;
    }
    let body: unknown;
    try {
      body = JSON.parse(answer.body.toString('utf8'));
    } catch {
      return `a ${status} whose body is not JSON: ${answer.body.toString('utf8').slice(0, 200)}`;
    }
    const named = (body as { status?: unknown } | null)?.status;
    if (typeof named === 'number' && named !== status) return `a ${status} whose body says status ${named}`;
    const candidates = schemas.get(status) ?? schemas.get(400) ?? [];
    if (candidates.some((validate) => validate(body))) return undefined;
    return `a ${status} body that no error schema of the spec accepts: ${JSON.stringify(body).slice(0, 300)}`;
  };
}
