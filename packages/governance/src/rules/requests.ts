// Rules for inputs: request bodies and every schema a client sends (parameter and body schemas).
// An input must still accept everything it accepted before: narrowing it always may break a call.
import { ids, oas, rule } from './rule.js';

const PARAM = ['request-parameter'];
const BODY = ['request-body', 'request-property'];

/** Bound changes oasdiff checks on parameters and bodies alike. */
const BOUNDS_TIGHTENED = [
  'max-length-decreased',
  'max-length-set',
  'min-length-increased',
  'max-decreased',
  'max-set',
  'exclusive-max-decreased',
  'exclusive-max-set',
  'min-increased',
  'min-set',
  'exclusive-min-increased',
  'exclusive-min-set',
  'max-items-decreased',
  'min-items-increased',
  'min-items-set',
];
const BOUNDS_LOOSENED = [
  'max-length-increased',
  'min-length-decreased',
  'max-increased',
  'exclusive-max-increased',
  'min-decreased',
  'exclusive-min-decreased',
  'max-items-increased',
];

const TIGHTENED = [
  ...ids(PARAM, [...BOUNDS_TIGHTENED, 'pattern-added']),
  ...ids(BODY, [
    ...BOUNDS_TIGHTENED,
    'max-items-set',
    'max-properties-decreased',
    'max-properties-set',
    'min-properties-increased',
    'unique-items-set',
    'multiple-of-set',
    'multiple-of-changed',
  ]),
  'request-property-pattern-added',
];

const LOOSENED = [
  ...ids(PARAM, [...BOUNDS_LOOSENED, 'min-items-decreased', 'pattern-removed', 'pattern-generalized']),
  ...ids(BODY, [...BOUNDS_LOOSENED, 'max-properties-increased', 'unique-items-unset', 'multiple-of-unset', 'multiple-of-generalized']),
  'request-property-pattern-removed',
  'request-property-pattern-generalized',
];

const DEFAULTS = ['request-parameter', 'request-property', 'request-body'];

