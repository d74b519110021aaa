// The shape of an OpenAPI 3.1 document (the bundle: every `$ref` local). Schemas are JSON Schema 2020-12
// (`JsonSchema`); `x-` extensions are `unknown`: they are free-form JSON the tools narrow before use.
import type { JsonSchema } from './json-schema.js';

export type { JsonSchema } from './json-schema.js';

/** Every HTTP method an OpenAPI Path Item can hold, in the order the specification lists them. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** One of {@link HTTP_METHODS} (lower case, as Path Item keys are written). */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The `x-` extension fields any OpenAPI object may carry. */
export interface Extensions {
  [extension: `x-${string}`]: unknown;
}

/** A `$ref` (with the `summary`/`description` OpenAPI 3.1 allows beside it, and any other sibling keyword). */
export interface ReferenceObject {
  $ref: string;
  summary?: string;
  description?: string;
  [keyword: string]: unknown;
}

/** A value written inline or as a `$ref`. */
export type MaybeReference<T> = T | ReferenceObject;

/** Contact information of the API. */
export interface ContactObject extends Extensions {
  name?: string;
  url?: string;
  email?: string;
}

/** The licence of the API (`identifier` is an SPDX expression). */
export interface LicenseObject extends Extensions {
  name: string;
  identifier?: string;
  url?: string;
}

/** Metadata about the API. */
export interface InfoObject extends Extensions {
  title: string;
  summary?: string;
  description?: string;
  termsOfService?: string;
  contact?: ContactObject;
  license?: LicenseObject;
  version: string;
}

/** A variable of a server URL template. */
export interface ServerVariableObject extends Extensions {
  enum?: string[];
  default: string;
  description?: string;
}

/** A server the API is served from. */
export interface ServerObject extends Extensions {
  url: string;
  description?: string;
  variables?: Record<string, ServerVariableObject>;
}

/** A link to documentation elsewhere. */
export interface ExternalDocumentationObject extends Extensions {
  url: string;
  description?: string;
}

/** A tag: operations are grouped by it. */
export interface TagObject extends Extensions {
  name: string;
  description?: string;
  externalDocs?: ExternalDocumentationObject;
}

/** An example: `value` inline (or `externalValue`). */
export interface ExampleObject extends Extensions {
  summary?: string;
  description?: string;
  value?: unknown;
  externalValue?: string;
}

