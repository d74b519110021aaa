// Shows one answer: status and duration, the headers that matter, the schema check (a mismatch listed
// plainly), the body pretty-printed, and the curl command of exactly what was sent with "Copy as curl".
import type { BodyCheck } from './check.js';
import { el } from './dom.js';
import { curlCommand, type PreparedRequest } from './request.js';
import type { NotReceived, Received } from './send.js';

/** How many schema problems are listed (the rest are counted). */
const SHOWN_PROBLEMS = 10;

/** The body as sent, re-indented when it is JSON. */
export function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Copies text with the Clipboard API, or a selected textarea where that API is missing (plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = el('textarea', { readonly: true, class: 'ti-offscreen' });
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** The curl block of `request`; `revealToken()` is read each time it is drawn or copied. */
export function curlView(request: PreparedRequest, revealToken: () => boolean): { element: HTMLElement; redraw(): void } {
  const code = el('pre', { class: 'ti-curl', tabindex: '0', 'aria-label': 'curl command of the request sent' });
  const note = el('span', { class: 'ti-note', role: 'status' });
  const copy = el('button', { type: 'button', class: 'ti-small' }, 'Copy as curl');
  const redraw = () => {
    code.textContent = curlCommand(request, revealToken());
  };
  copy.addEventListener('click', async () => {
    redraw();
    note.textContent = (await copyText(code.textContent ?? '')) ? 'Copied.' : 'Could not copy: select the text instead.';
  });
  redraw();
  return {
    element: el('div', { class: 'ti-curl-box' }, el('div', { class: 'ti-bar' }, el('strong', {}, 'Request'), copy, note), code),
    redraw,
  };
}

/** The view of an answer (or of a request that got none). */
export function answerView(answer: Received | NotReceived, check: BodyCheck | undefined): HTMLElement {
  const ms = `${Math.round(answer.durationMs)} ms`;
  if ('failure' in answer)
    return el(
      'div',
      { class: 'ti-failure', role: 'alert' },
      el('p', {}, el('strong', {}, 'No response'), ` · ${ms}`),
      el('p', {}, answer.failure),
    );
  const ok = answer.status >= 200 && answer.status < 300;
  const headers = el('dl', { class: 'ti-headers' });
  for (const [name, value] of answer.headers) headers.append(el('dt', {}, name), el('dd', {}, value));
  const verdict =
    check &&
    el(
      'div',
      { class: check.ok ? 'ti-check ti-ok' : 'ti-check ti-bad', 'data-schema-check': check.ok ? 'ok' : 'mismatch' },
      el('p', {}, check.ok ? '✔ ' : '✖ ', check.summary),
      check.problems.length
        ? el(
            'ul',
            {},
            ...check.problems
              .slice(0, SHOWN_PROBLEMS)
              .map((problem) => el('li', {}, el('code', {}, problem.path || '(body)'), ` ${problem.message}`)),
            check.problems.length > SHOWN_PROBLEMS ? el('li', {}, `and ${check.problems.length - SHOWN_PROBLEMS} more`) : null,
          )
        : null,
    );
  return el(
    'div',
    { class: 'ti-answer-body' },
    el(
      'p',
      { class: 'ti-status' },
      el(
        'strong',
        { class: ok ? 'ti-status-ok' : 'ti-status-error', 'data-status': String(answer.status) },
        `${answer.status} ${answer.statusText}`.trim(),
      ),
      ` · ${ms}`,
    ),
    answer.headers.length ? headers : null,
    verdict,
    el('pre', { class: 'ti-body', tabindex: '0', 'aria-label': 'response body' }, prettyBody(answer.bodyText) || '(empty body)'),
  );
}
