// What a sandbox route answers: a status, a body (as a value or as JSON text) and extra headers.

export interface HttpReply {
  status: number;
  /** The body as a value (serialised with `JSON.stringify`); ignored when `json` is set. */
  body?: unknown;
  /** The body already serialised as JSON text (the hot read paths build it from stored JSON). */
  json?: string;
  headers?: Record<string, string>;
}
