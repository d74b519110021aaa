// The named examples the spec gives for each operation and status, read once from the bundled spec, and
// the choice of the one that fits a request. Prism alone always answers a status's first example; the mock
// asks it for the example whose fields agree with what the request named: `platform=web` gets the web
// session, a 404 of `/session-error-groups/{session_error_group_id}` the error group's 404.
import {
  listOperations,
  pointerEscape,
  resolveRef,
  type ExampleObject,
  type OpenApiDocument,
  type ResponseObject,
} from '@session-obs/spec';

export interface NamedExample {
  key: string;
  value: unknown;
}

export interface ExampleCatalogue {
  /** The statuses the operation declares, in the spec's order (`default` and `4XX` ranges left out). */
  statuses(method: string, specPath: string): number[];
  /** The JSON examples of that operation and status, in the spec's order. */
  examples(method: string, specPath: string, status: number): NamedExample[];
}

const MEDIA_TYPE = 'application/json';

/** Reads every operation's named examples out of an OpenAPI document (local `$ref`s followed). */
export function catalogueExamples(spec: OpenApiDocument): ExampleCatalogue {
  const byOperation = new Map<string, Map<number, NamedExample[]>>();
  for (const { method, path, operation, pointer: at } of listOperations(spec)) {
    const byStatus = new Map<number, NamedExample[]>();
    for (const [status, node] of Object.entries(operation.responses ?? {})) {
      if (!/^\d{3}$/.test(status)) continue;
      const { pointer, value: response } = resolveRef<ResponseObject>(spec, node, `${at}/responses/${status}`);
      const examples = response?.content?.[MEDIA_TYPE]?.examples ?? {};
      byStatus.set(
        Number(status),
        Object.entries(examples).map(([key, example]) => ({
          key,
          value: resolveRef<ExampleObject>(spec, example, `${pointer}/content/${pointerEscape(MEDIA_TYPE)}/examples/${key}`).value?.value,
        })),
      );
    }
    byOperation.set(`${method} ${path}`, byStatus);
  }
  return {
    statuses: (method, specPath) => [...(byOperation.get(`${method} ${specPath}`)?.keys() ?? [])],
    examples: (method, specPath, status) => byOperation.get(`${method} ${specPath}`)?.get(status) ?? [],
  };
}

/**
 * What a request says about the object it wants, for choosing an example: its enum-valued parameters
 * (`platform: web`) and the object its last path id names, as the error bodies' `entity` calls it
 * (`…/{session_error_group_id}` → `session.error_group`; `/sessions/{session_id}/errors` → `session`).
 */
export function requestFacts(specPath: string, enumValues: Record<string, string>): Record<string, string> {
  const lastId = [...specPath.matchAll(/\{([a-z_]+)_id\}/g)].at(-1)?.[1];
  return lastId ? { ...enumValues, entity: lastId.replace('_', '.') } : { ...enumValues };
}

/**
 * The key of the example that fits the facts best: each fact whose name appears as a field of the example
 * (searched through nested objects, not arrays) counts for it when the values agree and against it when
 * they differ. Ties keep the spec's order; undefined when there are no examples.
 */
export function fittingExampleKey(examples: NamedExample[], facts: Record<string, string>): string | undefined {
  let best: NamedExample | undefined;
  let bestScore = -Infinity;
  for (const example of examples) {
    let score = 0;
    for (const [name, wanted] of Object.entries(facts)) {
      const found = fieldValue(example.value, name, 3);
      if (found !== undefined) score += found === wanted ? 1 : -1;
    }
    if (score > bestScore) {
      best = example;
      bestScore = score;
    }
  }
  return best?.key;
}

/** The first string value of a field called `name` within `depth` levels of nested objects. */
function fieldValue(value: unknown, name: string, depth: number): string | undefined {
  if (depth < 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record[name] === 'string') return record[name];
  for (const child of Object.values(record)) {
    const found = fieldValue(child, name, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
