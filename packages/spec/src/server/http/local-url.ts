// The URL a server bound to `host` can be reached at from this machine, as printed and returned to callers:
// an IPv6 address in brackets, and a wildcard bind (every interface) as the loopback address, which the
// Host check always serves (`http://0.0.0.0:4010` would be refused by it).

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** `http://<host>:<port>` as a caller on this machine can use it. */
export function localUrl(host: string, port: number): string {
  if (WILDCARDS.has(host)) return `http://127.0.0.1:${port}`;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}
