// The Try it console's entry point in the page: once Redoc has hydrated, puts a "Try it" button on every
// operation and opens a console beside it (a side panel) with the server, the token, the parameters and
// Send. It reads the model the build embedded and, when a local docs server injected them, the local
// settings (ports in use, the sandbox preselected with its token and ids). A hosted sandbox the docs were
// built for comes first, with "Get a sandbox key", and the new tenant's ids fill the fields. The token
// stays in memory and sessionStorage; the only requests are the ones the reader sends and, on the hosted
// sandbox, the key's own calls (create, fixtures, delete).
import { answerView, curlView } from './answer-view.js';
import { fixtureValues } from './fixture-values.js';
import { checkBody } from './check.js';
import { el } from './dom.js';
import { parameterFields } from './form.js';
import type { ConsoleModel, LocalConfig, ModelOperation } from './model.js';
import { paramKey, prepareRequest } from './request.js';
import { afterRender } from './after-render.js';
import { repairOutline } from './outline.js';
import { focusScrollables } from './scrollables.js';
import { send } from './send.js';
import { sandboxFixtures } from './tenant-api.js';
import { tokenField } from './token-field.js';
import styles from './styles.css';

const isLocal = (url: string) => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(url);
const readJson = <T>(id: string): T | undefined => {
  const text = document.getElementById(id)?.textContent;
  return text ? (JSON.parse(text) as T) : undefined;
};
const model = readJson<ConsoleModel>('try-it-model');
const local = readJson<LocalConfig>('try-it-config');
// The local servers (mock, sandbox) serve every operation; production servers are per operation.
const localServers = (local?.servers ?? []).filter((entry) => isLocal(entry.url));
// The hosted sandbox the docs were built for (DOCS_SANDBOX_URL): offered first on every operation.
const hosted = model?.hosted;
const byLowerId = new Map((model?.operations ?? []).map((operation) => [operation.id.toLowerCase(), operation]));

/** Prefill by parameter key: the ids known to exist (`known`, else a local server's), else the spec's examples, of path and required parameters. */
function prefillFor(operation: ModelOperation, url: string, known = local?.values[url]?.[operation.id] ?? {}): Record<string, string> {
  const entries = operation.params
    .filter((param) => param.in === 'path' || param.required)
    .map((param) => [paramKey(param), known[param.name] ?? (param.example === undefined ? '' : String(param.example))]);
  return Object.fromEntries(entries);
}

// Ids that exist in a hosted sandbox tenant, by operation, asked for once per key (GET /_sandbox/fixtures):
// a new tenant has none of the spec's example ids, so a get would otherwise answer 404.
const tenantValues = new Map<string, Promise<Record<string, Record<string, string>> | undefined>>();
function valuesOfTenant(url: string, key: string): Promise<Record<string, Record<string, string>> | undefined> {
  let values = tenantValues.get(key);
  if (!values) {
    values = sandboxFixtures(url, key, location.origin).then((fixtures) => {
      if (!('problem' in fixtures)) return fixtureValues(model!, fixtures);
      tenantValues.delete(key); // asked again next time; the examples stay meanwhile
      return undefined;
    });
    tenantValues.set(key, values);
  }
  return values;
}

/** The console of one operation (built once, kept while the page lives); `refresh` re-reads the hosted sandbox's key. */
function buildConsole(operation: ModelOperation): { element: HTMLElement; refresh(): void } {
  const prefix = `ti-${operation.id}`;
  const servers = [...(hosted ? [hosted] : []), ...operation.servers, ...localServers];
  const server = el(
    'select',
    { id: `${prefix}-server` },
    ...servers.map((entry) => el('option', { value: entry.url }, `${entry.description} — ${entry.url}`)),
  );
  server.value = servers.some((entry) => entry.url === local?.selected) ? local!.selected : (servers[0]?.url ?? '');
  const token = tokenField({
    operation,
    prefix,
    hosted,
    defaultToken: (url) => local?.tokens[url] ?? '',
    isLocal,
    onReveal: () => curl?.redraw(),
    onKey: () => prefillTenant(),
  });
  const fields = parameterFields(operation, prefix);
  const sendButton = el('button', { type: 'submit', class: 'ti-send' }, 'Send');
  const answer = el('section', { class: 'ti-answer', 'aria-live': 'polite', 'aria-label': 'Response' });
  let curl: ReturnType<typeof curlView> | undefined;

  /** On the hosted sandbox with a key: the fields the reader has not edited get ids of that tenant. */
  const prefillTenant = () => {
    const url = server.value;
    const key = token.value();
    if (!hosted || url !== hosted.url || !key) return;
    void valuesOfTenant(url, key).then((values) => {
      const known = values?.[operation.id];
      if (known && server.value === url && token.value() === key) fields.prefill(prefillFor(operation, url, known));
    });
  };
  const serverChanged = () => {
    token.select(server.value);
    fields.prefill(prefillFor(operation, server.value));
    prefillTenant();
  };
  server.addEventListener('change', serverChanged);
  serverChanged();

  const form = el(
    'form',
    { novalidate: true, class: 'ti-form' },
    el('div', { class: 'ti-param' }, el('label', { for: server.id }, 'Server'), server),
    token.element,
    fields.element,
    el('div', { class: 'ti-actions' }, sendButton),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const missing = token.problem();
    const request = missing ? { problem: missing } : prepareRequest(operation, server.value, fields.values(), token.value());
    if ('problem' in request) {
      answer.replaceChildren(el('p', { class: 'ti-failure', role: 'alert' }, request.problem));
      return;
    }
    // Never `disabled`: a disabled button drops the keyboard focus to <body>, where Escape no longer
    // reaches the console. A press while sending is ignored instead.
    if (sendButton.getAttribute('aria-disabled') === 'true') return;
    sendButton.setAttribute('aria-disabled', 'true');
    answer.replaceChildren(el('p', {}, 'Sending…'));
    curl = curlView(request, token.revealed);
    const result = await send(request);
    const check = 'failure' in result ? undefined : checkBody(model!, operation, result.status, result.bodyText);
    answer.replaceChildren(answerView(result, check), curl.element);
    token.answered('failure' in result ? undefined : result.status);
    sendButton.removeAttribute('aria-disabled');
    answer.scrollIntoView({ block: 'start' });
  });
  const element = el('div', { class: 'ti-console', 'data-operation': operation.id }, form, answer);
  // A key got or forgotten in another operation's console is the one this console uses too.
  return {
    element,
    refresh: () => {
      token.refresh();
      prefillTenant();
    },
  };
}

