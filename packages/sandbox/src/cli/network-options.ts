// The serve command's network options: who may call (CORS origins), which Host names are served, whether a
// load balancer's X-Forwarded-For is trusted, and the access log. Read from flags or environment variables.
import { parseAllowedHosts, parseCorsOrigins, type CorsOrigins } from '@session-obs/spec/server';

/** The flags of this module, for `parseArgs`. */
export const NETWORK_OPTIONS = {
  hosted: { type: 'boolean' },
  'cors-origins': { type: 'string' },
  'allowed-hosts': { type: 'string' },
  'trust-proxy': { type: 'boolean' },
  'access-log': { type: 'boolean' },
} as const;

export const NETWORK_HELP = `  --hosted                    [SANDBOX_HOSTED=1] safe to expose: no default token (keys only from
                              POST /_sandbox/tenants), the access log on; give --allowed-hosts and --cors-origins
  --cors-origins <list>       [SANDBOX_CORS_ORIGINS] origins a browser page may call from, comma-separated
                              (e.g. https://docs.example.com), or * for any origin; default * (hosted: none)
  --allowed-hosts <list>      [SANDBOX_ALLOWED_HOSTS] Host names served besides localhost/127.0.0.1/[::1]
                              (e.g. sandbox.example.com); any other Host gets a 400
  --trust-proxy               [SANDBOX_TRUST_PROXY=1] read the client address from X-Forwarded-For
  --access-log                [SANDBOX_ACCESS_LOG=1] one JSON line per request on stdout (never the token)`;

export interface NetworkSettings {
  hosted: boolean;
  corsOrigins: CorsOrigins;
  allowedHosts: string[];
  trustProxy: boolean;
  accessLog: boolean;
}

type Flags = { [K in keyof typeof NETWORK_OPTIONS]?: (typeof NETWORK_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** A yes/no environment variable; anything but a yes or a no is refused (`SANDBOX_HOSTED=bogus` must not quietly mean local). */
function yesNo(env: NodeJS.ProcessEnv, variable: string): boolean {
  const value = env[variable]?.trim() ?? '';
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(|0|false|no|off)$/i.test(value)) return false;
  throw new Error(`${variable}: expected 1, true, yes or on (or 0, false, no, off), got "${env[variable]}".`);
}

/** Reads the network settings; throws with a one-line message naming the flag or variable that is wrong. */
export function parseNetworkOptions(flags: Flags, env: NodeJS.ProcessEnv): NetworkSettings {
  const read = <T>(flag: string, variable: string, raw: string | undefined, parse: (text: string) => T): T | undefined => {
    const value = raw ?? env[variable];
    if (value === undefined || value === '') return undefined;
    try {
      return parse(value);
    } catch (error) {
      throw new Error(`${raw !== undefined ? `--${flag}` : variable}: ${(error as Error).message}.`, { cause: error });
    }
  };
  const hosted = Boolean(flags.hosted) || yesNo(env, 'SANDBOX_HOSTED');
  return {
    hosted,
    // Hosted, no page on another origin may call unless listed (an allow-list, as a site on the internet needs);
    // locally any may, without credentials (the docs served by `pnpm start` are on another port).
    corsOrigins: read('cors-origins', 'SANDBOX_CORS_ORIGINS', flags['cors-origins'], parseCorsOrigins) ?? (hosted ? [] : '*'),
    allowedHosts: read('allowed-hosts', 'SANDBOX_ALLOWED_HOSTS', flags['allowed-hosts'], parseAllowedHosts) ?? [],
    trustProxy: Boolean(flags['trust-proxy']) || yesNo(env, 'SANDBOX_TRUST_PROXY'),
    accessLog: hosted || Boolean(flags['access-log']) || yesNo(env, 'SANDBOX_ACCESS_LOG'),
  };
}
