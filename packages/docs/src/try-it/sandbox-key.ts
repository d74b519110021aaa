// "Get a sandbox key" and "Forget key" under the token field when the hosted sandbox is selected: one
// click creates a tenant of one's own (POST /_sandbox/tenants) and puts its key in the field (kept in
// this tab only); "Forget key" deletes that tenant and its data and clears the field. While the field
// holds the key this tab got, the first button reads "Get a new sandbox key" and deletes that tenant
// before creating the next (a pasted key's tenant is never deleted). Progress and failures (network,
// CORS, 429 with the API's code) are shown in a live status line.
import { el } from './dom.js';
import { createSandboxKey, deleteSandboxKey } from './tenant-api.js';
import { issuedKey, keepIssuedKey } from './token-store.js';

/** What the key controls need from the console. */
export interface KeyControlsOptions {
  prefix: string;
  /** The hosted sandbox's URL. */
  url: string;
  /** The key now in the token field. */
  current(): string;
  /** Puts a new key in the field and keeps it for this tab. */
  use(token: string): void;
  /** Clears the field and forgets the key in this tab. */
  forget(): void;
}

/** How long an idle key lives, in words. */
const lifetime = (seconds: number | undefined) => {
  if (!seconds) return '';
  const minutes = Math.round(seconds / 60);
  return ` It expires after ${minutes} idle ${minutes === 1 ? 'minute' : 'minutes'}.`;
};

/** Runs `task` once at a time from `button` (never `disabled`: that would drop the keyboard focus). */
function busyWhile(button: HTMLButtonElement, task: () => Promise<void>): () => Promise<void> {
  return async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      await task();
    } finally {
      button.removeAttribute('aria-disabled');
    }
  };
}

/** The controls; `element` is shown only while the hosted sandbox is the selected server. */
export function sandboxKeyControls(options: KeyControlsOptions): {
  element: HTMLElement;
  refresh(): void;
  say(text: string, failed?: boolean): void;
} {
  const getKey = el('button', { type: 'button', class: 'ti-small' }, 'Get a sandbox key');
  const forgetKey = el('button', { type: 'button', class: 'ti-small' }, 'Forget key');
  const status = el('p', { class: 'ti-key-status', id: `${options.prefix}-key-status`, role: 'status' });
  // The key the status line speaks of: once another console forgets or replaces it, the line is stale.
  let statusKey: string | undefined;
  const say = (text: string, failed = false, key?: string) => {
    status.textContent = text;
    status.classList.toggle('ti-key-failure', failed);
    statusKey = key;
  };
  /** Whether the field holds the key this tab got (its tenant may be deleted to make way for a new one). */
  const holdsIssued = () => !!options.current() && options.current() === issuedKey(options.url);
  const refresh = () => {
    forgetKey.hidden = !options.current();
    getKey.textContent = holdsIssued() ? 'Get a new sandbox key' : 'Get a sandbox key';
    if (statusKey !== undefined && statusKey !== options.current()) say('');
  };

  getKey.addEventListener(
    'click',
    busyWhile(getKey, async () => {
      const previous = holdsIssued() ? options.current() : undefined;
      say('Getting a sandbox key…');
      const key = await createSandboxKey(options.url, location.origin);
      if ('problem' in key) return say(`Could not get a sandbox key. ${key.problem}`, true);
      // The old sandbox would only wait for its idle expiry (and count against this address's limit).
      const replaced = previous ? await deleteSandboxKey(options.url, previous, location.origin) : undefined;
      keepIssuedKey(options.url, key.token);
      options.use(key.token);
      refresh();
      const note = replaced && !('problem' in replaced) ? ' The previous sandbox is deleted.' : '';
      say(`Key ready: a sandbox of your own, kept in this tab only; Send uses it.${lifetime(key.idleSeconds)}${note}`, false, key.token);
    }),
  );
  forgetKey.addEventListener(
    'click',
    busyWhile(forgetKey, async () => {
      const token = options.current();
      say('Deleting your sandbox…');
      const deleted = token ? await deleteSandboxKey(options.url, token, location.origin) : { deleted: true as const };
      if (token === issuedKey(options.url)) keepIssuedKey(options.url, null);
      options.forget();
      refresh();
      getKey.focus();
      if ('problem' in deleted) return say(`Forgot the key in this tab; the sandbox did not delete it: ${deleted.problem}`, true);
      if ('already' in deleted) return say('Forgot the key; its sandbox was already gone (expired when idle, or deleted).');
      say('Deleted your sandbox and its data, and forgot the key.');
    }),
  );
  refresh();
  return { element: el('div', { class: 'ti-key' }, el('div', { class: 'ti-key-actions' }, getKey, forgetKey), status), refresh, say };
}
