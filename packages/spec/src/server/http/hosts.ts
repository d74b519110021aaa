// The `Host` header check that stops DNS rebinding: a page on an attacker's domain that resolves to
// 127.0.0.1 sends `Host: evil.example`, so a local server answers only the names it is known by. Loopback
// names always pass (any port); a hosted server lists its public names.

/** Host names a local server answers to, whatever the port. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Parses `docs.example.com,api.example.com:8443` into lower-case names (a port, when given, must match too). */
export function parseAllowedHosts(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => {
      if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(entry))
        throw new Error(`allowed host "${entry}" is not a host name such as api.example.com`);
      return entry;
    });
}

/** Splits `name[:port]` (IPv6 in brackets) into its lower-case name and port; `example.com.` is `example.com`. */
function splitHost(host: string): { name: string; port?: string } {
  const match = /^(\[[^\]]*\]|[^:]*?)\.?(?::(\d+))?$/.exec(host.trim().toLowerCase());
  return match ? { name: match[1]!, ...(match[2] !== undefined && { port: match[2] }) } : { name: '\0' };
}

/** Whether a request's `Host` header names this server: a loopback name, or one of `allowed` (`name` or `name:port`). */
export function hostAllowed(hostHeader: string | undefined, allowed: readonly string[]): boolean {
  if (!hostHeader) return false;
  const { name, port } = splitHost(hostHeader);
  if (LOOPBACK.has(name) || name.endsWith('.localhost')) return true;
  return allowed.some((entry) => {
    const wanted = splitHost(entry);
    return wanted.name === name && (wanted.port === undefined || wanted.port === port);
  });
}

/**
 * How many `Host` lines a request's raw headers (name, value, name, value, …) hold. Node keeps the first
 * of several; a proxy may route by another, so more than one is a 400 (RFC 9112).
 */
export function hostLines(raw: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.length === 4 && raw[i]!.toLowerCase() === 'host') count++;
  return count;
}

/**
 * The host a request asks for: the one a request target in absolute form names (`GET http://host/path`,
 * which wins over the `Host` header, RFC 9112), else the `Host` header.
 */
export function requestedHost(target: string | undefined, hostHeader: string | undefined): string | undefined {
  return /^https?:\/\/(?:[^/?#@]*@)?([^/?#]*)/i.exec(target ?? '')?.[1] ?? hostHeader;
}
