// One tool call: check the arguments, send the operation's request through the upstream's client, and
// turn the answer (or the typed error) into a tool result. Never throws: every failure is a tool error.
import { errorFromResponse, isApiError, type ApiError } from '@session-obs/client';
import type { ToolDefinition } from '../generate/manifest.js';
import { requestParameters, type ArgumentProblem } from './arguments.js';
import { errorResult, successResult, type ToolErrorBody, type ToolResult } from './tool-results.js';
import type { UpstreamClient } from './upstream-clients.js';

/**
 * How long one tool call may take, every attempt and wait included. MCP clients give up on a request
 * after 60 s (the official SDK's default), so a call ends first, with a `timeout` tool error the agent can read.
 */
export const CALL_DEADLINE_MS = 50_000;

/** What a call needs besides the tool and its arguments. */
export interface CallContext {
  checkArguments(tool: string, args: unknown): ArgumentProblem[];
  clientFor(upstream: string): UpstreamClient;
  /** Credentials, kept out of every answer. */
  secrets: readonly string[];
  /** The call's deadline in ms (default CALL_DEADLINE_MS). */
  deadlineMs?: number;
}

/** The client's `GET` seen untyped: the path comes from the manifest, not from the compiled-in `paths` type. */
type LooseGet = (
  path: string,
  init: { params: { path: Record<string, unknown>; query: Record<string, unknown> }; signal: AbortSignal },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The refusal of arguments that break the input schema, naming each bad one. */
function refusal(tool: string, problems: ArgumentProblem[]): ToolErrorBody {
  const list = problems.map(({ argument, message }) => (argument ? `\`${argument}\` ${message}` : message));
  return {
    code: 'invalid_arguments',
    message: `${tool}: ${list.join('; ')}. Nothing was sent to the API.`,
    errors: problems.map(({ argument, message }) => ({ parameter: argument, message })),
  };
}

/** A typed client error as a tool error body: the API's code and message, status, request id, details. */
function apiErrorBody(error: ApiError): ToolErrorBody {
  const details = (error.body as { errors?: unknown } | undefined)?.errors;
  return {
    code: error.code,
    message: error.message,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.requestId ? { request_id: error.requestId } : {}),
    ...(Array.isArray(details) ? { errors: details } : {}),
  };
}

/** Runs `tool` with `rawArgs` (what the MCP client sent) and returns its result. */
export async function callTool(tool: ToolDefinition, rawArgs: unknown, context: CallContext): Promise<ToolResult> {
  const { secrets } = context;
  const problems = context.checkArguments(tool.name, rawArgs ?? {});
  if (problems.length) return errorResult(refusal(tool.name, problems), secrets);
  const args = (rawArgs ?? {}) as Record<string, unknown>;
  const upstream = context.clientFor(tool.route.upstream);
  if ('missing' in upstream) return errorResult({ code: 'missing_credential', message: upstream.missing }, secrets);
  const get = upstream.client.GET as unknown as LooseGet;
  const deadlineMs = context.deadlineMs ?? CALL_DEADLINE_MS;
  const deadline = AbortSignal.timeout(deadlineMs);
  try {
    const { data, error, response } = await get(tool.route.path, { params: requestParameters(tool.route, args), signal: deadline });
    if (!response.ok) return errorResult(apiErrorBody(errorFromResponse(response, error, secrets[0])), secrets);
    return successResult(tool.route, data, args, secrets);
  } catch (thrown) {
    // The client stops at the deadline with an AbortError: to the agent that is a timeout.
    if (isApiError(thrown) && thrown.kind === 'AbortError' && deadline.aborted) {
      const message = `${tool.name}: the API did not answer within ${deadlineMs / 1000} s (every attempt included); try again later.`;
      return errorResult({ code: 'timeout', message }, secrets);
    }
    // Transport failures (connection refused, timeout) arrive as typed errors; anything else is ours.
    if (isApiError(thrown)) return errorResult(apiErrorBody(thrown), secrets);
    return errorResult(
      { code: 'internal_error', message: `${tool.name} failed: ${(thrown as Error)?.message ?? String(thrown)}` },
      secrets,
    );
  }
}
