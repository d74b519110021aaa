// @ts-check
// DNS rebinding reaches a server on loopback through a name the attacker controls: a server bound to
// loopback answers only requests whose `Host` names it as loopback (127.0.0.1, localhost, [::1]).
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True when `host` (what the server listens on) is a loopback address. */
export const isLoopback = (/** @type {string} */ host) => LOOPBACK.has(host) || host.startsWith('127.');

/**
 * The `Host` values a server listening on `host:port` answers; undefined when it answers any (not loopback).
 * @param {string} host
 * @param {number} port
 * @returns {Set<string> | undefined}
 */
export function servedHosts(host, port) {
  if (!isLoopback(host)) return undefined;
  const names = ['127.0.0.1', 'localhost', '[::1]', host.includes(':') && !host.startsWith('[') ? `[${host}]` : host];
  const hosts = new Set(names.map((name) => `${name}:${port}`));
  if (port === 80) for (const name of names) hosts.add(name);
  return hosts;
}

/**
 * Why a request's `Host` is refused, or undefined when it is served.
 * @param {string | undefined} hostHeader
 * @param {Set<string> | undefined} served
 */
export function hostProblem(hostHeader, served) {
  if (!served) return undefined;
  const host = (hostHeader ?? '').toLowerCase();
  if (served.has(host)) return undefined;
  return `this docs server answers only ${[...served].join(', ')}; the request named "${hostHeader ?? ''}" (Host header).`;
}
