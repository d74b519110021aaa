// Where the console keeps the tokens a reader types or gets: this tab's sessionStorage, keyed by server
// (never localStorage, cookies or the URL). Where storage is blocked the token lives in the field only.

const TOKEN_KEY = 'try-it.token:';
const ISSUED_KEY = 'try-it.issued:';

/** An entry of this tab's sessionStorage, or null when there is none (or storage is blocked). */
function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Sets (or, with null, removes) an entry of this tab's sessionStorage; blocked storage keeps nothing. */
function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // storage blocked: nothing is kept
  }
}

/** The token kept for a server in this tab, or null when there is none (or storage is blocked). */
export const storedToken = (url: string): string | null => read(TOKEN_KEY + url);

/** Keeps `token` for a server in this tab. */
export const keepToken = (url: string, token: string): void => write(TOKEN_KEY + url, token);

/** Forgets the token of a server in this tab. */
export const forgetToken = (url: string): void => write(TOKEN_KEY + url, null);

// Where storage is blocked the key this tab got lives here only.
const issuedInMemory = new Map<string, string>();

/** The key this tab got from a hosted sandbox ("Get a sandbox key"), so a new one may replace it. */
export function issuedKey(url: string): string | null {
  return read(ISSUED_KEY + url) ?? issuedInMemory.get(url) ?? null;
}

/** Remembers (or, with null, forgets) the key this tab got from a hosted sandbox. */
export function keepIssuedKey(url: string, token: string | null): void {
  if (token === null) issuedInMemory.delete(url);
  else issuedInMemory.set(url, token);
  write(ISSUED_KEY + url, token);
}
