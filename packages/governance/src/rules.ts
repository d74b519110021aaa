// The rule table: every kind of change the differ reports, how severe it is, and where it goes in
// the changelog. The README's table is this table; a test keeps the two in step.

/** `breaking` fails the gate unless the major version is raised; `warning` is shown but passes. */
export type Severity = 'breaking' | 'warning' | 'info';
/** Changelog section of a change. */
export type Category = 'added' | 'changed' | 'deprecated' | 'removed' | 'docs';

export interface Rule {
  severity: Severity;
  category: Category;
  /** One line: what the rule means for a client. */
  summary: string;
}

const r = (severity: Severity, category: Category, summary: string): Rule => ({ severity, category, summary });

export const RULES = {
  // Paths and operations
  'path-removed': r('breaking', 'removed', 'A path and all its operations were removed.'),
  'operation-removed': r('breaking', 'removed', 'An operation (method on a path) was removed.'),
  'operation-added': r('info', 'added', 'A new operation.'),
  'operation-deprecated': r('info', 'deprecated', 'An operation was marked `deprecated: true`.'),
  'operation-id-changed': r('warning', 'changed', 'The operationId changed (generated method names change; the wire format does not).'),
  // Parameters (input)
  'parameter-removed': r('breaking', 'removed', 'A parameter was removed: clients sending it lose its effect or are rejected.'),
  'parameter-added-required': r('breaking', 'added', 'A new required parameter: existing calls lack it.'),
  'parameter-added-optional': r('info', 'added', 'A new optional parameter.'),
  'parameter-made-required': r('breaking', 'changed', 'An optional parameter became required.'),
  'parameter-made-optional': r('info', 'changed', 'A required parameter became optional.'),
  'parameter-serialization-changed': r('breaking', 'changed', '`style` or `explode` changed: existing calls are encoded differently.'),
  'parameter-deprecated': r('info', 'deprecated', 'A parameter was marked `deprecated: true`.'),
  // Request bodies (input)
  'request-body-added-required': r('breaking', 'added', 'A required request body was added, or an optional one made required.'),
  'request-media-type-removed': r('breaking', 'removed', 'A request media type is no longer accepted.'),
  // Request schemas (input): anything a client could send before must still be accepted
  'request-property-removed': r('breaking', 'removed', 'A request property was removed.'),
  'request-property-added-required': r('breaking', 'added', 'A new required request property.'),
  'request-property-added-optional': r('info', 'added', 'A new optional request property.'),
  'request-property-made-required': r('breaking', 'changed', 'An optional request property became required.'),
  'request-property-made-optional': r('info', 'changed', 'A required request property became optional.'),
  'request-nullable-removed': r('breaking', 'changed', 'An input no longer accepts `null`.'),
  'request-enum-value-removed': r('breaking', 'changed', 'An input no longer accepts a value of its enum (or gained an enum).'),
  'request-enum-value-added': r('info', 'changed', 'An input accepts a new enum value (or lost its enum).'),
  'request-limit-tightened': r(
    'breaking',
    'changed',
    'Tighter input limit: maxLength/maximum/exclusiveMaximum/maxItems/maxProperties lowered, minLength/minimum/exclusiveMinimum/minItems/minProperties raised, pattern/multipleOf added or changed, uniqueItems or additionalProperties: false added.',
  ),
  'request-limit-loosened': r('info', 'changed', 'Looser input limit (the reverse of the above, or a limit removed).'),
  'request-variant-removed': r('breaking', 'removed', 'A oneOf/anyOf alternative of an input was removed.'),
  'request-variant-added': r('info', 'added', 'A oneOf/anyOf alternative of an input was added.'),
  // Responses
  'response-status-removed': r('breaking', 'removed', 'A response status code was removed.'),
  'response-status-added': r('info', 'added', 'A new response status code.'),
  'response-media-type-removed': r('breaking', 'removed', 'A response media type was removed.'),
  'response-header-removed': r('breaking', 'removed', 'A response header was removed.'),
  'response-header-added': r('info', 'added', 'A new response header.'),
  // Response schemas (output): anything the server sends must be something an old client understands
  'response-property-removed': r('breaking', 'removed', 'A response property was removed.'),
  'response-property-renamed': r(
    'breaking',
    'changed',
    'A response property was renamed (one removed and one added with the same schema).',
  ),
  'response-property-added': r('info', 'added', 'A new response property.'),
  'response-property-made-optional': r('breaking', 'changed', 'A required response property became optional: clients may find it missing.'),
  'response-property-made-required': r('info', 'changed', 'An optional response property became required (always present).'),
  'response-made-nullable': r('breaking', 'changed', 'A response value may now be `null`.'),
  'response-enum-value-removed': r('breaking', 'changed', 'A response enum value was removed: clients that act on it never see it again.'),
  'response-enum-value-added': r(
    'warning',
    'changed',
    'A response enum gained a value. Not breaking by our contract (clients must tolerate unknown enum values), but shown so the author checks the changelog says what it means.',
  ),
  'response-limit-changed': r('info', 'changed', 'A length, range or pattern of a response value changed.'),
  'response-variant-added': r('warning', 'added', 'A oneOf/anyOf alternative of a response was added: treated like a new enum value.'),
  'response-variant-removed': r('info', 'removed', 'A oneOf/anyOf alternative of a response was removed.'),
  // Types and formats, both directions
  'type-changed': r(
    'breaking',
    'changed',
    'Type changed or narrowed: an input no longer accepts a type it did, or a response may hold a type it did not (integer ⊂ number).',
  ),
  'type-widened': r('info', 'changed', 'Compatible type change: an input accepts more types, or a response holds fewer.'),
  'format-changed': r('breaking', 'changed', '`format` changed, added to an input, or removed from a response.'),
  'format-relaxed': r('info', 'changed', '`format` removed from an input, or added to a response.'),
  'default-changed': r('warning', 'changed', 'A default value changed: calls that omit the value behave differently.'),
  'property-deprecated': r('info', 'deprecated', 'A property or schema was marked `deprecated: true`.'),
  // Security
  'security-requirement-added': r('breaking', 'changed', 'An operation needs a credential that a previously accepted request lacks.'),
  'security-requirement-removed': r('info', 'changed', 'An operation accepts more credentials (or none).'),
  'security-scheme-changed': r('breaking', 'changed', 'A security scheme used by an operation changed its type, scheme or location.'),
  // Documentation
  'documentation-changed': r('info', 'docs', 'Summary, description, tags, examples or info text changed.'),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** One change found between two specs. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  category: Category;
  /** operationId of the operation it affects, or `(spec)` for document-wide changes. */
  operationId: string;
  /** `GET /sessions/{session_id}/errors`. */
  operation: string;
  /** JSON pointer of the change, through the operation (refs followed). */
  pointer: string;
  /** Pointer of the definition in the bundle, when it lives in a `$ref`'d component. */
  source?: string;
  before: string;
  after: string;
}
