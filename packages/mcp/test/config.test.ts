// Configuration: the settings parsed from arguments and environment, the production defaults checked on
// the exact requests (an injected `fetch`), per-API credentials against the real sandbox, and starts that
// cannot work as one line on stderr; the README's mcpServers entries name this package.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { DEFAULT_POLICY } from '@session-obs/client';
import {
  ATTEMPT_TIMEOUT_MS,
  CALL_DEADLINE_MS,
  callTool,
  createArgumentChecker,
  createUpstreamClients,
  describeTarget,
  parseSettings,
  UsageError,
  type ToolManifest,
} from '../src/index.js';
import { argumentsFor, SANDBOX_TOKEN } from './fixtures.js';
import { BIN, cleanEnv, connectStdio } from './mcp-client.js';
import builtManifest from '../dist/tools.json' with { type: 'json' };

const manifest = builtManifest as unknown as ToolManifest;
const upstreams = manifest.upstreams;
const fixtures = inject('fixtures');
const tool = (name: string) => manifest.tools.find((t) => t.name === name)!;

describe('parseSettings', () => {
  it('sends every tool to one server with --base-url and --token, or their variables', () => {
    expect(parseSettings(['--base-url', 'http://127.0.0.1:4020/', '--token', 't'], {}, upstreams)).toMatchObject({
      target: { mode: 'single', baseUrl: 'http://127.0.0.1:4020', token: 't' },
      host: '127.0.0.1',
    });
    expect(parseSettings([], { SESSION_OBS_BASE_URL: 'http://127.0.0.1:4010', SESSION_OBS_TOKEN: 'x' }, upstreams)).toMatchObject({
      target: { mode: 'single', baseUrl: 'http://127.0.0.1:4010' },
    });
  });

  it('gives each production API its own credential and the spec production URL', () => {
    const settings = parseSettings(['--devrev-token', 'pat'], { METORIAL_TOKEN: 'sk' }, upstreams);
    expect(settings).toMatchObject({
      target: {
        mode: 'per-api',
        upstreams: {
          metorial: { token: 'sk', baseUrl: 'https://api.metorial.com' },
          devrev: { token: 'pat', baseUrl: 'https://api.devrev.ai' },
        },
      },
    });
    expect(parseSettings(['--http', '0'], { METORIAL_TOKEN: 'sk', METORIAL_BASE_URL: 'http://127.0.0.1:9' }, upstreams)).toMatchObject({
      httpPort: 0,
      target: { upstreams: { metorial: { baseUrl: 'http://127.0.0.1:9' }, devrev: { baseUrl: 'https://api.devrev.ai' } } },
    });
  });

  it('refuses what cannot work, in one line naming the option', () => {
    const refused = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
      try {
        parseSettings(argv, env, upstreams);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused([])).toMatch(
      /^no credentials: set METORIAL_TOKEN and\/or DEVREV_TOKEN .* or SESSION_OBS_BASE_URL and SESSION_OBS_TOKEN/,
    );
    expect(refused(['--base-url', 'http://127.0.0.1:1'])).toMatch(/^--base-url needs a token/);
    expect(refused(['--token', 't'])).toMatch(/^--token goes with --base-url/);
    expect(refused(['--base-url', 'ftp://x', '--token', 't'])).toMatch(/^--base-url must be an http\(s\) URL/);
    expect(refused(['--http', '70000'], { METORIAL_TOKEN: 'sk' })).toMatch(/^--http must be an integer from 0 to 65535/);
    expect(refused(['--colour'])).toMatch(/^Unknown option '--colour' \(see --help\)/);
    expect(refused(['--base-url', '--token', 't'])).toBe("Option '--base-url' needs a value (see --help).");
    // A token no bearer header can carry: this server's option or variable and the character, never the token.
    const visible = ': a bearer token is visible ASCII (no spaces, no placeholders like …).';
    expect(refused(['--devrev-token', 'pat with space'])).toBe(`--devrev-token has U+0020 at position 4${visible}`);
    expect(refused([], { METORIAL_TOKEN: 'metorial_sk_…' })).toBe(`METORIAL_TOKEN has U+2026 at position 13${visible}`);
    expect(refused(['--base-url', 'http://127.0.0.1:1'], { SESSION_OBS_TOKEN: 'line1\nsecret' })).toBe(
      `SESSION_OBS_TOKEN has U+000A at position 6${visible}`,
    );
  });
});

describe('production defaults, on the exact requests', () => {
  it('sends each tool to its API production host with that API token, and nothing else', async () => {
    const sent: Request[] = [];
    const fetch = async (request: Request) => {
      sent.push(request);
      return Response.json({ object: 'list', items: [], pagination: { has_more_before: false, has_more_after: false } });
    };
    const settings = parseSettings([], { METORIAL_TOKEN: 'metorial_sk_prod', DEVREV_TOKEN: 'devrev_pat_prod' }, upstreams);
    if (settings === 'help') throw new Error('help');
    const { clientFor, secrets } = createUpstreamClients(settings.target, upstreams, { fetch: fetch as typeof globalThis.fetch });
    const context = { checkArguments: createArgumentChecker(manifest.tools), clientFor, secrets };
    await callTool(
      tool('list_session_errors_for_session'),
      { session_id: 'ses_a', query_session_id: ['ses_b', 'ses_c'], order: 'desc' },
      context,
    );
    await callTool(tool('get_observability_session'), fixtures.observability, context);
    expect(sent.map((request) => request.url)).toEqual([
      'https://api.metorial.com/sessions/ses_a/errors?order=desc&session_id=ses_b&session_id=ses_c',
      `https://api.devrev.ai/observability.sessions.get?platform=${fixtures.observability.platform}&session_id=${fixtures.observability.session_id}&version_key=${fixtures.observability.version_key}`,
    ]);
    expect(sent.map((request) => request.headers.get('authorization'))).toEqual(['Bearer metorial_sk_prod', 'Bearer devrev_pat_prod']);
    expect(sent.map((request) => request.method)).toEqual(['GET', 'GET']);
  });
});

