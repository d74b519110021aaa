// Rules that apply to schemas in both directions (types, patterns, discriminators, deprecation),
// and to security.
import { ids, oas, rule } from './rule.js';

const DISCRIMINATOR = ids(
  ['request-body', 'request-property', 'response-body', 'response-property'],
  [
    'discriminator-added',
    'discriminator-removed',
    'discriminator-property-name-changed',
    'discriminator-mapping-added',
    'discriminator-mapping-deleted',
    'discriminator-mapping-changed',
  ],
);

export const SCHEMA_RULES = {
  'type-changed': rule(
    'breaking',
    'changed',
    'Type or format changed against the direction: an input no longer accepts a type or format it did, or a response may hold one it did not (integer ⊂ number, int32 ⊂ int64, float ⊂ double).',
    oas('ERR', [
      ...ids(['request-parameter', 'request-body', 'request-property'], ['type-changed', 'list-of-types-narrowed']),
      'request-parameter-property-type-specialized',
      ...ids(['response-body', 'response-property'], ['type-changed', 'type-generalized', 'list-of-types-widened']),
      'response-header-type-changed',
      'response-header-type-generalized',
    ]),
  ),
  'type-compatible': rule(
    'info',
    'changed',
    'Compatible type or format change: an input accepts more, or a response holds less. Parameters and response headers travel as text, so a plain `string` (no format) contains every scalar there: a parameter may become a string (a client sending `limit=20` sends valid text either way), and a response header that was any text may become a narrower type.',
    oas('INFO', [
      ...ids(['request-parameter', 'request-body', 'request-property'], ['type-generalized', 'list-of-types-widened']),
      'request-parameter-property-type-generalized',
      ...ids(['request-body', 'request-property'], ['type-compatible']),
      ...ids(['response-body', 'response-property'], ['type-specialized', 'type-compatible', 'list-of-types-narrowed']),
      'response-header-type-specialized',
      'response-header-type-compatible',
    ]),
  ),
  'pattern-changed': rule(
    'warning',
    'changed',
    'A `pattern` changed to another one: whether it accepts (input) or produces (response) more or less cannot be decided, so the author must check.',
    oas('WARN', ['request-parameter-pattern-changed', 'request-property-pattern-changed', 'response-property-pattern-changed']),
  ),
  'discriminator-changed': rule('info', 'changed', 'A `discriminator` was added, removed or remapped.', oas('INFO', DISCRIMINATOR)),
  'property-deprecated': rule(
    'info',
    'deprecated',
    'A property or schema was marked `deprecated: true` with an `x-sunset` date (or its sunset moved later).',
    oas('INFO', ['request-property-deprecated-with-sunset', 'response-property-deprecated-with-sunset']),
  ),
  'security-tightened': rule(
    'breaking',
    'changed',
    'A request that satisfied some security alternative before satisfies none now (an alternative or a public access removed, a scheme or scope required).',
    oas('ERR', ['api-security-removed', 'api-security-scope-added', 'api-global-security-removed', 'api-global-security-scope-added']),
    oas(
      'INFO',
      ['api-security-added', 'api-global-security-added'],
      'oasdiff counts a requirement written on the operation as an added alternative, which only widens, even when it replaces what the operation required before (the document-wide requirement, or none: a public operation). A deployed client that satisfied the old requirement but lacks the new credential is refused from now on.',
    ),
  ),
  'security-loosened': rule(
    'info',
    'changed',
    'An operation accepts more credentials (an alternative or a scope less required, or no credential at all).',
    oas('INFO', ['api-security-added', 'api-security-scope-removed', 'api-global-security-added', 'api-global-security-scope-removed']),
    oas(
      'ERR',
      ['api-security-removed', 'api-global-security-removed'],
      'oasdiff rates the removal of any security requirement as breaking, since clients that authenticated with that alternative may be refused. When the removal leaves the operation public (or another alternative the old one satisfies), a deployed client still sends its token and is still served.',
    ),
  ),
  'security-scheme-changed': rule(
    'breaking',
    'changed',
    'A security scheme used by an operation changed its type, HTTP scheme, location, name or flows.',
    oas(
      'INFO',
      ['api-security-component-type-changed', 'api-security-component-oauth-url-changed', 'api-security-component-oauth-token-url-changed'],
      'The scheme says how a deployed client presents its credential (`Authorization: Bearer`, an `X-Key` header, an OAuth token URL). When it changes, every call sends the credential the old way and is refused with 401.',
    ),
  ),
} as const;
