// Spectral function: a `type: object` schema says what it holds — `properties`, or `additionalProperties`
// (`true` or a schema for free-form data) — or takes its shape from `allOf`/`oneOf`/`anyOf`. Without any,
// openapi-typescript types it `Record<string, never>` and a consumer cannot read a field of it.

/**
 * @param {unknown} schema
 * @returns {Array<{ message: string }>}
 */
export default function declaresObjectShape(schema) {
  if (schema === null || typeof schema !== 'object') return [];
  const node = /** @type {Record<string, unknown>} */ (schema);
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (!types.includes('object')) return [];
  const shaped = ['properties', 'additionalProperties', 'patternProperties', 'allOf', 'oneOf', 'anyOf'].some((key) => key in node);
  return shaped ? [] : [{ message: 'Declare `properties`, or `additionalProperties: true` (or a schema) for a free-form object.' }];
}
