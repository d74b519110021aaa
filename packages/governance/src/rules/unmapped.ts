// oasdiff checks we walked and do not answer with a rule of our own, each with the reason. Rendered
// under the rule table so a reader sees the whole catalogue was considered.

export interface UnmappedChecks {
  ids: readonly string[];
  reason: string;
}

export const UNMAPPED: readonly UnmappedChecks[] = [
  {
    ids: ['api-version-not-bumped', 'api-version-decreased', 'api-major-version-not-bumped'],
    reason:
      "Not a rule but the gate itself: a breaking finding fails unless `info.version`'s major was raised, and a version lower than the released one always fails.",
  },
  {
    ids: ['new-request-path-parameter'],
    reason: 'A new path parameter changes the path template, so the operation is reported as `operation-removed` plus `operation-added`.',
  },
  {
    ids: [
      'request-body-all-of-added',
      'request-property-all-of-added',
      'request-body-all-of-removed',
      'request-property-all-of-removed',
      'response-body-all-of-added',
      'response-property-all-of-added',
      'response-body-all-of-removed',
      'response-property-all-of-removed',
    ],
    reason:
      'We merge `allOf` members and judge what the merged schema requires or returns, so an added or removed member is reported as the property, requiredness or limit change it makes (a member that adds only optional request properties breaks no call; one that removes a required response property is `response-required-property-removed`).',
  },
  {
    ids: [
      'request-optional-property-became-read-only',
      'request-required-property-became-read-only',
      'request-optional-property-became-write-only',
      'request-required-property-became-write-only',
      'response-optional-property-became-write-only',
      'response-required-property-became-write-only',
      'response-required-property-became-not-write-only',
    ],
    reason:
      "`readOnly` properties are ignored in requests and `writeOnly` ones in responses, so such a flip is reported as the property leaving or joining that direction (`request-property-removed`, `response-required-property-removed`, `response-property-added`, …) with that rule's level.",
  },
  {
    ids: ['api-sunset-date-too-small', 'request-parameter-sunset-date-too-small', 'request-property-sunset-date-too-small'],
    reason: 'These enforce a minimum grace period (`--deprecation-days-*`); we set none: any announced `x-sunset` date is honoured.',
  },
  {
    ids: [
      'api-security-component-added',
      'api-security-component-removed',
      'api-security-component-oauth-scope-added',
      'api-security-component-oauth-scope-removed',
      'api-security-component-oauth-scope-changed',
    ],
    reason:
      'A scheme no operation uses is not part of any request; when an operation stops or starts using one, that is `security-tightened` / `security-loosened`.',
  },
  {
    ids: ['response-media-type-name-changed', 'response-media-type-name-generalized', 'response-media-type-name-specialized'],
    reason: 'Media types are matched by exact name: a renamed one is `response-media-type-removed` plus `response-media-type-added`.',
  },
  {
    ids: ['request-parameter-property-type-changed'],
    reason: 'Our API has no object-valued parameters; a type change inside one would be `type-changed`.',
  },
  {
    ids: ['webhook-added', 'webhook-removed'],
    reason: 'The API has no webhooks.',
  },
  {
    ids: [
      'api-stability-decreased',
      'api-stability-increased',
      'api-invalid-stability-level',
      'request-property-stability-decreased',
      'response-property-stability-decreased',
    ],
    reason: 'We do not use `x-stability-level`: every operation of a release is stable.',
  },
  {
    ids: ['request-parameter-x-extensible-enum-value-removed', 'request-property-x-extensible-enum-value-removed'],
    reason:
      'We do not use `x-extensible-enum`: our contract makes every response enum extensible instead (see `response-enum-value-added`).',
  },
  {
    ids: [
      'prefixItems',
      'if/then/else',
      'contains/minContains/maxContains',
      'dependentRequired',
      'dependentSchemas',
      'patternProperties',
      'propertyNames',
      'unevaluatedItems/unevaluatedProperties',
      'contentSchema/contentMediaType/contentEncoding',
      'itemSchema (OpenAPI 3.2)',
    ],
    reason:
      'JSON Schema keywords our spec does not use (oasdiff has added/removed checks for each). The differ ignores them; the first use would need a rule here.',
  },
];
