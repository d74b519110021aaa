// @ts-check
// JSON Schemas in words, for Markdown tables: "integer, 1 to 100, default 20", "`asc` | `desc`",
// "`SessionError`" for a named object, "`ErrorType` (`a` | `b`)" for a named enum or scalar. One line,
// no pipes left unescaped.
import { isReference, isSchemaObject, resolveRef } from '@session-obs/spec';

/** @typedef {import('@session-obs/spec').JsonSchema} JsonSchema */
/** @typedef {import('@session-obs/spec').OpenApiDocument} OpenApiDocument */

/**
 * The component name of a `$ref` (`#/components/schemas/SessionError` → `SessionError`), else undefined.
 * @param {unknown} node
 * @returns {string | undefined}
 */
export function componentName(node) {
  return isReference(node) ? node.$ref.split('/').pop() : undefined;
}

/**
 * A node with its `$ref`s followed, when it ends on a schema object (a boolean schema or a dangling `$ref` is none).
 * @param {OpenApiDocument} spec
 * @param {unknown} node
 * @param {boolean} [mergeSiblings] lay keywords written beside a `$ref` (a property's own `description`) over its target
 * @returns {JsonSchema | undefined}
 */
export function resolveSchema(spec, node, mergeSiblings = false) {
  const value = resolveRef(spec, node, '', { mergeSiblings, onUnresolvable: 'stop' }).value;
  return isSchemaObject(value) ? value : undefined;
}

/**
 * Text that is safe inside a Markdown table cell: one line, pipes escaped.
 * @param {unknown} text
 * @returns {string}
 */
export function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/**
 * The limits and default of a schema, in words.
 * @param {JsonSchema} schema
 * @returns {string[]}
 */
function limits(schema) {
  const parts = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined) parts.push(`${schema.minimum} to ${schema.maximum}`);
  else if (schema.minimum !== undefined) parts.push(`at least ${schema.minimum}`);
  else if (schema.maximum !== undefined) parts.push(`at most ${schema.maximum}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined)
    parts.push(`${schema.minLength ?? 0} to ${schema.maxLength ?? '∞'} characters`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) parts.push(`pattern \`${schema.pattern}\``);
  if (schema.format) parts.push(schema.format);
  if (schema.default !== undefined) parts.push(`default \`${JSON.stringify(schema.default)}\``);
  return parts;
}

/**
 * The type of a resolved schema without its limits: enums, arrays, unions, nullability.
 * @param {OpenApiDocument} spec
 * @param {JsonSchema} schema
 * @param {number} depth
 * @returns {string}
 */
function typeOf(spec, schema, depth) {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => `\`${String(value)}\``).join(' | ');
  const union = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(union)) return union.map((member) => schemaText(spec, member, depth + 1)).join(' or ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const named = types.map((type) => (type === 'array' ? `array of ${schemaText(spec, schema.items, depth + 1)}` : type));
  return named.length ? named.join(' or ') : 'any';
}

/**
 * An enum or a single value (string, number, …): no properties, items or union.
 * @param {JsonSchema} schema
 * @returns {boolean}
 */
function isScalar(schema) {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const shaped = schema.properties || schema.items || schema.oneOf || schema.anyOf || schema.allOf;
  return !shaped && (Array.isArray(schema.enum) || (schema.type !== undefined && !types.includes('object') && !types.includes('array')));
}

/**
 * A schema (or `$ref`) in words: a named component as its name, else its type and limits.
 * @param {OpenApiDocument} spec
 * @param {unknown} node
 * @param {number} [depth]
 * @returns {string}
 */
export function schemaText(spec, node, depth = 0) {
  const name = componentName(node);
  if (name && depth > 0) {
    // An object is described on its own page; an enum or scalar is defined nowhere in the text docs, so its values go beside its name.
    const target = resolveSchema(spec, node);
    return target && isScalar(target) ? `\`${name}\` (${schemaText(spec, target, depth)})` : `\`${name}\``;
  }
  // A boolean schema or a dangling `$ref` reads as no constraint: "any".
  const schema = resolveSchema(spec, node, true) ?? {};
  if (depth > 3) return 'object';
  const type = typeOf(spec, schema, depth);
  // A union's members already state their own limits: say each one once.
  return [type, ...limits(schema).filter((part) => !type.includes(part))].join(', ');
}
