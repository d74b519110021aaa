// JSON Pointer helpers for the bundled spec, with no dependencies (importable without ajv).

/** JSON Pointer escaping of one path segment (`~` → `~0`, `/` → `~1`). */
export function pointerEscape(segment) {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The value at a local pointer (`#/a/b` or `/a/b`) in `doc`, or undefined when there is none. */
export function pointerGet(doc, pointer) {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .reduce((o, k) => (o == null ? undefined : o[k.replace(/~1/g, '/').replace(/~0/g, '~')]), doc);
}

/**
 * Follows a node's local `$ref` chain (`#/...`) in the spec; returns `[pointer, object]`. Throws on a
 * `$ref` that is not local (the bundle has none) and on a chain of more than 20 hops (a cycle).
 */
export function resolveRef(spec, node, pointer) {
  let current = node;
  let at = pointer;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 20 || !current.$ref.startsWith('#/')) throw new Error(`cannot follow $ref ${current.$ref}`);
    at = current.$ref.slice(1);
    current = pointerGet(spec, at);
  }
  return [at, current];
}
