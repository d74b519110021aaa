// The fetch orval's generated functions call (its `mutator`): the credential of each upstream by origin,
// and a transport the consumer can replace (to record and forward requests). What an orval user writes.
type Transport = (input: string, init: RequestInit) => Promise<Response>;

let transport: Transport = (input, init) => fetch(input, init);
/** Bearer tokens by origin: `https://api.metorial.com` → the Metorial key, `https://api.devrev.ai` → the DevRev token. */
export const credentials: Record<string, string> = {};
/** Replaces the transport every generated function sends through. */
export const setTransport = (next: Transport): void => {
  transport = next;
};

/** Sends one request with the credential of its origin and returns orval's `{ status, data, headers }`. */
export const fetcher = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const headers = new Headers(init?.headers);
  const token = credentials[new URL(url).origin];
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await transport(url, { ...init, headers });
  return { status: response.status, data: await response.json(), headers: response.headers } as T;
};