let panel: HTMLElement | undefined;
let opener: HTMLButtonElement | undefined;
const consoles = new Map<string, ReturnType<typeof buildConsole>>();

function close(): void {
  if (!panel || panel.hidden) return;
  panel.setAttribute('hidden', '');
  opener?.setAttribute('aria-expanded', 'false');
  if (opener?.isConnected) opener.focus();
}

function open(operation: ModelOperation, button: HTMLButtonElement): void {
  if (!panel) {
    panel = el('div', { class: 'ti-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ti-title' });
    // Escape closes the console from anywhere in the page while it is open (the focus may be on the page beside it).
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    });
    document.body.append(panel);
  }
  opener?.setAttribute('aria-expanded', 'false');
  opener = button;
  button.setAttribute('aria-expanded', 'true');
  if (!consoles.has(operation.id)) consoles.set(operation.id, buildConsole(operation));
  const built = consoles.get(operation.id)!;
  built.refresh();
  const closeButton = el('button', { type: 'button', class: 'ti-close', 'aria-label': 'Close the console' }, '×');
  closeButton.addEventListener('click', close);
  panel.replaceChildren(
    el(
      'header',
      { class: 'ti-head' },
      el('h2', { id: 'ti-title' }, 'Try it'),
      closeButton,
      el('p', {}, el('code', {}, `${operation.method} ${operation.path}`), ` ${operation.summary}`),
    ),
    built.element,
  );
  panel.removeAttribute('hidden');
  panel.querySelector<HTMLElement>('select, input')?.focus();
}

/** Adds a Try it button to every rendered operation that has none yet. */
function mountButtons(): void {
  for (const section of document.querySelectorAll<HTMLElement>('[data-item-kind="httpItem"][data-section-id]')) {
    const operation = byLowerId.get(section.dataset.sectionId!.split('/').pop()!.toLowerCase());
    if (!operation || section.querySelector('[data-try-it]')) continue;
    const button = el(
      'button',
      { type: 'button', class: 'ti-open', 'data-try-it': operation.id, 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
      'Try it',
    );
    button.addEventListener('click', () => open(operation, button));
    const actions = section.querySelector('[data-testid="page-actions"]');
    if (actions) actions.prepend(button);
    else section.querySelector('h1, h2')?.after(button);
  }
}

/** Resolves once React has hydrated Redoc's markup (its nodes carry React's fiber keys), or after 10 s. */
function whenHydrated(): Promise<void> {
  const hydrated = () => {
    const node = document.querySelector('[data-testid="page-actions"]');
    return node !== null && Object.keys(node).some((key) => key.startsWith('__reactFiber'));
  };
  return new Promise((resolve) => {
    const started = Date.now();
    const poll = () => (hydrated() || Date.now() - started > 10_000 ? resolve() : setTimeout(poll, 50));
    poll();
  });
}

if (model) {
  void whenHydrated().then(() => {
    document.head.append(el('style', { id: 'try-it-style' }, styles));
    const root = document.getElementById('redoc') ?? document.body;
    let queued = false;
    new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        mountButtons();
      });
    }).observe(root, { childList: true, subtree: true });
    mountButtons();
    afterRender(root, () => {
      focusScrollables(root);
      repairOutline(root);
    });
  });
}
