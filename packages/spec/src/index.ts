// @session-obs/spec: the bundled Session Observability documents, and the typed tools every package
// uses on them — loading, `$ref` resolution, the operation walker, schema validation. What the servers
// share (routes, parameters, error dialects, the HTTP runtime) is the `@session-obs/spec/server` entry.
export { bundlePath, loadSpec, sandboxApiPath } from './load.js';
export {
  HTTP_METHODS,
  isOpenApiDocument,
  isReference,
  type CallbackObject,
  type ComponentsObject,
  type ContactObject,
  type EncodingObject,
  type ExampleObject,
  type Extensions,
  type ExternalDocumentationObject,
  type HeaderObject,
  type HttpMethod,
  type InfoObject,
  type LicenseObject,
  type LinkObject,
  type MaybeReference,
  type MediaTypeObject,
  type OAuthFlowObject,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type PathItemObject,
  type ReferenceObject,
  type RequestBodyObject,
  type ResponseObject,
  type SecurityRequirementObject,
  type SecuritySchemeObject,
  type ServerObject,
  type ServerVariableObject,
  type TagObject,
} from './document.js';
export {
  isSchemaObject,
  type DiscriminatorObject,
  type JsonSchema,
  type JsonSchemaOrBoolean,
  type JsonSchemaTypeName,
} from './json-schema.js';
// Pointers, `$ref` resolution and the operation walker: the dependency-free part (also `./pointer`).
export * from './dependency-free.js';
export {
  createSpecValidator,
  formatErrors,
  type ErrorObject,
  type SpecValidator,
  type ValidateFunction,
  type ValidationResult,
} from './validator.js';
export { operationUpstreams, splitByUpstream, UpstreamSpecError, type OperationUpstream } from './upstreams.js';
