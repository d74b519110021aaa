// Which upstream API an operation belongs to, from its servers: the spec gives the session endpoints
// and the observability endpoint different production hosts, and each host takes its own credential.
import { resolveRef, type OpenApiDocument } from '@session-obs/spec/pointer';

interface ServerObject {
  url?: unknown;
  'x-internal'?: unknown;
}

/** The servers that apply to an operation: its own, else its Path Item's, else the document's. */
function serversOf(spec: OpenApiDocument, path: string, operation: object): ServerObject[] {
  const item = resolveRef<{ servers?: unknown }>(spec, spec.paths?.[path], '', { onUnresolvable: 'stop' }).value;
  for (const list of [(operation as { servers?: unknown }).servers, item?.servers, spec.servers])
    if (Array.isArray(list) && list.length) return list as ServerObject[];
  return [];
}

/**
 * The operation's upstream: its production URL (the first server not marked `x-internal: true`) and a
 * name from that host, the label before the top-level domain (`api.metorial.com` → `metorial`,
 * `api.devrev.ai` → `devrev`). An operation with no production server belongs to `default`.
 */
export function upstreamOf(spec: OpenApiDocument, path: string, operation: object): { name: string; productionUrl: string } {
  const production = serversOf(spec, path, operation).find((server) => server['x-internal'] !== true && typeof server.url === 'string');
  const url = typeof production?.url === 'string' && URL.canParse(production.url) ? new URL(production.url) : undefined;
  if (!url) return { name: 'default', productionUrl: '' };
  const labels = url.hostname.split('.');
  const name = (labels.length > 1 ? labels[labels.length - 2]! : labels[0]!).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { name, productionUrl: production!.url as string };
}
