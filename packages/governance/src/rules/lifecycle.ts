// Rules for operations and their lifecycle: added, removed, deprecated with or without a sunset
// date (`x-sunset`, oasdiff's convention), and document-level changes.
import { oas, rule } from './rule.js';

const WITHOUT_SUNSET_WHY =
  'A deployed client was told the item is deprecated but never when it stops working, so its calls fail with no notice to plan by. Announce `x-sunset` and remove it once that date has passed (oasdiff allows this removal unless a grace period is configured).';

export const LIFECYCLE_RULES = {
  'operation-removed': rule(
    'breaking',
    'removed',
    'An operation (or a whole path) was removed without being deprecated first: every client calling it fails.',
    oas('ERR', ['api-removed-without-deprecation', 'api-path-removed-without-deprecation']),
  ),
  'operation-removed-before-sunset': rule(
    'breaking',
    'removed',
    'A deprecated operation was removed before its `x-sunset` date: clients were promised it until then.',
    oas('ERR', ['api-removed-before-sunset', 'api-path-removed-before-sunset']),
  ),
  'operation-removed-without-sunset': rule(
    'breaking',
    'removed',
    'A deprecated operation with no `x-sunset` date was removed: clients were never told when to stop using it.',
    oas('INFO', ['api-removed-with-deprecation', 'api-path-removed-with-deprecation'], WITHOUT_SUNSET_WHY),
  ),
  'operation-removed-after-sunset': rule(
    'info',
    'removed',
    'A deprecated operation was removed on or after its `x-sunset` date, as announced.',
    oas('INFO', ['api-removed-with-deprecation', 'api-path-removed-with-deprecation']),
  ),
  'operation-added': rule('info', 'added', 'A new operation.', oas('INFO', ['endpoint-added'])),
  'operation-deprecated': rule(
    'info',
    'deprecated',
    'An operation was marked `deprecated: true` with an `x-sunset` date (or its sunset moved later).',
    oas('INFO', ['endpoint-deprecated-with-sunset']),
  ),
  'deprecated-without-sunset': rule(
    'warning',
    'deprecated',
    'An operation, parameter or property was deprecated without an `x-sunset` date: clients get no date to migrate by.',
    oas(
      'INFO',
      ['endpoint-deprecated', 'request-parameter-deprecated', 'request-property-deprecated', 'response-property-deprecated'],
      'Deprecating changes nothing a deployed client receives, so it passes the gate; but without a date clients cannot plan their migration, and the item can then only be removed in a major release. The warning asks for the date at the moment it is cheapest to add.',
    ),
    oas(
      'ERR',
      [
        'api-deprecated-sunset-missing',
        'request-parameter-deprecated-sunset-missing',
        'request-property-deprecated-sunset-missing',
        'response-property-deprecated-sunset-missing',
      ],
      'oasdiff raises these only when a minimum grace period is configured (`--deprecation-days-*`); we set none. A deprecation alone does not change what a deployed client receives, so it cannot break one.',
    ),
  ),
  'sunset-invalid': rule(
    'breaking',
    'changed',
    'An `x-sunset` is not a date (`YYYY-MM-DD`): clients cannot tell when the item goes away.',
    oas('ERR', [
      'api-deprecated-sunset-parse',
      'api-path-sunset-parse',
      'request-parameter-sunset-parse',
      'request-property-deprecated-sunset-invalid',
      'response-property-deprecated-sunset-invalid',
    ]),
  ),
  'sunset-removed': rule(
    'breaking',
    'changed',
    'The `x-sunset` of a still-deprecated item was deleted: the date clients planned by is gone.',
    oas('ERR', ['sunset-deleted', 'request-parameter-sunset-deleted']),
  ),
  'sunset-moved-earlier': rule(
    'breaking',
    'changed',
    'An `x-sunset` moved to an earlier date: clients planned their migration by the old one.',
    oas('ERR', ['api-sunset-date-changed-too-small', 'request-parameter-sunset-date-changed-too-small']),
  ),
  'deprecation-withdrawn': rule(
    'info',
    'changed',
    'A deprecated operation, parameter or property is no longer deprecated.',
    oas('INFO', ['endpoint-reactivated', 'request-parameter-reactivated', 'request-property-reactivated', 'response-property-reactivated']),
  ),
  'operation-id-changed': rule(
    'info',
    'changed',
    'The operationId changed: the wire format does not; `operations["<id>"]` in the generated types is renamed.',
    oas('INFO', ['api-operation-id-removed', 'api-operation-id-added']),
  ),
  'component-schema-removed': rule(
    'info',
    'removed',
    'A schema no operation uses any more was removed from `components/schemas` (its generated type goes away).',
    oas('INFO', ['api-schema-removed']),
  ),
  'documentation-changed': rule(
    'info',
    'docs',
    'Summary, description, tags, servers or info text changed.',
    oas('INFO', ['api-tag-added', 'api-tag-removed']),
  ),
} as const;
