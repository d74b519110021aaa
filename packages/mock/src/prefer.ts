// The `Prefer` header, as Prism reads it: `code=<status>` picks a declared response, `example=<name>` a
// named example, `dynamic=true|false` generated bodies. Other preferences (`return=minimal`, …) are not
// ours and are ignored; a malformed value of ours is a typed problem, answered as a 400.

export interface Preferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

export type PreferResult = { ok: true; preferences: Preferences } | { ok: false; message: string };

/** Reads the `Prefer` header (several headers arrive joined with `, `). */
export function parsePrefer(header: string | undefined): PreferResult {
  const preferences: Preferences = {};
  for (const item of (header ?? '').split(',')) {
    const [token = ''] = item.split(';', 1);
    const equals = token.indexOf('=');
    const name = (equals < 0 ? token : token.slice(0, equals)).trim().toLowerCase();
    const value = equals < 0 ? '' : unquote(token.slice(equals + 1).trim());
    if (name === 'code') {
      if (!/^[1-5]\d\d$/.test(value))
        return { ok: false, message: `Prefer: code must be an HTTP status such as 404, got "${shorten(value)}".` };
      preferences.code = Number(value);
    } else if (name === 'example') {
      if (!/^[A-Za-z0-9._-]{1,128}$/.test(value))
        return { ok: false, message: `Prefer: example must name an example of the spec, got "${shorten(value)}".` };
      preferences.example = value;
    } else if (name === 'dynamic') {
      if (value !== 'true' && value !== 'false')
        return { ok: false, message: `Prefer: dynamic must be true or false, got "${shorten(value)}".` };
      preferences.dynamic = value === 'true';
    }
  }
  return { ok: true, preferences };
}

const unquote = (value: string) => (value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);
const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);
