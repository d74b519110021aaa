// Rules for outputs: status codes, media types, headers and every schema a server sends. A
// response must hold only what an old client already understands: widening it may break a client,
// narrowing it (fewer values, a removed optional field, header or error status) never does.
import { ids, oas, rule } from './rule.js';

const BODY = ['response-body', 'response-property'];

const WIDENED = [
  ...ids(BODY, [
    'max-length-increased',
    'max-length-unset',
    'min-length-decreased',
    'max-increased',
    'exclusive-max-increased',
    'min-decreased',
    'exclusive-min-decreased',
    'min-items-decreased',
    'min-items-unset',
    'max-items-increased',
    'max-properties-increased',
    'min-properties-decreased',
    'unique-items-unset',
    'multiple-of-unset',
    'multiple-of-changed',
  ]),
  'response-property-pattern-removed',
];

export const RESPONSE_RULES = {
  'response-success-status-removed': rule(
    'breaking',
    'removed',
    'A success (2xx) response was removed: calls that succeeded come back with a status the client was not written for.',
    oas('ERR', ['response-success-status-removed']),
  ),
  'response-error-status-removed': rule(
    'info',
    'removed',
    'An error (non-2xx) response was removed: the server no longer sends it, so no client waits on it.',
    oas('INFO', ['response-non-success-status-removed']),
  ),
  'response-status-added': rule(
    'info',
    'added',
    'A new response status code.',
    oas('INFO', ['response-success-status-added', 'response-non-success-status-added']),
  ),
  'response-media-type-removed': rule(
    'breaking',
    'removed',
    'A response media type was removed: clients that ask for it get nothing they can read.',
    oas('ERR', ['response-media-type-removed']),
  ),
  'response-media-type-added': rule('info', 'added', 'A new response media type.', oas('INFO', ['response-media-type-added'])),
  'response-required-header-removed': rule(
    'breaking',
    'removed',
    'A response header declared `required: true` was removed: clients read it on every response.',
    oas('ERR', ['required-response-header-removed']),
  ),
  'response-optional-header-removed': rule(
    'warning',
    'removed',
    'An optional response header was removed. Clients must already cope with its absence, so it passes; shown so the changelog says it is gone.',
    oas('WARN', ['optional-response-header-removed']),
  ),
  'response-header-added': rule('info', 'added', 'A new response header.', oas('INFO', ['response-header-added'])),
  'response-header-made-optional': rule(
    'breaking',
    'changed',
    'A required response header became optional: clients may find it missing.',
    oas('ERR', ['response-header-became-optional']),
  ),
  'response-required-property-removed': rule(
    'breaking',
    'removed',
    'A required response property was removed: clients that read it find it missing.',
    oas('ERR', ['response-required-property-removed']),
  ),
  'response-optional-property-removed': rule(
    'info',
    'removed',
    'An optional response property was removed: clients must already cope with its absence.',
    oas('INFO', ['response-optional-property-removed']),
  ),
  'response-property-renamed': rule(
    'breaking',
    'changed',
    'A required response property was renamed (one removed and one added with the same schema).',
    oas('ERR', ['response-required-property-removed']),
  ),
  'response-property-added': rule(
    'info',
    'added',
    'A new response property (clients ignore properties they do not know).',
    oas('INFO', ['response-optional-property-added', 'response-required-property-added']),
  ),
  'response-property-made-optional': rule(
    'breaking',
    'changed',
    'A required response property became optional: clients may find it missing.',
    oas('ERR', ['response-property-became-optional']),
  ),
  'response-property-made-required': rule(
    'info',
    'changed',
    'An optional response property became required (always present).',
    oas('INFO', ['response-property-became-required']),
  ),
  'response-nullable-added': rule(
    'breaking',
    'changed',
    'A response value (body, property or header) may now be `null`.',
    oas('ERR', ['response-property-became-nullable', 'response-body-became-nullable', 'response-header-became-nullable']),
  ),
  'response-nullable-removed': rule(
    'info',
    'changed',
    'A response value can no longer be `null`.',
    oas('INFO', ['response-property-became-not-nullable', 'response-body-became-not-nullable', 'response-header-became-not-nullable']),
  ),
  'response-enum-value-added': rule(
    'warning',
    'changed',
    'A response enum gained a value (or lost its enum or `const`). Not breaking by our contract (clients must tolerate unknown enum values), but shown so the author checks the changelog says what it means.',
    oas('WARN', ['response-property-enum-value-added']),
    oas(
      'ERR',
      ids(BODY, ['const-removed']),
      'A `const` is an enum of one value; dropping it lets the server send other values besides the old one, which our contract asks clients to tolerate exactly as a new enum value (which oasdiff warns about too). The old value keeps arriving, so clients acting on it still work.',
    ),
  ),
  'response-enum-value-removed': rule(
    'info',
    'changed',
    'A response enum lost a value (or gained an enum or `const`): the server sends fewer values, all of them known.',
    oas('INFO', ['response-property-enum-value-removed', 'response-mediatype-enum-value-removed', ...ids(BODY, ['const-added'])]),
  ),
  'response-enum-replaced': rule(
    'breaking',
    'changed',
    'None of the values a response enum or `const` had remains: every response now carries a value old clients never saw.',
    oas('ERR', ids(BODY, ['const-changed'])),
    oas(
      'WARN',
      ['response-property-enum-value-added'],
      'oasdiff judges each value of an enum on its own: a value added is a warning, values removed are info. When the new values replace every old one, no response carries a value an old client knows: it is the `const` change oasdiff itself rates as breaking.',
    ),
  ),
  'response-limit-widened': rule(
    'breaking',
    'changed',
    'Looser response limit: maxLength/maximum/maxItems/maxProperties raised or removed, minLength/minimum/minItems/minProperties lowered or removed, a pattern, uniqueItems or multipleOf removed or changed to a coarser one: clients sized or validated for the old bounds get values outside them. A `readOnly` property is judged here only (clients never send it), so its pattern removed or loosened is this rule, never a request one.',
    oas('ERR', WIDENED),
  ),
  'response-limit-narrowed': rule(
    'info',
    'changed',
    'Tighter response limit (the reverse of the above): every value the server sends was already allowed.',
    oas('INFO', [...ids(BODY, ['multiple-of-specialized']), 'response-property-pattern-added']),
  ),
  'response-variant-added': rule(
    'breaking',
    'added',
    'A oneOf/anyOf alternative of a response was added (or a value became a union): clients get shapes they were not written for.',
    oas('ERR', [...ids(BODY, ['one-of-added', 'any-of-added', 'list-of-types-widened']), 'response-body-wrapped-in-one-of']),
  ),
  'response-variant-removed': rule(
    'info',
    'removed',
    'A oneOf/anyOf alternative of a response was removed.',
    oas('INFO', ids(BODY, ['one-of-removed', 'any-of-removed'])),
  ),
  'response-default-changed': rule(
    'info',
    'changed',
    'The documented default of a response value was added, changed or removed.',
    oas('INFO', ids(BODY, ['default-value-added', 'default-value-changed', 'default-value-removed'])),
  ),
} as const;
