/** JSON Pointer escaping of one path segment. */
export declare function pointerEscape(segment: string | number): string;
/** The value at a local pointer (`#/a/b` or `/a/b`), or undefined. */
export declare function pointerGet(doc: unknown, pointer: string): any;
/** Follows a local `$ref` chain in the spec; returns `[pointer, object]`. Throws on non-local refs and cycles. */
export declare function resolveRef(spec: any, node: any, pointer: string): [string, any];