/** How one property of a multipart or form body is encoded. */
export interface EncodingObject extends Extensions {
  contentType?: string;
  headers?: Record<string, MaybeReference<HeaderObject>>;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

/** The body of one media type. */
export interface MediaTypeObject extends Extensions {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, MaybeReference<ExampleObject>>;
  encoding?: Record<string, EncodingObject>;
}

/** A header of a response (what a parameter is, without `name` and `in`). */
export interface HeaderObject extends Extensions {
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  style?: string;
  explode?: boolean;
  schema?: JsonSchema;
  content?: Record<string, MediaTypeObject>;
  example?: unknown;
  examples?: Record<string, MaybeReference<ExampleObject>>;
}

/** A parameter: where it goes (`in`), its name and its schema. */
export interface ParameterObject extends HeaderObject {
  name: string;
  in: 'query' | 'header' | 'path' | 'cookie';
  allowEmptyValue?: boolean;
  allowReserved?: boolean;
}

/** A request body. */
export interface RequestBodyObject extends Extensions {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

/** A link from a response to another operation. */
export interface LinkObject extends Extensions {
  operationRef?: string;
  operationId?: string;
  parameters?: Record<string, unknown>;
  requestBody?: unknown;
  description?: string;
  server?: ServerObject;
}

/** A response: description, headers, bodies by media type, links. */
export interface ResponseObject extends Extensions {
  description: string;
  headers?: Record<string, MaybeReference<HeaderObject>>;
  content?: Record<string, MediaTypeObject>;
  links?: Record<string, MaybeReference<LinkObject>>;
}

/** A security requirement: scheme name → scopes. */
export type SecurityRequirementObject = Record<string, string[]>;

/** The requests an operation may send back, by runtime expression. */
export type CallbackObject = Record<string, MaybeReference<PathItemObject>>;

/** One operation of a Path Item. */
export interface OperationObject extends Extensions {
  tags?: string[];
  summary?: string;
  description?: string;
  externalDocs?: ExternalDocumentationObject;
  operationId?: string;
  parameters?: Array<MaybeReference<ParameterObject>>;
  requestBody?: MaybeReference<RequestBodyObject>;
  /** Responses by status code (`"200"`, `"4XX"`, `"default"`). */
  responses?: Record<string, MaybeReference<ResponseObject>>;
  callbacks?: Record<string, MaybeReference<CallbackObject>>;
  deprecated?: boolean;
  security?: SecurityRequirementObject[];
  servers?: ServerObject[];
}

/** A Path Item: its operations by method, and parameters and servers shared by all of them. */
export type PathItemObject = { [Method in HttpMethod]?: OperationObject } & Extensions & {
    $ref?: string;
    summary?: string;
    description?: string;
    servers?: ServerObject[];
    parameters?: Array<MaybeReference<ParameterObject>>;
  };

/** The flows of an OAuth 2 security scheme. */
export interface OAuthFlowObject extends Extensions {
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: Record<string, string>;
}

/** How a client authenticates: an API key, HTTP auth (`bearer`, `basic`), mutual TLS, OAuth 2 or OpenID Connect. */
export interface SecuritySchemeObject extends Extensions {
  type: 'apiKey' | 'http' | 'mutualTLS' | 'oauth2' | 'openIdConnect';
  description?: string;
  name?: string;
  in?: 'query' | 'header' | 'cookie';
  scheme?: string;
  bearerFormat?: string;
  flows?: Partial<Record<'implicit' | 'password' | 'clientCredentials' | 'authorizationCode', OAuthFlowObject>>;
  openIdConnectUrl?: string;
}

/** The reusable components. */
export interface ComponentsObject extends Extensions {
  schemas?: Record<string, JsonSchema>;
  responses?: Record<string, MaybeReference<ResponseObject>>;
  parameters?: Record<string, MaybeReference<ParameterObject>>;
  examples?: Record<string, MaybeReference<ExampleObject>>;
  requestBodies?: Record<string, MaybeReference<RequestBodyObject>>;
  headers?: Record<string, MaybeReference<HeaderObject>>;
  securitySchemes?: Record<string, MaybeReference<SecuritySchemeObject>>;
  links?: Record<string, MaybeReference<LinkObject>>;
  callbacks?: Record<string, MaybeReference<CallbackObject>>;
  pathItems?: Record<string, MaybeReference<PathItemObject>>;
}

/** An OpenAPI 3.1 document. */
export interface OpenApiDocument extends Extensions {
  openapi: string;
  info: InfoObject;
  jsonSchemaDialect?: string;
  servers?: ServerObject[];
  paths?: Record<string, MaybeReference<PathItemObject>>;
  webhooks?: Record<string, MaybeReference<PathItemObject>>;
  components?: ComponentsObject;
  security?: SecurityRequirementObject[];
  tags?: TagObject[];
  externalDocs?: ExternalDocumentationObject;
}

/** Whether a node is a `$ref` object. */
export function isReference(node: unknown): node is ReferenceObject {
  return typeof node === 'object' && node !== null && typeof (node as { $ref?: unknown }).$ref === 'string';
}

/**
 * Whether parsed JSON has the two fields every OpenAPI 3.x document must have: `openapi` (a version
 * string) and `info` (an object). The rest is trusted to the bundler, which validated the document.
 */
export function isOpenApiDocument(value: unknown): value is OpenApiDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { openapi, info } = value as { openapi?: unknown; info?: unknown };
  return typeof openapi === 'string' && /^3\./.test(openapi) && typeof info === 'object' && info !== null;
}
