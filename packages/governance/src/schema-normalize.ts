// Brings a JSON Schema (OpenAPI 3.0 or 3.1) into one comparable shape: refs followed, allOf merged,
// `null` pulled out of type arrays, `nullable` and oneOf/anyOf null branches into one flag.
import { esc, resolve, type Spec } from './spec.js';

/** A property of an object schema, with where its definition lives. */
export interface Prop {
  schema: any;
  source: string;
}

/** A schema reduced to what the differ compares. */
export interface Norm {
  /** Allowed JSON types besides null; undefined means any. */
  types?: Set<string>;
  nullable: boolean;
  enum?: unknown[];
  properties: Record<string, Prop>;
  required: Set<string>;
  variants?: Array<{ schema: any; source: string; label: string; ref?: string }>;
  raw: any;
  source: string;
  ref?: string;
}

const UPPER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
const LOWER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
export const LIMITS = { upper: UPPER, lower: LOWER };

const isNullSchema = (s: any) =>
  s &&
  (s.type === 'null' ||
    (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null') ||
    s.const === null ||
    (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null));

/** Merges the members of an `allOf` into one schema (strictest limits win, required is the union). */
function mergeAllOf(spec: Spec, node: any, source: string): { node: any; propSources: Record<string, string> } {
  const { allOf, ...own } = node;
  const propSources: Record<string, string> = {};
  for (const name of Object.keys(own.properties ?? {})) propSources[name] = `${source}/properties/${esc(name)}`;
  let merged: any = { ...own };
  (allOf as any[]).forEach((member, i) => {
    const r = resolve(spec, member, `${source}/allOf/${i}`);
    const sub = r.node?.allOf
      ? mergeAllOf(spec, r.node, r.source)
      : {
          node: r.node ?? {},
          propSources: Object.fromEntries(Object.keys(r.node?.properties ?? {}).map((n) => [n, `${r.source}/properties/${esc(n)}`])),
        };
    const s = sub.node;
    const props = { ...(merged.properties ?? {}) };
    for (const [name, schema] of Object.entries<any>(s.properties ?? {})) {
      props[name] = props[name] ? { allOf: [props[name], schema] } : schema;
      propSources[name] ??= sub.propSources[name] ?? `${r.source}/properties/${esc(name)}`;
    }
    const next: any = { ...s, ...merged, properties: props };
    if (s.required || merged.required) next.required = [...new Set([...(merged.required ?? []), ...(s.required ?? [])])];
    if (s.type && merged.type) {
      const a = [s.type].flat();
      next.type = [merged.type].flat().filter((t: string) => a.includes(t));
    }
    for (const k of UPPER) if (typeof s[k] === 'number' && typeof merged[k] === 'number') next[k] = Math.min(s[k], merged[k]);
    for (const k of LOWER) if (typeof s[k] === 'number' && typeof merged[k] === 'number') next[k] = Math.max(s[k], merged[k]);
    if (!Object.keys(props).length) delete next.properties;
    merged = next;
  });
  return { node: merged, propSources };
}

/** Normalizes the schema at `source` (following refs); `raw` may be undefined (no schema). */
export function normalize(spec: Spec, raw: any, source: string): Norm {
  const r = resolve(spec, raw, source);
  let node = r.node ?? {};
  let propSources: Record<string, string> = {};
  if (Array.isArray(node.allOf)) ({ node, propSources } = mergeAllOf(spec, node, r.source));
  let nullable = node.nullable === true;
  let variants: Norm['variants'];
  const union = node.oneOf ? 'oneOf' : node.anyOf ? 'anyOf' : undefined;
  if (union) {
    const members = (node[union] as any[]).map((m, i) => ({ m, res: resolve(spec, m, `${r.source}/${union}/${i}`) }));
    const nonNull = members.filter(({ res }) => !isNullSchema(res.node));
    if (nonNull.length < members.length) nullable = true;
    const hasOwnShape = node.type || node.properties || node.enum;
    if (nonNull.length === 1 && !hasOwnShape) {
      const { [union]: _drop, ...rest } = node;
      const inner = normalize(spec, nonNull[0]!.m, nonNull[0]!.res.source === r.source ? `${r.source}/${union}/0` : nonNull[0]!.res.source);
      return {
        ...inner,
        raw: { ...inner.raw, ...rest },
        nullable: nullable || inner.nullable,
        source: inner.source,
        ...(inner.ref ? { ref: inner.ref } : {}),
      };
    }
    variants = nonNull.map(({ m, res }, i) => ({
      schema: m,
      source: res.source,
      ...(res.ref ? { ref: res.ref } : {}),
      label: res.ref?.split('/').pop() ?? res.node?.title ?? typeLabel(res.node) ?? `#${i}`,
    }));
  }
  let types: Set<string> | undefined;
  if (node.type !== undefined) {
    const list: string[] = [node.type].flat();
    if (list.includes('null')) nullable = true;
    types = new Set(list.filter((t) => t !== 'null'));
  } else if (node.properties) types = new Set(['object']);
  else if (node.items) types = new Set(['array']);
  let values: unknown[] | undefined = Array.isArray(node.enum) ? node.enum : node.const !== undefined ? [node.const] : undefined;
  if (values?.includes(null)) {
    nullable = true;
    values = values.filter((v) => v !== null);
  }
  const properties: Record<string, Prop> = {};
  for (const [name, schema] of Object.entries<any>(node.properties ?? {}))
    properties[name] = { schema, source: propSources[name] ?? `${r.source}/properties/${esc(name)}` };
  return {
    ...(types ? { types } : {}),
    nullable,
    ...(values ? { enum: values } : {}),
    properties,
    required: new Set<string>(node.required ?? []),
    ...(variants ? { variants } : {}),
    raw: node,
    source: r.source,
    ...(r.ref ? { ref: r.ref } : {}),
  };
}

/** Short human label of a schema's type: `string`, `string | null`, `array<integer>`. */
export function typeLabel(node: any): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const t = node.type ?? (node.properties ? 'object' : node.items ? 'array' : undefined);
  if (t === undefined) return undefined;
  const base = [t].flat().join(' | ');
  return node.format ? `${base} (${node.format})` : base;
}

/** Label of a normalized schema, with nullability. */
export function normLabel(n: Norm): string {
  const t = n.types ? [...n.types].join(' | ') : n.variants ? n.variants.map((v) => v.label).join(' | ') : 'any';
  const f = n.raw?.format ? ` (${n.raw.format})` : '';
  return `${t}${f}${n.nullable ? ' | null' : ''}`;
}