export const REQUEST_RULES = {
  'request-body-added-required': rule(
    'breaking',
    'added',
    'A required request body was added: calls without one are rejected.',
    oas('ERR', ['request-body-added-required']),
  ),
  'request-body-added-optional': rule('info', 'added', 'An optional request body was added.', oas('INFO', ['request-body-added-optional'])),
  'request-body-made-required': rule(
    'breaking',
    'changed',
    'An optional request body became required.',
    oas('ERR', ['request-body-became-required']),
  ),
  'request-body-made-optional': rule(
    'info',
    'changed',
    'A required request body became optional.',
    oas('INFO', ['request-body-became-optional']),
  ),
  'request-body-removed': rule(
    'breaking',
    'removed',
    'The request body was removed: what clients send is no longer part of the operation.',
    oas('ERR', ['request-body-removed']),
  ),
  'request-media-type-removed': rule(
    'breaking',
    'removed',
    'A request media type is no longer accepted.',
    oas('ERR', ['request-body-media-type-removed']),
  ),
  'request-media-type-added': rule(
    'info',
    'added',
    'A new request media type is accepted.',
    oas('INFO', ['request-body-media-type-added']),
  ),
  'request-property-removed': rule(
    'breaking',
    'removed',
    'A request property was removed: clients sending it lose its effect or are rejected.',
    oas(
      'WARN',
      ['request-property-removed'],
      'As for a removed parameter: a deployed client keeps sending the property and either loses its effect silently or is rejected (`additionalProperties: false`). oasdiff warns because it cannot tell which.',
    ),
  ),
  'request-property-added-required': rule(
    'breaking',
    'added',
    'A new required request property (or property of an object parameter): existing calls lack it.',
    oas('ERR', ['new-required-request-property', 'new-required-request-property-with-default', 'new-required-request-header-property']),
  ),
  'request-property-added-optional': rule(
    'info',
    'added',
    'A new optional request property.',
    oas('INFO', ['new-optional-request-property']),
  ),
  'request-property-made-required': rule(
    'breaking',
    'changed',
    'An optional request property became required.',
    oas('ERR', [
      'request-property-became-required',
      'request-property-became-required-with-default',
      'request-header-property-became-required',
    ]),
  ),
  'request-property-made-optional': rule(
    'info',
    'changed',
    'A required request property became optional.',
    oas('INFO', ['request-property-became-optional']),
  ),
  'request-nullable-removed': rule(
    'breaking',
    'changed',
    'An input no longer accepts `null`.',
    oas('ERR', [
      'request-parameter-became-not-nullable',
      'request-parameter-property-became-not-nullable',
      'request-property-became-not-nullable',
      'request-body-became-not-nullable',
    ]),
  ),
  'request-nullable-added': rule(
    'info',
    'changed',
    'An input now accepts `null`.',
    oas('INFO', [
      'request-parameter-became-nullable',
      'request-parameter-property-became-nullable',
      'request-property-became-nullable',
      'request-body-became-nullable',
    ]),
  ),
  'request-enum-value-removed': rule(
    'breaking',
    'changed',
    'An input no longer accepts a value (an enum value removed, an enum or `const` added, a `const` changed).',
    oas('ERR', [
      'request-parameter-enum-value-removed',
      'request-parameter-property-enum-value-removed',
      'request-property-enum-value-removed',
      'request-body-enum-value-removed',
      'request-parameter-became-enum',
      'request-property-became-enum',
      'request-body-became-enum',
      'request-header-property-became-enum',
      ...ids(BODY, ['const-added', 'const-changed']),
    ]),
  ),
  'request-enum-value-added': rule(
    'info',
    'changed',
    'An input accepts a new value (an enum value added, an enum or `const` removed).',
    oas('INFO', [
      'request-parameter-enum-value-added',
      'request-parameter-property-enum-value-added',
      'request-property-enum-value-added',
      ...ids(BODY, ['const-removed']),
    ]),
  ),
  'request-limit-tightened': rule(
    'breaking',
    'changed',
    'Tighter input limit (a client sending a value within the old limit is now refused with 400): maxLength/maximum/exclusiveMaximum/maxItems/maxProperties lowered or set (e.g. `maxLength` on a query parameter that had none; oasdiff rated the `*-set` checks WARN before its severity review and ERR since), minLength/minimum/exclusiveMinimum/minItems/minProperties raised or set, a pattern or multipleOf added (or multipleOf changed to one the old one does not divide), uniqueItems or additionalProperties: false added.',
    oas('ERR', TIGHTENED),
  ),
  'request-limit-loosened': rule(
    'info',
    'changed',
    'Looser input limit: the reverse of the above, a limit or pattern removed, or a pattern that now matches anything.',
    oas('INFO', LOOSENED),
  ),
  'request-variant-removed': rule(
    'breaking',
    'removed',
    'A oneOf/anyOf alternative of an input was removed.',
    oas('ERR', ids(BODY, ['one-of-removed', 'any-of-removed'])),
  ),
  'request-variant-added': rule(
    'info',
    'added',
    'A oneOf/anyOf alternative of an input was added that no value valid before can also match (any `anyOf` alternative; a `oneOf` one of another JSON type or with other enum values): every call that was valid still is.',
    oas('INFO', [...ids(BODY, ['one-of-added', 'any-of-added']), ...ids([...PARAM, ...BODY], ['list-of-types-widened'])]),
  ),
  'request-variant-overlaps': rule(
    'breaking',
    'added',
    'An input `oneOf` gained an alternative (or a plain input became a `oneOf` beside new alternatives) that may accept a value an existing alternative accepts: such a value, valid before, now matches two alternatives and `oneOf` rejects it.',
    oas('ERR', ['request-body-wrapped-in-one-of']),
    oas(
      'INFO',
      [...ids(BODY, ['one-of-added']), 'request-parameter-list-of-types-widened'],
      'oasdiff treats an alternative added to an existing `oneOf` as a widening, as for `anyOf` (and a parameter that became a `oneOf` of scalar types as a wider list of types, though on the wire `5` is both valid text and a valid integer). But a deployed client whose call matched exactly one alternative fails as soon as the new one accepts the same call: `oneOf` demands exactly one match. oasdiff reports that very case as breaking when the `oneOf` is new (`request-body-wrapped-in-one-of`); we report it wherever the new alternative can overlap a kept one.',
    ),
  ),
  'request-default-changed': rule(
    'breaking',
    'changed',
    'The default of an optional input changed: calls that omit it now get different behaviour.',
    oas(
      'INFO',
      ids(DEFAULTS, ['default-value-changed']),
      'The default is what a deployed client gets when it omits the value, and our clients do omit `limit` and `order`: a new default changes the items every such unchanged call returns (e.g. `order` asc → desc reverses every page). oasdiff calls a default a server-side fallback; for the client it is the behaviour of the call.',
    ),
  ),
  'request-default-removed': rule(
    'warning',
    'changed',
    'The default of an optional input was removed: what an omitted value means is no longer documented.',
    oas(
      'INFO',
      ids(DEFAULTS, ['default-value-removed']),
      'Calls that omit the value keep working, but clients that relied on the documented behaviour can no longer count on it; the warning makes the author say in the changelog what omission now does.',
    ),
  ),
  'request-default-added': rule(
    'info',
    'changed',
    'An optional input gained a documented default.',
    oas('INFO', ids(DEFAULTS, ['default-value-added'])),
  ),
} as const;
