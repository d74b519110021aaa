// Bounds on what Prism generates for `Prefer: dynamic=true`: its generator fills an array up to the schema's
// `maxItems` (100 list items, each with its own arrays), so one body of the events list was ~5 MB and 3 s of
// synchronous CPU per try, stalling every other request. Capping every array schema at a few items keeps a
// generated body small; it only tightens the schema, so a body within the cap is still valid against the spec.

/** The most items a generated array holds (a schema's `minItems` above it is kept: its arrays stay valid). */
export const GENERATED_MAX_ITEMS = 3;

/** Keys whose values are data (examples, enums, defaults), never schemas: left untouched. */
const DATA_KEYS = new Set(['example', 'examples', 'enum', 'const', 'default']);

/** Keys whose values map names to schemas (a property named `items` is no array schema). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions']);

/** Caps `maxItems` of every array schema under `root` in place (shared subschemas once). */
export function capArraySchemas(root: unknown, maxItems: number = GENERATED_MAX_ITEMS): void {
  const seen = new Set<object>();
  const visit = (node: unknown, isMap: boolean): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node) || isMap) {
      for (const value of Object.values(node)) visit(value, false);
      return;
    }
    const schema = node as Record<string, unknown>;
    if ([schema.type].flat().includes('array') || 'items' in schema || 'prefixItems' in schema) {
      const declared = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
      const floor = typeof schema.minItems === 'number' ? schema.minItems : 0;
      schema.maxItems = Math.max(floor, Math.min(declared, maxItems));
    }
    for (const [key, value] of Object.entries(schema)) if (!DATA_KEYS.has(key)) visit(value, SCHEMA_MAPS.has(key));
  };
  visit(root, false);
}
