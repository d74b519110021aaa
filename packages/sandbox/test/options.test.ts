// The command line's storage and tenant options: defaults, environment variables, and the one line a
// bad value gets (the CLI prints it as is; cli.test.ts covers the printing).
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../src/cli/options.js';
import { TENANT_DEFAULTS } from '../src/http/tenant-handlers.js';

const serve = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const command = parseCli(argv, env);
  if (command.command !== 'serve') throw new Error('not serve');
  return command;
};

describe('storage and tenant options', () => {
  it('default to SQLite and the documented tenant limits', () => {
    const command = serve([]);
    expect(command.store.db).toBe('.sandbox/sandbox.db');
    expect(command.store.poolSize).toBe(10);
    expect(command.store.readConnections).toBe(2);
    expect(command.tenants).toEqual(TENANT_DEFAULTS);
    expect(TENANT_DEFAULTS).toEqual({
      sessions: 5,
      errors: 200,
      rowsPerTenant: 10_000,
      perAddressPerHour: 20,
      total: 1000,
      idleSeconds: 3600,
    });
  });

  it('take a PostgreSQL URL from --database or SANDBOX_DATABASE_URL, winning over --db', () => {
    expect(serve(['--db', 'x.db', '--database', 'postgres://u:p@h:5432/d']).store.db).toBe('postgres://u:p@h:5432/d');
    expect(serve([], { SANDBOX_DATABASE_URL: 'postgresql://h/d', SANDBOX_DB: 'y.db' }).store.db).toBe('postgresql://h/d');
  });

  it('read every tenant limit from its flag or its environment variable', () => {
    const command = serve(['--tenant-rows', '120', '--tenants-per-hour', '3', '--tenant-idle-minutes', '2'], {
      SANDBOX_MAX_TENANTS: '7',
      SANDBOX_TENANT_SESSIONS: '2',
      SANDBOX_TENANT_ERRORS: '30',
      SANDBOX_POOL_SIZE: '4',
      SANDBOX_READ_CONNECTIONS: '3',
    });
    expect(command.tenants).toEqual({ sessions: 2, errors: 30, rowsPerTenant: 120, perAddressPerHour: 3, total: 7, idleSeconds: 120 });
    expect(command.store.poolSize).toBe(4);
    expect(command.store.readConnections).toBe(3);
  });

  it.each([
    [['--database', 'sqlite:///x.db'], '--database must be a PostgreSQL URL (postgres://user:password@host:port/database).'],
    [['--database', 'postgres://u:pw@[::1:5432/db'], '--database must be a PostgreSQL URL (postgres://user:password@host:port/database).'],
    [['--tenant-rows', '0'], '--tenant-rows must be an integer from 1 to 100000000, got "0".'],
    [['--max-tenants', 'many'], '--max-tenants must be an integer from 1 to 1000000, got "many".'],
    [['--pool-size', '0'], '--pool-size must be an integer from 1 to 1000, got "0".'],
    [['--read-connections', '65'], '--read-connections must be an integer from 0 to 64, got "65".'],
    // The default seed (5 sessions, 200 errors) makes from 215 to 415 rows: a smaller limit would leave tenants born over it.
    [
      ['--tenant-rows', '210'],
      '--tenant-rows / SANDBOX_TENANT_ROWS must be at least 415, the most rows a default tenant seed (5 sessions, 200 errors) makes; got 210.',
    ],
  ])('refuse %j with one line', (argv, message) => {
    expect(() => parseCli(argv, {})).toThrow(new UsageError(message));
  });

  it('refuse a SANDBOX_TENANT_ROWS below what the configured default seed makes', () => {
    expect(() => parseCli(['serve'], { SANDBOX_TENANT_ROWS: '116', SANDBOX_TENANT_SESSIONS: '2', SANDBOX_TENANT_ERRORS: '31' })).toThrow(
      /must be at least 117, the most rows a default tenant seed \(2 sessions, 31 errors\) makes; got 116\.$/,
    );
  });
});
