// Consumers who generate their own client: @hey-api/openapi-ts and orval fed the published per-upstream
// bundles (from @session-obs/spec installed by name), compiled with tsc --strict, run against the installed
// sandbox. Asserted on the requests each generated client built (recorded by the fetch the consumer injects).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareGeneratedClients, type GeneratedClients } from '../src/generated-clients.js';
import { SANDBOX_TOKEN } from '../src/installed-servers.js';
import { runChecked } from '../src/run-command.js';
import { startConsumerSandbox, type ConsumerSandbox } from './consumer-sandbox.js';

interface Page {
  status: number;
  ids: string[];
}
interface ClientRun {
  both: Page;
  first: Page;
  second: Page;
  observabilityStatus: number;
  sent: Array<{ origin: string; authorization: string | null; type: string[] }>;
}

const TYPES = ['message_processing_timeout', 'provider_discovery_failed'];
const project = inject('projects').find((candidate) => candidate.manager === 'npm')!;

describe('clients generated from the published spec by other tools', () => {
  let sandbox: ConsumerSandbox;
  let generated: GeneratedClients;
  let runs: Record<'hey' | 'orval', ClientRun>;
  beforeAll(async () => {
    [sandbox, generated] = await Promise.all([startConsumerSandbox(project), prepareGeneratedClients(project)]);
    const fixtures = (await (
      await fetch(`${sandbox.server.url}/_sandbox/fixtures`, { headers: { Authorization: `Bearer ${SANDBOX_TOKEN}` } })
    ).json()) as { observability: { platform: string; session_id: string; version_key: string } };
    const env = {
      ...generated.env,
      SANDBOX_URL: sandbox.server.url,
      SANDBOX_TOKEN,
      OBS_PLATFORM: fixtures.observability.platform,
      OBS_SESSION_ID: fixtures.observability.session_id,
      OBS_VERSION_KEY: fixtures.observability.version_key,
    };
    runs = JSON.parse((await runChecked('node', [generated.consumer], { cwd: generated.dir, env })).stdout) as typeof runs;
  }, 900_000);
  afterAll(async () => {
    await sandbox?.server.stop();
    if (generated) rmSync(generated.dir, { recursive: true, force: true });
  });

  it.each(['hey', 'orval'] as const)('%s: a two-value filter goes out as repeated keys; 200 with only matching items', (name) => {
    const run = runs[name];
    expect(run.sent.slice(0, 3).map((request) => request.type)).toEqual([TYPES, [TYPES[0]], [TYPES[1]]]);
    for (const page of [run.both, run.first, run.second]) expect(page.status).toBe(200);
    // Items carry no type, and an error has exactly one: the two one-type pages share no item (a server
    // that ignored the filter would answer both with the same first page).
    expect(run.first.ids.length).toBeGreaterThan(0);
    expect(run.second.ids.length).toBeGreaterThan(0);
    expect(run.first.ids.filter((id) => run.second.ids.includes(id))).toEqual([]);
    // Each item of the two-value page is among the first page of one of the two types.
    const either = new Set([...run.first.ids, ...run.second.ids]);
    expect(run.both.ids.length).toBeGreaterThan(0);
    expect(run.both.ids.filter((id) => !either.has(id))).toEqual([]);
    expect(run.both.ids.some((id) => run.first.ids.includes(id)) && run.both.ids.some((id) => run.second.ids.includes(id))).toBe(true);
  });

  it.each(['hey', 'orval'] as const)('%s: each operation goes to its upstream with its credential', (name) => {
    const run = runs[name];
    expect(run.sent.map(({ origin, authorization }) => ({ origin, authorization }))).toEqual([
      ...Array(3).fill({ origin: 'https://api.metorial.com', authorization: 'Bearer metorial-key' }),
      { origin: 'https://api.devrev.ai', authorization: 'Bearer devrev-token' },
    ]);
    expect(run.observabilityStatus).toBe(200);
  });
});
