// The Host allow-list and the CORS origin list every server (mock, sandbox) takes from its options:
// which Host headers are served, and which origin lists an operator may give.
import { describe, expect, it } from 'vitest';
import { hostAllowed, hostLines, localUrl, parseAllowedHosts, parseCorsOrigins } from '../src/server/index.js';

describe('hostAllowed', () => {
  const allowed = parseAllowedHosts('sandbox.example.com,api.example.com:8443');
  it.each<[string | undefined, boolean]>([
    ['127.0.0.1:4020', true],
    ['localhost', true],
    ['[::1]:4020', true],
    ['app.localhost:3000', true],
    ['sandbox.example.com', true],
    ['SANDBOX.Example.COM:443', true],
    // A fully-qualified name (trailing dot) is the same host.
    ['sandbox.example.com.', true],
    ['localhost.:4020', true],
    ['api.example.com:8443', true],
    ['api.example.com:443', false],
    ['evil.example', false],
    ['sandbox.example.com.evil.example', false],
    ['sandbox.example.com..', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (host, served) => {
    expect(hostAllowed(host, allowed)).toBe(served);
  });
});

describe('hostLines', () => {
  it('counts the Host lines of raw headers (names only, any case)', () => {
    expect(hostLines(['Host', 'a', 'Accept', 'host'])).toBe(1);
    expect(hostLines(['host', 'a', 'X-Host', 'b', 'HOST', 'c'])).toBe(2);
    expect(hostLines([])).toBe(0);
  });
});

describe('parseCorsOrigins', () => {
  it('takes * alone, or exact origins', () => {
    expect(parseCorsOrigins('*')).toBe('*');
    expect(parseCorsOrigins('https://docs.example.com, http://localhost:3000')).toEqual([
      'https://docs.example.com',
      'http://localhost:3000',
    ]);
  });

  it.each([
    ['https://*.example.com', 'CORS origin "https://*.example.com" has a wildcard: list each origin'],
    ['https://docs.example.com/', 'scheme, host and port only'],
    ['docs.example.com', 'is not an origin such as https://docs.example.com'],
    ['ftp://docs.example.com', 'scheme, host and port only'],
    ['', 'the CORS origin list is empty'],
    [' , ', 'the CORS origin list is empty'],
  ])('refuses %j, saying why', (text, why) => {
    expect(() => parseCorsOrigins(text)).toThrow(why);
  });
});

describe('localUrl', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:4010'],
    ['localhost', 'http://localhost:4010'],
    ['::1', 'http://[::1]:4010'],
    ['[::1]', 'http://[::1]:4010'],
    ['0.0.0.0', 'http://127.0.0.1:4010'],
    ['::', 'http://127.0.0.1:4010'],
    ['sandbox.example.com', 'http://sandbox.example.com:4010'],
  ])('a server bound to %j is reached at %s', (host, url) => {
    expect(localUrl(host, 4010)).toBe(url);
  });
});
