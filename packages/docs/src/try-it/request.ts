// Turns the console's form values into the request that is sent, and that request into the curl
// command shown and copied ("Copy as curl" is built from exactly what fetch was given).
import type { ModelOperation, ModelParameter } from './model.js';

/** The values of the form by parameter key (`paramKey`): every non-empty value, in order (one-or-many have several). */
export type FormValues = Record<string, string[]>;

/** A parameter's key in the form: a path and a query parameter may share a name (`session_id`). */
export const paramKey = (param: Pick<ModelParameter, 'in' | 'name'>) => `${param.in}.${param.name}`;

/** A request ready for fetch. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/** Why a request could not be built (shown in the console instead of sending). */
export interface RequestProblem {
  problem: string;
}

/** What curl shows in place of a token that is not revealed. */
export const MASK = '****';

/**
 * The request for `operation` on `serverUrl` with the form's values and bearer token: path parameters
 * filled in (percent-encoded), query parameters appended in the spec's order (one-or-many as repeated keys).
 */
export function prepareRequest(
  operation: ModelOperation,
  serverUrl: string,
  values: FormValues,
  token: string,
): PreparedRequest | RequestProblem {
  let path = operation.path;
  const query = new URLSearchParams();
  for (const param of operation.params) {
    const given = values[paramKey(param)] ?? [];
    if (param.in === 'path') {
      if (!given[0]) return { problem: `Path parameter ${param.name} is required: fill it in to build the URL.` };
      path = path.replace(`{${param.name}}`, encodeURIComponent(given[0]));
    } else {
      for (const value of param.many ? given : given.slice(0, 1)) query.append(param.name, value);
    }
  }
  const search = query.toString();
  const url = `${serverUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
  if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) {
    return { problem: `"${serverUrl}" is not a server URL (it must start with http:// or https://).` };
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return { method: operation.method, url, headers };
}

/** A word for the shell: single-quoted, with single quotes inside escaped. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The curl command that sends `request`; the bearer token is shown as `****` unless `revealToken`. */
export function curlCommand(request: PreparedRequest, revealToken: boolean): string {
  const parts = [`curl -sS${request.method === 'GET' ? '' : ` -X ${request.method}`} ${shellQuote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    const shown = name === 'Authorization' && !revealToken ? value.replace(/^Bearer .*/, `Bearer ${MASK}`) : value;
    parts.push(`-H ${shellQuote(`${name}: ${shown}`)}`);
  }
  return parts.join(' \\\n  ');
}
