// The shapes the Try it console reads from the page: the model the build derives from the spec
// (src/try-it-model.js) and the settings a local docs server adds (src/try-it-config.js).
import type { Schema } from './validate.js';

/** One path or query parameter, with what the form needs to show and prefill it. */
export interface ModelParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  /** One-or-many: the schema's type includes `array` (sent as repeated keys). */
  many: boolean;
  /** The scalar type of one value (`string`, `integer`, …). */
  type: string;
  enum?: Array<string | number>;
  default?: string | number | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  /** The spec's example value (prefilled for required and path parameters). */
  example?: string | number;
}

/** One operation of the spec. */
export interface ModelOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  /** Its production servers (its spec entry's effective `servers`: operation, Path Item, else the root's). */
  servers: ModelServer[];
  /** The security scheme whose credential it takes (`MetorialSecretKey`, `DevRevToken`). */
  scheme: string;
  params: ModelParameter[];
  /** The JSON body schema per declared status (`200`, `4XX`, `default`); null when a status has no JSON body. */
  responses: Record<string, Schema | null>;
}

/** A server of the spec's `servers` list. */
export interface ModelServer {
  url: string;
  description: string;
}

/** Everything the console knows about the API, embedded in the page at build time. */
export interface ConsoleModel {
  servers: ModelServer[];
  /** The hosted sandbox the docs were built for (`DOCS_SANDBOX_URL`): listed first, keys from "Get a sandbox key". */
  hosted?: ModelServer;
  operations: ModelOperation[];
  /** `{ components: { schemas } }`: what the response schemas' `$ref`s point into. */
  root: { components: { schemas: Record<string, Schema> } };
}

/** Settings a docs server that runs beside the local mock and sandbox injects (`pnpm start`, `pnpm dev`). */
export interface LocalConfig {
  /** The spec's servers with the local entries pointing at the ports in use. */
  servers: ModelServer[];
  /** The server preselected in the form. */
  selected: string;
  /** Tokens to prefill, by server URL. */
  tokens: Record<string, string>;
  /** Parameter values that exist on a server (its fixtures), by server URL, then operationId, then name. */
  values: Record<string, Record<string, Record<string, string>>>;
}
