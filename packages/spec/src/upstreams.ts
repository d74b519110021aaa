// Which upstream API serves each operation (its effective server and security scheme), and one document
// per upstream API: client generators ignore path-level `servers`, so a generator fed the whole bundle
// sends every operation to the first root server. Fed one of these, it gets the right host and credential.
import {
  HTTP_METHODS,
  isReference,
  type HttpMethod,
  type OpenApiDocument,
  type OperationObject,
  type PathItemObject,
  type ServerObject,
} from './document.js';
import { listOperations } from './operations.js';

/** Where one operation is served and which credential it takes. */
export interface OperationUpstream {
  method: string;
  path: string;
  operationId: string;
  /** The first of the effective `servers` (operation, else Path Item, else root). */
  server: string;
  /** The security scheme of its requirement (operation's, else the root's). */
  scheme: string;
  /** The scheme's `x-client-option`: the client's option that holds this credential (`metorial`, `devrev`). */
  credential: string;
}

/** The effective servers of an operation: its own, else its Path Item's, else the document's. */
function effectiveServers(spec: OpenApiDocument, item: PathItemObject, operation: OperationObject): ServerObject[] {
  for (const list of [operation.servers, item.servers, spec.servers]) {
    if (Array.isArray(list) && list.length) return list;
  }
  return [];
}

/**
 * A spec that does not say which API serves an operation or which credential it takes. Its message is one
 * line naming the operation and what to change, for a build to print as it is (no stack trace).
 */
export class UpstreamSpecError extends Error {
  override name = 'UpstreamSpecError';
}

/** Every operation of `spec` with its effective server, security scheme and client credential option. */
export function operationUpstreams(spec: OpenApiDocument): OperationUpstream[] {
  const schemes = spec.components?.securitySchemes ?? {};
  const names = Object.keys(schemes).join(', ') || 'none declared';
  return listOperations(spec).map(({ method, path, operationId, operation }) => {
    const item = (spec.paths?.[path] ?? {}) as PathItemObject;
    const where = `${operationId} (${method.toUpperCase()} ${path})`;
    const server = effectiveServers(spec, item, operation)[0]?.url;
    if (typeof server !== 'string')
      throw new UpstreamSpecError(`${where} has no server: give it \`servers\` (its own, its path's or the document's).`);
    const scheme = Object.keys((operation.security ?? spec.security ?? [])[0] ?? {})[0];
    // `security: []` (or `[{}]`) means "no credential", but every operation is served by an API that takes one.
    if (!scheme) {
      const written = operation.security ? `has \`security: ${JSON.stringify(operation.security)}\`` : 'has no `security`';
      throw new UpstreamSpecError(
        `${where} ${written}, so no credential: name its API's security scheme (${names}), or remove its \`security\` to take the document's.`,
      );
    }
    const declared = schemes[scheme];
    const credential = declared && !isReference(declared) ? declared['x-client-option'] : undefined;
    if (typeof credential !== 'string')
      throw new UpstreamSpecError(
        `security scheme ${scheme} has no x-client-option (${where} uses it): add the client option that holds its credential.`,
      );
    return { method, path, operationId, server, scheme, credential };
  });
}

/** The `#/components/<kind>/<name>` targets reachable from `root` through local `$ref`s, as `kind/name`. */
function reachableComponents(spec: OpenApiDocument, root: unknown): Set<string> {
  const found = new Set<string>();
  const components = (spec.components ?? {}) as Record<string, Record<string, unknown>>;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const match = key === '$ref' && typeof value === 'string' ? /^#\/components\/([^/]+)\/([^/]+)$/.exec(value) : null;
      if (match && !found.has(`${match[1]}/${match[2]}`)) {
        found.add(`${match[1]}/${match[2]}`);
        visit(components[match[1]!]?.[match[2]!]);
      } else visit(value);
    }
  };
  visit(root);
  return found;
}

/**
 * One document per client credential option (`metorial`, `devrev`): the operations served by that
 * upstream, its server as the only root server, its scheme as the root security, and only the
 * components, tags and security scheme those operations use.
 */
export function splitByUpstream(spec: OpenApiDocument): Record<string, OpenApiDocument> {
  const documents: Record<string, OpenApiDocument> = {};
  for (const { method, path, server, scheme, credential } of operationUpstreams(spec)) {
    const item = (spec.paths?.[path] ?? {}) as PathItemObject;
    const source = item[method as HttpMethod]!;
    const served = effectiveServers(spec, item, source).find((entry) => entry.url === server)!;
    // The upstream's server and scheme become the document's own: nothing is left for a generator to ignore.
    // Each operation still names its scheme (the same one), as every operation of every bundle does.
    const { servers: _servers, ...rest } = source;
    const operation = { ...rest, security: [{ [scheme]: [] }] };
    const shared = Object.entries(item).filter(([key]) => key !== 'servers' && !(HTTP_METHODS as readonly string[]).includes(key));
    const target = (documents[credential] ??= { ...spec, servers: [served], security: [{ [scheme]: [] }], paths: {} });
    target.paths![path] = { ...(target.paths![path] as PathItemObject), ...Object.fromEntries(shared), [method]: operation };
  }
  for (const document of Object.values(documents)) pruneComponents(spec, document);
  return documents;
}

/** Keeps in `document` only the components, tags and security scheme its paths use. */
function pruneComponents(spec: OpenApiDocument, document: OpenApiDocument): void {
  const used = reachableComponents(spec, document.paths);
  const scheme = Object.keys(document.security?.[0] ?? {})[0]!;
  const components: Record<string, Record<string, unknown>> = {};
  for (const [kind, entries] of Object.entries((spec.components ?? {}) as Record<string, Record<string, unknown>>)) {
    const kept = Object.entries(entries).filter(([name]) => used.has(`${kind}/${name}`) || (kind === 'securitySchemes' && name === scheme));
    if (kept.length) components[kind] = Object.fromEntries(kept);
  }
  document.components = components;
  const tags = new Set(
    Object.values(document.paths ?? {}).flatMap((item) => Object.values(item as object).flatMap((op) => op?.tags ?? [])),
  );
  if (Array.isArray(spec.tags)) document.tags = spec.tags.filter((tag: { name: string }) => tags.has(tag.name));
}
