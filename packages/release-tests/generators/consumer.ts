// A consumer who generates their own clients from the published per-upstream bundles, with
// @hey-api/openapi-ts and with orval, and calls the installed sandbox through each: a two-value filter
// and the observability operation. Every request is recorded as the generated client built it (origin,
// Authorization, `type` values), then forwarded to the sandbox, which serves both upstreams with its token.
import { client as heyMetorial } from './hey/metorial/client.gen';
import { listSessionErrors as heyList } from './hey/metorial/sdk.gen';
import { client as heyDevrev } from './hey/devrev/client.gen';
import { getObservabilitySession as heyObservability } from './hey/devrev/sdk.gen';
import { listSessionErrors as orvalList } from './orval/metorial';
import { getObservabilitySession as orvalObservability } from './orval/devrev';
import { credentials, setTransport } from './orval-fetcher';

const env = (name: string): string => process.env[name] ?? '';
const TYPES = ['message_processing_timeout', 'provider_discovery_failed'] as const;
const observability = { platform: env('OBS_PLATFORM') as 'web', session_id: env('OBS_SESSION_ID'), version_key: env('OBS_VERSION_KEY') };

interface Sent {
  origin: string;
  authorization: string | null;
  type: string[];
}
const sent: Sent[] = [];

/** Records the request as built, then sends it to the sandbox with the sandbox's token. */
async function toSandbox(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  sent.push({ origin: url.origin, authorization: request.headers.get('authorization'), type: url.searchParams.getAll('type') });
  return fetch(env('SANDBOX_URL') + url.pathname + url.search, { headers: { Authorization: `Bearer ${env('SANDBOX_TOKEN')}` } });
}

/** One generated client's calls: ids of each filtered page, the observability status, and the requests it built. */
async function run(calls: {
  list: (type: Array<(typeof TYPES)[number]>) => Promise<{ status: number; ids: string[] }>;
  observability: () => Promise<number>;
}) {
  sent.length = 0;
  const both = await calls.list([...TYPES]);
  const first = await calls.list([TYPES[0]]);
  const second = await calls.list([TYPES[1]]);
  const observabilityStatus = await calls.observability();
  return { both, first, second, observabilityStatus, sent: [...sent] };
}

heyMetorial.setConfig({ fetch: toSandbox, auth: () => 'metorial-key' });
heyDevrev.setConfig({ fetch: toSandbox, auth: () => 'devrev-token' });
const hey = await run({
  list: async (type) => {
    const { data, response } = await heyList({ query: { type, limit: 100 } });
    return { status: response.status, ids: data?.items.map((item) => item.id) ?? [] };
  },
  observability: async () => (await heyObservability({ query: observability })).response.status,
});

credentials['https://api.metorial.com'] = 'metorial-key';
credentials['https://api.devrev.ai'] = 'devrev-token';
setTransport(toSandbox);
const orval = await run({
  list: async (type) => {
    const answer = await orvalList({ type, limit: 100 });
    return { status: answer.status, ids: answer.status === 200 ? answer.data.items.map((item) => item.id) : [] };
  },
  observability: async () => (await orvalObservability(observability)).status,
});

console.log(JSON.stringify({ hey, orval }));
