// The console's bearer token: the field (masked unless "Show token"), a hint on where requests go and
// where the token is kept, and, on the hosted sandbox, "Get a sandbox key" / "Forget key". What the reader
// types or gets is kept per server in this tab's sessionStorage (token-store.ts).
import { el } from './dom.js';
import type { ModelOperation, ModelServer } from './model.js';
import { sandboxKeyControls } from './sandbox-key.js';
import { forgetToken, keepToken, storedToken } from './token-store.js';

/** What the token field needs to know about the servers. */
export interface TokenFieldOptions {
  operation: ModelOperation;
  prefix: string;
  /** The hosted sandbox the docs were built for, if any. */
  hosted: ModelServer | undefined;
  /** The token of a server when this tab kept none (a local server's dev token), else ''. */
  defaultToken(url: string): string;
  isLocal(url: string): boolean;
  /** Called when "Show token" changes. */
  onReveal(): void;
  /** Called when "Get a sandbox key" put a new key in the field. */
  onKey(): void;
}

/** The token field group; `select(url)` shows the token and hint of the server now selected. */
export function tokenField({ operation, prefix, hosted, defaultToken, isLocal, onReveal, onKey }: TokenFieldOptions) {
  let selected = '';
  const token = el('input', {
    id: `${prefix}-token`,
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${prefix}-token-hint`,
  });
  const reveal = el('input', { id: `${prefix}-reveal`, type: 'checkbox' });
  const hint = el('p', { class: 'ti-hint', id: `${prefix}-token-hint` });
  const keys =
    hosted &&
    sandboxKeyControls({
      prefix,
      url: hosted.url,
      current: () => token.value.trim(),
      use: (key) => {
        token.value = key;
        keepToken(hosted.url, key);
        onKey();
      },
      forget: () => {
        token.value = '';
        forgetToken(hosted.url);
      },
    });
  token.addEventListener('input', () => {
    keepToken(selected, token.value);
    keys?.refresh();
  });
  reveal.addEventListener('change', () => {
    token.type = reveal.checked ? 'text' : 'password';
    onReveal();
  });
  const select = (url: string) => {
    selected = url;
    token.value = storedToken(url) ?? defaultToken(url);
    const onHosted = url === hosted?.url;
    if (keys) keys.element.hidden = !onHosted;
    keys?.refresh();
    hint.textContent = onHosted
      ? `Your own sandbox on ${url}: get a key with the button (no sign-up). Kept in this tab only.`
      : isLocal(url)
        ? 'Kept in this tab only (memory and sessionStorage).'
        : `Requests go to ${url} with this ${operation.scheme} credential. Kept in this tab only.`;
  };
  const element = el(
    'div',
    { class: 'ti-param' },
    el('label', { for: token.id }, `Bearer token (${operation.scheme})`),
    token,
    el('label', { class: 'ti-inline', for: reveal.id }, reveal, ' Show token'),
    hint,
    keys && keys.element,
  );
  return {
    element,
    select,
    /** The token to send, trimmed. */
    value: () => token.value.trim(),
    revealed: () => reveal.checked,
    /** Re-reads the hosted sandbox's key (got or forgotten in another operation's console). */
    refresh: () => {
      if (selected === hosted?.url) select(selected);
    },
    /** After an answer: a 401 from the hosted sandbox means its key is gone (idle expiry, deleted). */
    answered: (status: number | undefined) => {
      if (selected === hosted?.url && status === 401)
        keys?.say(
          'The sandbox refused this key (401: it expired after being idle, or was deleted). Press "Get a sandbox key" for a new one.',
          true,
        );
    },
    /** Why Send cannot go yet: the hosted sandbox selected without a key. */
    problem: () =>
      selected === hosted?.url && !token.value.trim() ? 'No sandbox key yet: press "Get a sandbox key" first (or paste a key).' : undefined,
  };
}
