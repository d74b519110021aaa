import { describe, expect, it } from 'vitest';
import { fingerprint, normaliseMessage } from '../src/fingerprint.js';

// Table-driven: each row is a message and its normalised form.
const NORMALISED: Array<[string, string, string]> = [
  ['numbers', 'Tool call timed out after 30012 ms', 'Tool call timed out after <n> ms'],
  ['decimals', 'Heap at 97.5% after 3 retries', 'Heap at <n>% after <n> retries'],
  ['negative numbers', 'offset -12 out of range', 'offset <n> out of range'],
  ['uuids', 'No response (request 0b5d9f1e-7c2a-4e7b-9a51-3f1e2d4c6b8a)', 'No response (request <uuid>)'],
  ['ISO timestamps', 'Queue full at 2025-09-15T10:30:00.000Z', 'Queue full at <ts>'],
  ['timestamps with offset', 'expired (not after 2025-09-01 08:00:00+02:00)', 'expired (not after <ts>)'],
  ['double-quoted values', 'Invalid argument "repository" for tool "create_issue"', 'Invalid argument <str> for tool <str>'],
  ['single-quoted values', "Unexpected token '<' in JSON at position 17", 'Unexpected token <str> in JSON at position <n>'],
  ['backquoted values', 'unknown column `tenant_id`', 'unknown column <str>'],
  ['prefixed ids', 'Upstream failed for request req_8fK2mQ9xLp3N', 'Upstream failed for request <id>'],
  ['URLs', 'Failed to list tools from https://api.github.com/mcp: refused', 'Failed to list tools from <url>: refused'],
  ['IP and port', 'connect ECONNREFUSED 10.3.17.200:443', 'connect ECONNREFUSED <ip>'],
  ['hex', 'segfault at 0x7ffd5e8c and hash 9f86d081884c7d65', 'segfault at <hex> and hash <hex>'],
  ['whitespace', '  too   many\tspaces ', 'too many spaces'],
  ['nothing variable', 'Authentication failed', 'Authentication failed'],
];

describe('normaliseMessage', () => {
  it.each(NORMALISED)('%s', (_, message, expected) => {
    expect(normaliseMessage(message)).toBe(expected);
  });
});

const base = { type: 'message_processing_timeout', provider_run_id: 'prn_mfl3jz1bC4dE5fG6', code: 'TOOL_CALL_TIMEOUT' };
// Table-driven: pairs that must (or must not) share a group.
const SAME: Array<[string, object, object, boolean]> = [
  ['durations differ', { message: 'timed out after 30012 ms' }, { message: 'timed out after 29870 ms' }, true],
  ['request ids differ', { message: 'HTTP 502 for request req_aaaaaaaaaa' }, { message: 'HTTP 503 for request req_bbbbbbbbbb' }, true],
  [
    'uuids differ',
    { message: 'request 0b5d9f1e-7c2a-4e7b-9a51-3f1e2d4c6b8a' },
    { message: 'request 6a0c2e4b-1d3f-4a5b-8c7d-9e0f1a2b3c4d' },
    true,
  ],
  ['wording differs', { message: 'timed out after 30 s' }, { message: 'connection reset after 30 s' }, false],
  ['code differs', { message: 'x' }, { message: 'x', code: 'OTHER' }, false],
  ['type differs', { message: 'x' }, { message: 'x', type: 'message_processing_system_error' }, false],
  ['provider run differs', { message: 'x' }, { message: 'x', provider_run_id: 'prn_other000000' }, false],
  ['provider run missing on one side', { message: 'x' }, { message: 'x', provider_run_id: null }, false],
];

describe('fingerprint', () => {
  it.each(SAME)('%s → same group: %s', (_, a, b, same) => {
    expect(fingerprint({ ...base, ...a } as never) === fingerprint({ ...base, ...b } as never)).toBe(same);
  });

  it('is the sha256 hex of the canonical JSON', () => {
    expect(fingerprint({ ...base, message: 'm' })).toMatch(/^[0-9a-f]{64}$/);
  });
});
