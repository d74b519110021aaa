// The network settings' yes/no variables: a yes, a no, or a one-line refusal — never a quiet default
// (`SANDBOX_HOSTED=bogus` must not start a local sandbox with the well-known dev token).
import { describe, expect, it } from 'vitest';
import { parseNetworkOptions } from '../src/cli/network-options.js';
import { parseCli, UsageError } from '../src/cli/options.js';

const VARIABLES = { SANDBOX_HOSTED: 'hosted', SANDBOX_TRUST_PROXY: 'trustProxy', SANDBOX_ACCESS_LOG: 'accessLog' } as const;

describe.each(Object.entries(VARIABLES))('%s', (variable, setting) => {
  it.each(['1', 'true', 'YES', ' on '])('%j is yes', (value) => {
    expect(parseNetworkOptions({}, { [variable]: value })[setting]).toBe(true);
  });

  it.each(['', '0', 'false', 'No', 'off'])('%j is no', (value) => {
    expect(parseNetworkOptions({}, { [variable]: value })[setting]).toBe(false);
  });

  it('anything else is a one-line usage error naming the variable and the value', () => {
    expect(() => parseCli(['serve'], { [variable]: 'bogus' })).toThrow(UsageError);
    expect(() => parseCli(['serve'], { [variable]: 'bogus' })).toThrow(
      `${variable}: expected 1, true, yes or on (or 0, false, no, off), got "bogus".`,
    );
  });
});

describe('hosted mode', () => {
  it('seeds no local tenant unless the operator names tokens (nobody could reach it)', () => {
    const serve = (argv: string[]) => {
      const command = parseCli(argv, {});
      if (command.command !== 'serve') throw new Error('not serve');
      return command.store.seedIfEmpty;
    };
    expect(serve([])).toBe(true);
    expect(serve(['--hosted'])).toBe(false);
    expect(serve(['--hosted', '--tokens', 'ops-token'])).toBe(true);
  });
});

describe('CORS origins by default', () => {
  it.each([
    ['local: any origin, without credentials', {}, {}, '*'],
    ['hosted: none (an allow-list, empty until the operator lists origins)', { hosted: true }, {}, []],
    ['hosted, from SANDBOX_HOSTED', {}, { SANDBOX_HOSTED: '1' }, []],
    ['hosted with a list', { hosted: true, 'cors-origins': 'https://docs.example.com' }, {}, ['https://docs.example.com']],
    ['hosted with * asked for', { hosted: true }, { SANDBOX_CORS_ORIGINS: '*' }, '*'],
  ])('%s', (_name, flags, env, origins) => {
    expect(parseNetworkOptions(flags, env).corsOrigins).toEqual(origins);
  });
});
