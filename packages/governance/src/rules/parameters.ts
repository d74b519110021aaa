// Rules for parameters (query, path, header, cookie): inputs, so anything that makes a call that
// used to work invalid — or silently change its meaning — is breaking.
import { oas, rule } from './rule.js';

const REMOVED_WHY =
  'A deployed client keeps sending the parameter. Our filters then either stop filtering (the server ignores what it no longer knows, so the client silently gets other items than it asked for) or the call is rejected with 400; both break the client. oasdiff warns because it cannot tell which of the two happens.';

export const PARAMETER_RULES = {
  'parameter-removed': rule(
    'breaking',
    'removed',
    'A parameter was removed without being deprecated first: clients sending it lose its effect or are rejected.',
    oas('WARN', ['request-parameter-removed'], REMOVED_WHY),
  ),
  'parameter-removed-before-sunset': rule(
    'breaking',
    'removed',
    'A deprecated parameter was removed before its `x-sunset` date.',
    oas('ERR', ['request-parameter-removed-before-sunset']),
  ),
  'parameter-removed-without-sunset': rule(
    'breaking',
    'removed',
    'A deprecated parameter with no `x-sunset` date was removed.',
    oas(
      'INFO',
      ['request-parameter-removed-with-deprecation'],
      'A deployed client was told the parameter is deprecated but never until when; it still sends it and loses its effect with no notice. Announce `x-sunset` and remove it after that date.',
    ),
  ),
  'parameter-removed-after-sunset': rule(
    'info',
    'removed',
    'A deprecated parameter was removed on or after its `x-sunset` date, as announced.',
    oas('INFO', ['request-parameter-removed-with-deprecation']),
  ),
  'parameter-added-required': rule(
    'breaking',
    'added',
    'A new required parameter (on the operation or its path): existing calls lack it.',
    oas('ERR', ['new-required-request-parameter', 'new-required-request-default-parameter-to-existing-path']),
  ),
  'parameter-added-optional': rule(
    'info',
    'added',
    'A new optional parameter (on the operation or its path).',
    oas('INFO', ['new-optional-request-parameter', 'new-optional-request-default-parameter-to-existing-path']),
  ),
  'parameter-made-required': rule(
    'breaking',
    'changed',
    'An optional parameter became required.',
    oas('ERR', ['request-parameter-became-required']),
  ),
  'parameter-made-optional': rule(
    'info',
    'changed',
    'A required parameter became optional.',
    oas('INFO', ['request-parameter-became-optional']),
  ),
  'parameter-deprecated': rule(
    'info',
    'deprecated',
    'A parameter was marked `deprecated: true` with an `x-sunset` date (or its sunset moved later).',
    oas('INFO', ['request-parameter-deprecated']),
  ),
  'parameter-serialization-changed': rule(
    'breaking',
    'changed',
    'The `style` or `explode` in effect changed (defaults applied; `explode` of a single value does not count): calls are encoded differently.',
    oas('ERR', ['request-parameter-style-changed', 'request-parameter-explode-changed']),
  ),
  'parameter-reserved-disallowed': rule(
    'breaking',
    'changed',
    'A query parameter no longer takes reserved characters unencoded (`allowReserved` removed).',
    oas('ERR', ['request-parameter-became-not-allow-reserved']),
  ),
  'parameter-reserved-allowed': rule(
    'info',
    'changed',
    'A query parameter now takes reserved characters unencoded (`allowReserved: true`).',
    oas('INFO', ['request-parameter-became-allow-reserved']),
  ),
} as const;
