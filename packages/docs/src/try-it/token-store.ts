// Where the console keeps the tokens a reader types or gets: this tab's sessionStorage, keyed by server
// (never localStorage, cookies or the URL). Where storage is blocked the token lives in the field only.

const TOKEN_KEY = 'try-it.token:';

/** The token kept for a server in this tab, or null when there is none (or storage is blocked). */
export function storedToken(url: string): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY + url);
  } catch {
    return null;
  }
}

/** Keeps `token` for a server in this tab. */
export function keepToken(url: string, token: string): void {
  try {
    sessionStorage.setItem(TOKEN_KEY + url, token);
  } catch {
    // storage blocked: the token lives in memory only
  }
}

/** Forgets the token of a server in this tab. */
export function forgetToken(url: string): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY + url);
  } catch {
    // storage blocked: nothing was kept
  }
}

const ISSUED_KEY = 'try-it.issued:';
// Where storage is blocked the key this tab got lives here only.
const issuedInMemory = new Map<string, string>();

/** The key this tab got from a hosted sandbox ("Get a sandbox key"), so a new one may replace it. */
export function issuedKey(url: string): string | null {
  try {
    return sessionStorage.getItem(ISSUED_KEY + url) ?? issuedInMemory.get(url) ?? null;
  } catch {
    return issuedInMemory.get(url) ?? null;
  }
}

/** Remembers (or, with null, forgets) the key this tab got from a hosted sandbox. */
export function keepIssuedKey(url: string, token: string | null): void {
  if (token === null) issuedInMemory.delete(url);
  else issuedInMemory.set(url, token);
  try {
    if (token === null) sessionStorage.removeItem(ISSUED_KEY + url);
    else sessionStorage.setItem(ISSUED_KEY + url, token);
  } catch {
    // storage blocked: kept in memory only
  }
}
