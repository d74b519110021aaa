// One-or-many filters: query parameters the spec types as arrays of repeated keys (`?id=a&id=b`). The API
// takes a single value as a list of one, and so does the tool: its input accepts either, and a single
// value is wrapped in a list before the request is built.

type Schema = Record<string, unknown>;

/** A query parameter's converted schema that is a list of values: a one-or-many filter. */
export function isOneOrMany(location: string, schema: Schema): boolean {
  return location === 'query' && schema.type === 'array' && typeof schema.items === 'object' && schema.items !== null;
}

/** The filter's input schema: one item, or the list the spec describes. */
export function oneOrManySchema(schema: Schema): Schema {
  const { description, ...list } = schema;
  return { ...(description !== undefined ? { description } : {}), anyOf: [list.items as Schema, list] };
}

/** The value to send: a single value as a list of one. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}
