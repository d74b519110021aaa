// What a sandbox route answers: a success with its body, or an error reply from the shared error
// dialects of @session-obs/spec/server (the only place error bodies are made). Every one of them is a
// `Reply` of the shared server layer, which sends it.
import type { ErrorReply } from '@session-obs/spec/server';

/** A success whose body is JSON text already (the read paths build it from stored JSON). */
export interface JsonReply {
  status: 200 | 201 | 202;
  json: string;
}

/** A success whose body is a value, serialised with `JSON.stringify`. */
export interface ValueReply {
  status: 200 | 201;
  body: Record<string, unknown>;
}

/** Every answer a route can give. */
export type HttpReply = JsonReply | ValueReply | ErrorReply;
