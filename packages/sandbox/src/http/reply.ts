// What a sandbox route answers: a success with its body, or an error reply from the shared error
// dialects of @session-obs/spec (the only place error bodies are made).
import type { ErrorReply } from '@session-obs/spec';

/** A success whose body is JSON text already (the read paths build it from stored JSON). */
export interface JsonReply {
  status: 200 | 202;
  json: string;
}

/** A success whose body is a value, serialised with `JSON.stringify`. */
export interface ValueReply {
  status: 200;
  body: Record<string, unknown>;
}

/** Every answer a route can give. */
export type HttpReply = JsonReply | ValueReply | ErrorReply;

/** The body of a reply as JSON text. */
export function replyText(reply: HttpReply): string {
  return 'json' in reply ? reply.json : JSON.stringify(reply.body);
}

/** The body of a reply as a value (for response validation). */
export function replyValue(reply: HttpReply): unknown {
  return 'json' in reply ? JSON.parse(reply.json) : reply.body;
}
