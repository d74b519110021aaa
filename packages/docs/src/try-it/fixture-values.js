// @ts-check
// Which ids of a sandbox's `/_sandbox/fixtures` fill which operation's fields. Plain JavaScript without
// imports: the docs server (the local sandbox, src/try-it-config.js) and the page's console (a hosted
// sandbox's new tenant, console.ts) map them the same way.

/** @typedef {import('./model.js').ConsoleModel} ConsoleModel */
/** What the sandbox's `/_sandbox/fixtures` answers: ids by parameter name, and the observability fixture. */
/** @typedef {Record<string, unknown> & { observability?: Record<string, unknown> }} Fixtures */

/**
 * Values from the sandbox's `/_sandbox/fixtures` for each operation's path and required query parameters:
 * the observability fixture when it names every required query parameter, else the fixture of the same name.
 * @param {ConsoleModel} model
 * @param {Fixtures} fixtures
 */
export function fixtureValues(model, fixtures) {
  /** @type {Record<string, Record<string, string>>} */
  const values = {};
  for (const operation of model.operations) {
    const wanted = operation.params.filter((param) => param.in === 'path' || param.required);
    const requiredQuery = wanted.filter((param) => param.in === 'query');
    /** @type {Record<string, unknown>} */
    const source =
      requiredQuery.length && requiredQuery.every((param) => fixtures.observability?.[param.name])
        ? (fixtures.observability ?? {})
        : fixtures;
    const found = wanted.flatMap((param) => {
      const value = source[param.name];
      return typeof value === 'string' ? [[param.name, value]] : [];
    });
    if (found.length) values[operation.id] = Object.fromEntries(found);
  }
  return values;
}
