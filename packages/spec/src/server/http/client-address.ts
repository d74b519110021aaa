// The address a request came from: the socket's peer, or — behind a load balancer the operator trusts
// (`--trust-proxy`) — the address that balancer appended last to `X-Forwarded-For`.
import type { IncomingMessage } from 'node:http';

/** The client's address; with `trustProxy`, the right-most `X-Forwarded-For` entry (the one the proxy added). */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return peer;
  const forwarded = [request.headers['x-forwarded-for'] ?? []].flat().join(',');
  const last = forwarded
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .pop();
  return last && /^[0-9a-fA-F:.]{2,45}$/.test(last) ? last : peer;
}
