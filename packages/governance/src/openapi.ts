// The parts of an OpenAPI 3.0/3.1 document the differ reads. Bundles are parsed JSON, so every
// field is optional and anything not named here is `unknown`.

/** A `$ref` object; OpenAPI 3.1 allows keywords beside it, which are laid over the target. */
export interface Reference {
  $ref: string;
  [keyword: string]: unknown;
}

/** A value written inline or as a `$ref`. */
export type MaybeRef<T> = T | Reference;

/** One security requirement: scheme name → scopes. */
export type SecurityRequirement = Record<string, string[]>;

/** A JSON Schema (OpenAPI 3.1) or Schema Object (3.0, with `nullable`). */
export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  default?: unknown;
  properties?: Record<string, MaybeRef<Schema>>;
  required?: string[];
  items?: MaybeRef<Schema>;
  additionalProperties?: boolean | MaybeRef<Schema>;
  allOf?: Array<MaybeRef<Schema>>;
  oneOf?: Array<MaybeRef<Schema>>;
  anyOf?: Array<MaybeRef<Schema>>;
  discriminator?: unknown;
  pattern?: string;
  multipleOf?: number;
  uniqueItems?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  title?: string;
  description?: string;
  'x-sunset'?: unknown;
  [keyword: string]: unknown;
}

export interface MediaType {
  schema?: MaybeRef<Schema>;
  [keyword: string]: unknown;
}

export interface Parameter {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  required?: boolean;
  deprecated?: boolean;
  'x-sunset'?: unknown;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  description?: string;
  schema?: MaybeRef<Schema>;
  [keyword: string]: unknown;
}

export interface RequestBody {
  required?: boolean;
  description?: string;
  content?: Record<string, MediaType>;
}

export interface Header {
  required?: boolean;
  deprecated?: boolean;
  description?: string;
  schema?: MaybeRef<Schema>;
}

export interface Response {
  description?: string;
  headers?: Record<string, MaybeRef<Header>>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  'x-sunset'?: unknown;
  parameters?: Array<MaybeRef<Parameter>>;
  requestBody?: MaybeRef<RequestBody>;
  responses?: Record<string, MaybeRef<Response>>;
  security?: SecurityRequirement[];
  [keyword: string]: unknown;
}

export interface PathItem {
  parameters?: Array<MaybeRef<Parameter>>;
  get?: Operation;
  put?: Operation;
  post?: Operation;
  delete?: Operation;
  patch?: Operation;
  head?: Operation;
  options?: Operation;
  trace?: Operation;
  [keyword: string]: unknown;
}

export interface SecurityScheme {
  type?: string;
  scheme?: string;
  in?: string;
  name?: string;
  flows?: unknown;
  openIdConnectUrl?: string;
}

export interface Document {
  openapi?: string;
  info?: { title?: string; summary?: string; description?: string; version?: string; [keyword: string]: unknown };
  servers?: unknown[];
  tags?: unknown[];
  security?: SecurityRequirement[];
  paths?: Record<string, MaybeRef<PathItem>>;
  components?: {
    schemas?: Record<string, MaybeRef<Schema>>;
    parameters?: Record<string, MaybeRef<Parameter>>;
    responses?: Record<string, MaybeRef<Response>>;
    headers?: Record<string, MaybeRef<Header>>;
    securitySchemes?: Record<string, SecurityScheme>;
    [kind: string]: unknown;
  };
  [keyword: string]: unknown;
}

/** Whether a value is a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