describe('the ready line', () => {
  it('names where the tools go, without the credentials a URL may carry', () => {
    expect(describeTarget({ mode: 'single', baseUrl: 'http://user:pw@127.0.0.1:4020/base', token: 't' })).toBe(
      'every tool → http://127.0.0.1:4020/base',
    );
    expect(
      describeTarget({
        mode: 'per-api',
        upstreams: { metorial: { token: 'm', baseUrl: 'https://u:p@proxy.example/fwd' }, devrev: { baseUrl: 'https://api.devrev.ai' } },
      }),
    ).toBe('metorial → https://proxy.example/fwd, devrev → https://api.devrev.ai (no token: its tools answer missing_credential)');
  });
});

describe('a hanging API', () => {
  it('ends a tool call at its deadline with a timeout tool error (before an MCP client gives up at 60 s)', async () => {
    // The defaults: three attempts of ATTEMPT_TIMEOUT_MS and the retry waits fit in the deadline, which ends before 60 s.
    const waits = DEFAULT_POLICY.initialDelayMs * (1 + 2);
    expect(ATTEMPT_TIMEOUT_MS * (DEFAULT_POLICY.maxRetries + 1) + waits).toBeLessThan(CALL_DEADLINE_MS);
    expect(CALL_DEADLINE_MS).toBeLessThan(60_000);
    const hanging = createHttpServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
      const target = { mode: 'single' as const, baseUrl, token: 'tok' };
      const { clientFor, secrets } = createUpstreamClients(target, upstreams, { timeoutMs: 60_000 });
      const context = { checkArguments: createArgumentChecker(manifest.tools), clientFor, secrets, deadlineMs: 500 };
      const started = performance.now();
      const result = await callTool(tool('list_session_errors'), {}, context);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.isError).toBe(true);
      expect(JSON.parse(result.content[0]!.text).error).toEqual({
        code: 'timeout',
        message: 'list_session_errors: the API did not answer within 0.5 s (every attempt included); try again later.',
      });
    } finally {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
    }
  });
});

describe('per-API credentials through the command', () => {
  it('calls the API that has a token and answers missing_credential, naming it, for the one without', async () => {
    const mcp = await connectStdio({ METORIAL_TOKEN: SANDBOX_TOKEN, METORIAL_BASE_URL: inject('sandboxUrl') });
    try {
      const ok = (await mcp.client.callTool({
        name: 'get_session_error_group',
        arguments: argumentsFor(tool('get_session_error_group'), fixtures),
      })) as any;
      expect(ok.isError).toBeFalsy();
      expect(ok.structuredContent.id).toBe(fixtures.session_error_group_id);
      const missing = (await mcp.client.callTool({ name: 'get_observability_session', arguments: fixtures.observability })) as any;
      expect(missing.isError).toBe(true);
      expect(JSON.parse(missing.content[0].text).error).toEqual({
        code: 'missing_credential',
        message: 'devrev.token is not set: pass --devrev-token or set DEVREV_TOKEN to call the devrev API.',
      });
      expect(mcp.stderr()).toContain('devrev → https://api.devrev.ai (no token');
      expect(mcp.stderr()).not.toContain(SANDBOX_TOKEN);
    } finally {
      await mcp.close();
    }
  });
});

describe('starts that cannot work', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { env: cleanEnv(env), encoding: 'utf8', timeout: 50_000 });
  const expectOneLineFailure = (result: ReturnType<typeof run>, status: number, line: RegExp) => {
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(line);
  };

  // One test per case: each start loads the SDK afresh, which takes seconds on a loaded machine.
  it.each<[string, string[], Record<string, string>, number, RegExp]>([
    ['no credentials', [], {}, 2, /^✖ no credentials: /],
    ['an unknown option', ['--colour'], {}, 2, /^✖ Unknown option '--colour'/],
    [
      'a spec that is not there',
      ['--spec', '/nonexistent/openapi.json'],
      { METORIAL_TOKEN: 'sk' },
      2,
      /^✖ --spec \/nonexistent\/openapi.json is not a readable JSON OpenAPI document/,
    ],
  ])('%s: prints one line on stderr, nothing on stdout, and exits non-zero', (_name, args, env, status, line) => {
    expectOneLineFailure(run(args, env), status, line);
  });

  it('a port in use: prints one line on stderr, nothing on stdout, and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      expectOneLineFailure(
        run(['--http', String(port)], { METORIAL_TOKEN: 'sk' }),
        1,
        new RegExp(`^✖ port ${port} on 127.0.0.1 is in use`),
      );
    } finally {
      taken.close();
    }
  });

  it('prints its help on stderr for --help', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--metorial-token <t>    [METORIAL_TOKEN]');
  });
});

describe("the README's mcpServers entries", () => {
  it('run this package by its npm name (npx -y <unscoped bin> would fetch whatever package has that name)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      name: string;
      bin: Record<string, string>;
    };
    const entries = [...readme.matchAll(/```json\n([\s\S]*?)```/g)]
      .map(([, json]) => JSON.parse(json!) as { mcpServers?: Record<string, { command: string; args: string[] }> })
      .flatMap((config) => Object.values(config.mcpServers ?? {}));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    // One bin, so `npx <package>` runs it.
    expect(Object.keys(pkg.bin)).toHaveLength(1);
    for (const entry of entries) expect(entry).toMatchObject({ command: 'npx', args: ['-y', pkg.name] });
  });
});
