// The shape of the tool manifest: what the generator derives from the spec and the server serves.
// It is JSON (`dist/tools.json`), so the server needs nothing of the spec at run time.

/** Where one tool argument goes in the HTTP request. */
export interface ArgumentBinding {
  /** The argument's name in the tool's input (the parameter's name, or `<in>_<name>` when two locations share a name). */
  argument: string;
  /** The parameter's name in the request. */
  name: string;
  in: 'path' | 'query';
  /** A one-or-many filter: the argument takes a value or a list, and is sent as a list (repeated keys). */
  many?: true;
}

/** How a tool's call becomes a request. */
export interface ToolRoute {
  method: 'get';
  /** The templated path, as the spec writes it: `/sessions/{session_id}/errors`. */
  path: string;
  /** The upstream API the operation belongs to (`metorial`, `devrev`): it picks the credential. */
  upstream: string;
  /** The upstream's production URL (the operation's first server not marked `x-internal`). */
  productionUrl: string;
  arguments: ArgumentBinding[];
  /** A list operation: `items` + `pagination` in its 200 body, and an `after` parameter. */
  list: boolean;
}

/** A JSON Schema object as MCP carries it (`type: "object"` at the root). */
export interface ObjectSchema {
  type: 'object';
  properties?: Record<string, object>;
  required?: string[];
  [keyword: string]: unknown;
}

/** One MCP tool, generated from one operation. */
export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  inputSchema: ObjectSchema;
  /** The 200 response's schema (plus `next_page` for list tools); absent when that body is not an object. */
  outputSchema?: ObjectSchema;
  annotations: { title: string; readOnlyHint: true; openWorldHint: true; idempotentHint: true; destructiveHint: false };
  /** The operation behind the tool (not sent to clients). */
  route: ToolRoute;
}

/** Every tool of one spec. */
export interface ToolManifest {
  /** The banner of a generated file. */
  $comment: string;
  /** The spec it was generated from. */
  api: { title: string; version: string };
  /** Upstream name → production URL. */
  upstreams: Record<string, string>;
  tools: ToolDefinition[];
}
