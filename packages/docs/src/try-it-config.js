// @ts-check
// The Try it settings a docs server injects when it runs beside the local mock and sandbox (`pnpm start`,
// `pnpm dev`): the spec's local server entries re-pointed at the ports actually in use, the sandbox
// preselected with its dev token, and ids that exist in the sandbox prefilled, so Send works at once.
import { loadSpec } from '@session-obs/spec';
import { consoleModel } from './try-it-model.js';
import { SAMPLE_TOKEN } from './samples.js';
import { fixtureValues } from './try-it/fixture-values.js';

export { fixtureValues };

/** @typedef {import('./try-it/model.js').LocalConfig} LocalConfig */
/** @typedef {import('./try-it/model.js').ConsoleModel} ConsoleModel */
/** @typedef {import('./try-it/model.js').ModelServer} ModelServer */
/** A local server the docs run beside: its URL, and for the sandbox its token and fixtures. */
/** @typedef {{ url: string, token?: string, fixtures?: Fixtures }} LocalServer */
/** @typedef {import('./try-it/fixture-values.js').Fixtures} Fixtures */

/**
 * Which local server a `servers` entry of the spec stands for, told by its description.
 * @type {Array<['sandbox' | 'mock', RegExp]>}
 */
const LOCAL_KINDS = [
  ['sandbox', /sandbox/i],
  ['mock', /\bmock\b|prism/i],
];

/** `sandbox`, `mock` or undefined for a server entry of the spec. */
export function localKind(/** @type {{ description?: string }} */ server) {
  return LOCAL_KINDS.find(([, pattern]) => pattern.test(server.description ?? ''))?.[0];
}

/**
 * The console settings for a docs server next to local servers: `mock` and `sandbox` are `{ url }`
 * (the sandbox also `{ token, fixtures }`); either may be absent.
 * @param {import('@session-obs/spec').OpenApiDocument} spec
 * @param {{ mock?: LocalServer, sandbox?: LocalServer }} [servers]
 * @returns {LocalConfig}
 */
export function localConsoleConfig(spec, { mock, sandbox } = {}) {
  const model = consoleModel(spec);
  const local = { mock, sandbox };
  const servers = model.servers.map((server) => {
    const kind = localKind(server);
    const running = kind && local[kind];
    return running ? { url: running.url, description: server.description } : server;
  });
  for (const [kind, running] of /** @type {Array<[string, LocalServer | undefined]>} */ (Object.entries(local))) {
    if (running && !servers.some((server) => server.url === running.url))
      servers.push({ url: running.url, description: kind === 'sandbox' ? 'Local sandbox' : 'Local Prism mock' });
  }
  /** @type {Record<string, string>} */
  const tokens = {};
  /** @type {LocalConfig['values']} */
  const values = {};
  if (mock) tokens[mock.url] = SAMPLE_TOKEN;
  if (sandbox) {
    if (sandbox.token) tokens[sandbox.url] = sandbox.token;
    values[sandbox.url] = fixtureValues(model, sandbox.fixtures ?? {});
  }
  return { servers, selected: (sandbox ?? mock ?? servers[0])?.url ?? '', tokens, values };
}

/**
 * The console settings for the docs served beside a running mock and sandbox (`pnpm start`, `pnpm dev`):
 * asks the sandbox for ids that exist in it (`GET /_sandbox/fixtures`); without them the form keeps the
 * spec's examples. `spec` defaults to the bundled spec.
 * @param {{ mock?: LocalServer, sandbox?: LocalServer & { token: string }, spec?: import('@session-obs/spec').OpenApiDocument, fetchImpl?: typeof fetch }} [options]
 * @returns {Promise<LocalConfig>}
 */
export async function consoleConfigFor({ mock, sandbox, spec = loadSpec(), fetchImpl = fetch } = {}) {
  /** @type {Fixtures} */
  let fixtures = {};
  if (sandbox) {
    const response = await fetchImpl(`${sandbox.url}/_sandbox/fixtures`, { headers: { Authorization: `Bearer ${sandbox.token}` } }).catch(
      () => undefined,
    );
    if (response?.ok) fixtures = await response.json();
  }
  return localConsoleConfig(spec ?? loadSpec(), { mock, sandbox: sandbox && { ...sandbox, fixtures } });
}
