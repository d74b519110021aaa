// The self-service tenant endpoints: create a tenant (no token: the answer carries the new token),
// reset the caller's tenant to its seed, delete it. Limits are the store's (they hold across replicas);
// this module turns the store's answers into replies in the session endpoints' error dialect.
import type { IncomingMessage } from 'node:http';
import {
  badRequest,
  invalidRequest,
  rateLimitHeaders,
  tooManyRequests,
  unauthorized,
  type CompiledOperation,
} from '@session-obs/spec/server';
import { validateTenantRequest } from '../ingest.js';
import { LOCAL_TENANT, type SandboxStore, type SeedSummary, type TenantLimits } from '../store/contract.js';
import { addressKey } from './address-key.js';
import type { HttpReply } from './reply.js';
import { readBody, refuseBody } from './read-body.js';

/** The seed a new tenant gets by default, and the limits of self-service tenants. */
export interface TenantSettings extends TenantLimits {
  sessions: number;
  errors: number;
}

/** Defaults of the self-service tenants' seed and limits (each has a CLI flag and environment variable). */
export const TENANT_DEFAULTS: Readonly<TenantSettings> = {
  sessions: 5,
  errors: 200,
  rowsPerTenant: 10_000,
  perAddressPerHour: 20,
  total: 1000,
  idleSeconds: 3600,
};

/** The largest `POST /_sandbox/tenants` body read. */
const MAX_TENANT_BODY = 16 * 1024;

type TenantHandler = (operation: CompiledOperation, req: IncomingMessage, tenantId: string) => Promise<HttpReply>;

/** A session-dialect error whose status the shared builders do not make (403, 429 for capacity). */
function sessionError(
  status: 403 | 429,
  code: 'forbidden' | 'rate_limit_exceeded',
  message: string,
  hint: string,
  headers = {},
): HttpReply {
  return { status, body: { object: 'error', status, code, message, hint }, headers } as unknown as HttpReply;
}

const summaryBody = (seeded: SeedSummary) => ({
  sessions: seeded.sessions,
  session_errors: seeded.errors,
  session_error_groups: seeded.groups,
  session_events: seeded.events,
  observability_sessions: seeded.observabilitySessions,
});

/** The seed settings of a create request: the body's, else the defaults (a random seed when none is given). */
async function seedOf(operation: CompiledOperation, req: IncomingMessage, settings: TenantSettings) {
  const read = await readBody(req, MAX_TENANT_BODY);
  if ('refused' in read) return { reject: refuseBody(operation.dialect, read.refused, MAX_TENANT_BODY) };
  const text = read.text;
  let body: Record<string, number> = {};
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      return { reject: badRequest(operation.dialect, 'The body is not valid JSON.') };
    }
    const problems = validateTenantRequest(body);
    if (problems.length) return { reject: invalidRequest(operation.dialect, problems) };
  }
  const seed = body.seed ?? Math.floor(Math.random() * 2 ** 32);
  return { seed: { seed, sessions: body.sessions ?? settings.sessions, errors: body.errors ?? settings.errors } };
}

/** The handlers of the tenant endpoints. `clientAddress` names who creates a tenant (the per-address limit; an IPv6 client by its /64). */
export function createTenantHandlers(
  store: SandboxStore,
  settings: TenantSettings,
  clientAddress: (req: IncomingMessage) => string,
): Record<string, TenantHandler> {
  return {
    async createSandboxTenant(operation, req) {
      const { seed, reject } = await seedOf(operation, req, settings);
      if (reject) return reject;
      const created = await store.createTenant({ createdBy: addressKey(clientAddress(req)), seed, limits: settings });
      if ('refused' in created) {
        if (created.refused === 'row_limit') {
          const message = `This seed makes ${created.seedRows} rows (errors, events, observability sessions); a tenant may hold ${settings.rowsPerTenant}, so no tenant was created.`;
          return sessionError(403, 'forbidden', message, 'Ask for fewer `sessions` or `errors` in the body.');
        }
        // The RateLimit-* headers describe the limit that refused (not the full request bucket they default to).
        const spent = (limit: number) => ({
          ...rateLimitHeaders({ limit, remaining: 0, resetSeconds: created.retryAfterSeconds }),
          'Retry-After': String(created.retryAfterSeconds),
        });
        if (created.refused === 'address_limit') {
          const refusal = tooManyRequests(operation.dialect, created.retryAfterSeconds);
          return { ...refusal, headers: { ...refusal.headers, ...spent(settings.perAddressPerHour) } } as HttpReply;
        }
        const message = `The sandbox holds its maximum of ${settings.total} tenants.`;
        return sessionError(429, 'rate_limit_exceeded', message, 'Retry later: idle tenants expire.', spent(settings.total));
      }
      const body = {
        token: created.token,
        expires_at: new Date(created.expiresAt).toISOString(),
        idle_expiry_seconds: settings.idleSeconds,
        row_limit: created.rowLimit,
        seed: seed.seed,
        seeded: summaryBody(created.seeded),
      };
      return { status: 201, body } as unknown as HttpReply;
    },
    async createSandboxReset(operation, _req, tenantId) {
      const seeded = await store.resetTenant(tenantId);
      // Deleted (or expired) since the token was accepted: nothing was written.
      if (!seeded) return unauthorized(operation.dialect, 'unknown_token');
      return { status: 200, body: { seeded: summaryBody(seeded) } };
    },
    async deleteSandboxTenant(_operation, _req, tenantId) {
      if (tenantId === LOCAL_TENANT) {
        const hint = 'POST /_sandbox/reset puts it back to its seed.';
        return sessionError(403, 'forbidden', "The configured tokens' tenant cannot be deleted.", hint);
      }
      await store.deleteTenant(tenantId);
      return { status: 200, body: { deleted: true } };
    },
  };
}
