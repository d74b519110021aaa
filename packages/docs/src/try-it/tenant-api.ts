// The hosted sandbox's self-service tenant calls the console makes for "Get a sandbox key" and "Forget
// key": `POST /_sandbox/tenants` (no token), `GET /_sandbox/fixtures` (ids that exist in the new tenant,
// to fill the forms) and `DELETE /_sandbox/tenant`. Each resolves with what it got or with one line for
// the reader naming the status and the API's error code.
import type { Fixtures } from './fixture-values.js';

/** A new tenant's key, as `POST /_sandbox/tenants` answers it (201). */
export interface SandboxKey {
  token: string;
  /** When the key expires if unused (each request moves it). */
  expiresAt?: string;
  idleSeconds?: number;
}
/** Why a call did not do what it was asked, in one line. */
export interface KeyProblem {
  problem: string;
}

/** `status code: message` (and how long to wait on a 429) from an error answer of the API. */
async function answerProblem(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  let body: { code?: unknown; message?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not the API's JSON: the status alone says what happened
  }
  const code = typeof body.code === 'string' ? ` ${body.code}` : '';
  const message = typeof body.message === 'string' ? `: ${body.message}` : text ? `: ${text.slice(0, 200)}` : '';
  const retry = response.headers.get('Retry-After');
  return `${response.status}${code}${message}${retry ? ` Try again in ${retry} s.` : ''}`;
}

/** The line for a call that got no answer: the server is down or refused this page's origin (CORS). */
function unreachable(url: string, pageOrigin: string, error: unknown): string {
  const reason = (error as Error).name === 'TimeoutError' ? 'no answer within 30 s' : String((error as Error).message);
  return (
    `No answer from ${new URL(url).origin} (${reason}). Is the sandbox running, and does its ` +
    `--cors-origins list include this page's origin (${pageOrigin})?`
  );
}

/** One call to the sandbox at `url`: its answer, or the one line for a call that got none. */
async function reach(
  fetchImpl: typeof fetch,
  url: string,
  path: string,
  pageOrigin: string,
  init: RequestInit,
): Promise<Response | KeyProblem> {
  try {
    return await fetchImpl(`${url}${path}`, { ...init, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    return { problem: unreachable(url, pageOrigin, error) };
  }
}

/** Creates a tenant on the sandbox at `url` and resolves with its key (or the problem). */
export async function createSandboxKey(url: string, pageOrigin: string, fetchImpl: typeof fetch = fetch): Promise<SandboxKey | KeyProblem> {
  const response = await reach(fetchImpl, url, '/_sandbox/tenants', pageOrigin, {
    method: 'POST',
    headers: { Accept: 'application/json' },
  });
  if ('problem' in response) return response;
  if (response.status !== 201) return { problem: `The sandbox gave no key: ${await answerProblem(response)}` };
  const body = (await response.json().catch(() => ({}))) as { token?: unknown; expires_at?: unknown; idle_expiry_seconds?: unknown };
  if (typeof body.token !== 'string' || !body.token) return { problem: 'The sandbox answered 201 without a token.' };
  return {
    token: body.token,
    ...(typeof body.expires_at === 'string' ? { expiresAt: body.expires_at } : {}),
    ...(typeof body.idle_expiry_seconds === 'number' ? { idleSeconds: body.idle_expiry_seconds } : {}),
  };
}

/** Deletes the tenant of `token` on the sandbox at `url` with its data. */
export async function deleteSandboxKey(
  url: string,
  token: string,
  pageOrigin: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ deleted: true; already?: true } | KeyProblem> {
  const response = await reach(fetchImpl, url, '/_sandbox/tenant', pageOrigin, {
    method: 'DELETE',
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
  });
  if ('problem' in response) return response;
  // 401: the key is unknown, so its tenant is already gone (expired when idle, or deleted elsewhere).
  if (response.status === 401) return { deleted: true, already: true };
  if (!response.ok) return { problem: await answerProblem(response) };
  return { deleted: true };
}

/** Ids that exist in the tenant of `token` (`GET /_sandbox/fixtures`), or the problem. */
export async function sandboxFixtures(
  url: string,
  token: string,
  pageOrigin: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Fixtures | KeyProblem> {
  const response = await reach(fetchImpl, url, '/_sandbox/fixtures', pageOrigin, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
  });
  if ('problem' in response) return response;
  if (!response.ok) return { problem: await answerProblem(response) };
  const body: unknown = await response.json().catch(() => undefined);
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Fixtures)
    : { problem: 'The sandbox sent no fixtures.' };
}
