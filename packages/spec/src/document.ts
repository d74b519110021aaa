// The shape of an OpenAPI 3.1 document, as far as our tools walk it. JSON Schemas and extensions stay
// open (`JsonSchema`, `[key: string]: unknown`): they are free-form JSON the tools read key by key.

/** Every HTTP method an OpenAPI Path Item can hold, in the order the specification lists them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** One of {@link HTTP_METHODS} (lower case, as Path Item keys are written). */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A `$ref` (with the `summary`/`description` OpenAPI 3.1 allows beside it, and any other sibling keyword). */
export interface ReferenceObject {
  $ref: string;
  summary?: string;
  description?: string;
  [keyword: string]: unknown;
}

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1): read keyword by keyword. */
export type JsonSchema = { [keyword: string]: any };

/** An example: `value` inline (or `externalValue`). */
export interface ExampleObject {
  summary?: string;
  description?: string;
  value?: unknown;
  externalValue?: string;
}

/** A header of a response (what a parameter is, without `name` and `in`). */
export interface HeaderObject {
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  schema?: JsonSchema | ReferenceObject;
  example?: unknown;
  examples?: Record<string, ExampleObject | ReferenceObject>;
  [extension: string]: unknown;
}

/** A parameter: where it goes (`in`), its name and its schema. */
export interface ParameterObject extends HeaderObject {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  style?: string;
  explode?: boolean;
}

/** The body of one media type. */
export interface MediaTypeObject {
  schema?: JsonSchema | ReferenceObject;
  example?: unknown;
  examples?: Record<string, ExampleObject | ReferenceObject>;
  [extension: string]: unknown;
}

/** A response: description, headers and bodies by media type. */
export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | ReferenceObject>;
  content?: Record<string, MediaTypeObject>;
  [extension: string]: unknown;
}

/** A request body. */
export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
  [extension: string]: unknown;
}

/** A security requirement: scheme name → scopes. */
export type SecurityRequirementObject = Record<string, string[]>;

/** One operation of a Path Item. */
export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: Array<ParameterObject | ReferenceObject>;
  requestBody?: RequestBodyObject | ReferenceObject;
  /** Responses by status code (`"200"`, `"4XX"`, `"default"`). */
  responses?: Record<string, ResponseObject | ReferenceObject>;
  security?: SecurityRequirementObject[];
  [extension: string]: unknown;
}

/** A Path Item: its operations by method, and parameters shared by all of them. */
export type PathItemObject = { [Method in HttpMethod]?: OperationObject } & {
  $ref?: string;
  summary?: string;
  description?: string;
  parameters?: Array<ParameterObject | ReferenceObject>;
  servers?: unknown[];
};

/** The reusable components. */
export interface ComponentsObject {
  schemas?: Record<string, JsonSchema>;
  responses?: Record<string, ResponseObject | ReferenceObject>;
  parameters?: Record<string, ParameterObject | ReferenceObject>;
  examples?: Record<string, ExampleObject | ReferenceObject>;
  requestBodies?: Record<string, RequestBodyObject | ReferenceObject>;
  headers?: Record<string, HeaderObject | ReferenceObject>;
  securitySchemes?: Record<string, unknown>;
  pathItems?: Record<string, PathItemObject | ReferenceObject>;
  [extension: string]: unknown;
}

/** An OpenAPI 3.1 document (the bundle: every `$ref` local). */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [field: string]: unknown };
  servers?: unknown[];
  security?: SecurityRequirementObject[];
  tags?: Array<{ name: string; description?: string; [field: string]: unknown }>;
  paths?: Record<string, PathItemObject | ReferenceObject>;
  components?: ComponentsObject;
  [extension: string]: unknown;
}

/** Whether a node is a `$ref` object. */
export function isReference(node: unknown): node is ReferenceObject {
  return typeof node === 'object' && node !== null && typeof (node as { $ref?: unknown }).$ref === 'string';
}
