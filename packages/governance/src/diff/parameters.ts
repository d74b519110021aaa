// Parameters of an operation (its own and its path item's): removed, added, made required or
// optional, re-serialized, deprecated, and their schemas compared as inputs.
import { deprecationChange, deprecationLabel, removalRule } from '../deprecation.js';
import type { Document, MaybeRef, Parameter, Schema } from '../openapi.js';
import { excerpts } from '../schema/context.js';
import { normalize, normLabel } from '../schema/normalize.js';
import { pointerJoin, resolveRef } from '@session-obs/spec/pointer';
import { AS_RENDERED, type Operation } from '../spec.js';
import { compareSchemas, report, type Scope } from './scope.js';

interface Located {
  parameter: Parameter;
  pointer: string;
  source: string;
}

/** Effective parameters (the operation's override the path item's), keyed by location and name. */
function effectiveParameters(spec: Document, operation: Operation): Map<string, Located> {
  const out = new Map<string, Located>();
  const pathNames = operation.path.split(/[{}]/).filter((_, index) => index % 2 === 1);
  const add = (list: readonly unknown[], base: string) =>
    list.forEach((raw, index) => {
      const resolved = resolveRef<Parameter>(spec, raw as MaybeRef<Parameter>, `${base}/${index}`, AS_RENDERED);
      const parameter = resolved.value;
      if (!parameter) return;
      // Path parameters match by position in the template, so a renamed one is still the same parameter.
      const key =
        parameter.in === 'path' ? `path:#${pathNames.indexOf(parameter.name)}` : `${parameter.in}:${parameter.name.toLowerCase()}`;
      out.set(key, { parameter, pointer: `${base}/${index}`, source: resolved.pointer });
    });
  add(operation.pathParameters, pointerJoin('', 'paths', operation.path, 'parameters'));
  add(operation.operation.parameters ?? [], `${operation.pointer}/parameters`);
  return out;
}

/** The style and explode in effect (OpenAPI defaults: form for query/cookie, simple otherwise; explode only for form). */
function serialization(parameter: Parameter): { style: string; explode: boolean } {
  const style = parameter.style ?? (parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple');
  return { style, explode: parameter.explode ?? style === 'form' };
}

/** Whether every value of the schema is a single value (explode then makes no difference on the wire). */
function isScalar(spec: Document, schema: MaybeRef<Schema> | undefined, source: string): boolean {
  const norm = normalize(spec, schema, source);
  return Boolean(
    norm.types && !norm.variants && [...norm.types].every((type) => ['string', 'number', 'integer', 'boolean'].includes(type)),
  );
}

const label = (parameter: Parameter) => `${parameter.in} parameter "${parameter.name}"`;

/** Compares the parameters of an operation in the last release (`old`) and now (`next`). */
export function diffParameters(scope: Scope, old: Operation, next: Operation): void {
  const before = effectiveParameters(scope.before, old);
  const after = effectiveParameters(scope.after, next);
  for (const [key, { parameter, pointer, source }] of before) {
    if (after.has(key)) continue;
    const rule = removalRule(parameter, 'parameter', scope.today);
    const from = parameter.deprecated ? deprecationLabel(parameter) : label(parameter);
    report(scope, rule, { field: label(parameter), pointer, source, before: from, after: '(removed)' });
  }
  for (const [key, current] of after) {
    const previous = before.get(key);
    const { parameter, pointer, source } = current;
    const field = label(parameter);
    if (!previous) {
      const rule = parameter.required ? 'parameter-added-required' : 'parameter-added-optional';
      const type = normLabel(normalize(scope.after, parameter.schema, `${source}/schema`));
      report(scope, rule, {
        field,
        pointer,
        source,
        before: '(absent)',
        after: `${type}, ${parameter.required ? 'required' : 'optional'}`,
      });
      continue;
    }
    const old = previous.parameter;
    const keyword = (name: string) => ({ field, pointer: `${pointer}/${name}`, source: `${source}/${name}` });
    if (Boolean(old.required) !== Boolean(parameter.required))
      report(scope, parameter.required ? 'parameter-made-required' : 'parameter-made-optional', {
        ...keyword('required'),
        before: old.required ? 'required' : 'optional',
        after: parameter.required ? 'required' : 'optional',
      });
    const [was, is] = [serialization(old), serialization(parameter)];
    const scalar =
      isScalar(scope.before, old.schema, `${previous.source}/schema`) && isScalar(scope.after, parameter.schema, `${source}/schema`);
    if (was.style !== is.style)
      report(scope, 'parameter-serialization-changed', { ...keyword('style'), before: `style ${was.style}`, after: `style ${is.style}` });
    else if (was.explode !== is.explode && !scalar)
      report(scope, 'parameter-serialization-changed', {
        ...keyword('explode'),
        before: `explode ${was.explode}`,
        after: `explode ${is.explode}`,
      });
    if (parameter.in === 'query' && Boolean(old.allowReserved) !== Boolean(parameter.allowReserved))
      report(scope, parameter.allowReserved ? 'parameter-reserved-allowed' : 'parameter-reserved-disallowed', {
        ...keyword('allowReserved'),
        before: `allowReserved ${Boolean(old.allowReserved)}`,
        after: `allowReserved ${Boolean(parameter.allowReserved)}`,
      });
    const deprecation = deprecationChange(old, parameter, 'parameter');
    if (deprecation)
      report(scope, deprecation.rule, { ...keyword(deprecation.keyword), before: deprecation.before, after: deprecation.after });
    if ((old.description ?? '') !== (parameter.description ?? ''))
      report(scope, 'documentation-changed', {
        ...keyword('description'),
        ...excerpts(old.description, parameter.description),
      });
    compareSchemas(
      scope,
      {
        dir: 'request',
        pointer: `${pointer}/schema`,
        sources: { before: `${previous.source}/schema`, after: `${source}/schema` },
        field: (path) => `${parameter.in} parameter "${path}"`,
        root: parameter.name,
        omittable: !parameter.required,
        // On the wire a parameter is text: every number a client sends is also a valid string.
        textual: true,
      },
      old.schema,
      parameter.schema,
    );
  }
}
