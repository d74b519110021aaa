// JSON Pointer (RFC 6901) helpers for OpenAPI documents, with no dependencies.

/** JSON Pointer escaping of one path segment (`~` → `~0`, `/` → `~1`). */
export function pointerEscape(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The inverse of {@link pointerEscape}: one segment as written in a pointer back to its key. */
export function pointerUnescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Joins a pointer and further segments, escaping each segment: `pointerJoin('/paths', '/a')` is `/paths/~1a`. */
export function pointerJoin(base: string, ...segments: Array<string | number>): string {
  return segments.reduce<string>((pointer, segment) => `${pointer}/${pointerEscape(segment)}`, base);
}

/** The value at a local pointer (`#/a/b` or `/a/b`) in `doc`, or undefined when there is none. */
export function pointerGet(doc: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, segment) =>
        node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[pointerUnescape(segment)],
      doc,
    );
}
