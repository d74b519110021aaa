// Properties of two object schemas: removed, added, renamed, made required or optional, and
// compared one by one. `readOnly` ones are ignored in requests, `writeOnly` ones in responses.
import { isDeepStrictEqual } from 'node:util';
import type { Document } from '../openapi.js';
import type { RuleId } from '../rules/index.js';
import { pointerEscape as esc } from '@session-obs/spec/pointer';
import { propertyPath, type SchemaDiffContext } from './context.js';
import type { DiffSchema } from './diff.js';
import { normalize, normLabel, type Norm } from './normalize.js';

const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'deprecated', 'externalDocs', '$comment', 'x-sunset']);

/** A schema without its annotations, refs followed: two of these are equal when a rename kept the shape. */
function shape(spec: Document, norm: Norm, depth = 0): unknown {
  if (depth > 6) return norm.ref ?? null;
  const raw = Object.fromEntries(
    Object.entries(norm.raw).filter(([key]) => !ANNOTATIONS.has(key) && key !== 'properties' && key !== 'items'),
  );
  const child = (schema: Norm['raw']['items'], source: string) => shape(spec, normalize(spec, schema, source), depth + 1);
  return {
    raw,
    nullable: norm.nullable,
    props: Object.fromEntries(Object.entries(norm.properties).map(([name, prop]) => [name, child(prop.schema, prop.source)])),
    items: norm.raw.items ? child(norm.raw.items, `${norm.source}/items`) : undefined,
  };
}

/** Compares the properties of `old` and `next` (objects at `pointer`); recurses through `diffSchema`. */
export function diffProperties(ctx: SchemaDiffContext, old: Norm, next: Norm, pointer: string, path: string, diffSchema: DiffSchema): void {
  const request = ctx.dir === 'request';
  const prop = (norm: Norm, name: string) => norm.properties[name]!;
  const normOf = (spec: Document, norm: Norm, name: string) => normalize(spec, prop(norm, name).schema, prop(norm, name).source);
  const visible = (spec: Document, norm: Norm) =>
    Object.keys(norm.properties).filter((name) => {
      const raw = normOf(spec, norm, name).raw;
      return request ? raw.readOnly !== true : raw.writeOnly !== true;
    });
  const before = visible(ctx.before, old);
  const after = visible(ctx.after, next);
  const removed = before.filter((name) => !after.includes(name));
  const added = after.filter((name) => !before.includes(name));
  const at = (name: string) => `${pointer}/properties/${esc(name)}`;
  const emit = (rule: RuleId, name: string, source: string, from: string, to: string) =>
    ctx.emit({ rule, pointer: at(name), source, path: propertyPath(path, name), before: from, after: to });

  if (!request) {
    // A required property removed while one with the same shape appears is a rename.
    for (const name of removed.filter((candidate) => old.required.has(candidate))) {
      const oldShape = shape(ctx.before, normOf(ctx.before, old, name));
      const twin = added.find((candidate) => isDeepStrictEqual(shape(ctx.after, normOf(ctx.after, next, candidate)), oldShape));
      if (twin === undefined) continue;
      emit('response-property-renamed', name, prop(old, name).source, name, twin);
      removed.splice(removed.indexOf(name), 1);
      added.splice(added.indexOf(twin), 1);
    }
  }
  for (const name of removed) {
    const rule: RuleId = request
      ? 'request-property-removed'
      : old.required.has(name)
        ? 'response-required-property-removed'
        : 'response-optional-property-removed';
    emit(rule, name, prop(old, name).source, normLabel(normOf(ctx.before, old, name)), '(absent)');
  }
  for (const name of added) {
    const required = next.required.has(name);
    const rule: RuleId = request
      ? required
        ? 'request-property-added-required'
        : 'request-property-added-optional'
      : 'response-property-added';
    emit(rule, name, prop(next, name).source, '(absent)', normLabel(normOf(ctx.after, next, name)) + (required ? ' (required)' : ''));
  }
  for (const name of before.filter((candidate) => after.includes(candidate))) {
    const [was, is] = [old.required.has(name), next.required.has(name)];
    if (was !== is) {
      const rule: RuleId = request
        ? is
          ? 'request-property-made-required'
          : 'request-property-made-optional'
        : is
          ? 'response-property-made-required'
          : 'response-property-made-optional';
      emit(rule, name, `${next.source}/required`, was ? 'required' : 'optional', is ? 'required' : 'optional');
    }
    const sources = { before: prop(old, name).source, after: prop(next, name).source };
    // A required input's default is never used.
    const child = { ...ctx, omittable: request ? !is : ctx.omittable };
    diffSchema(child, prop(old, name).schema, prop(next, name).schema, at(name), sources, propertyPath(path, name));
  }
}
