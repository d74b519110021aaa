// The calls every JavaScript consumer makes against the installed sandbox, however it loaded the client
// (`import`, `require`, a browser bundle): it passes the module in. Returns what came back; the test checks it.
'use strict';

/** The settings a consumer gets from its runner (environment variables in Node, the URL hash in a browser). */
function readSettings(source) {
  return {
    baseUrl: source.SANDBOX_URL,
    token: source.SANDBOX_TOKEN,
    sessionId: source.SESSION_ID,
    sessionErrorId: source.SESSION_ERROR_ID,
    pageSize: Number(source.PAGE_SIZE),
  };
}

/** Resolves with the error a promise rejects with, or `undefined` if it fulfils. */
const rejectionOf = (promise) =>
  promise.then(
    () => undefined,
    (error) => error,
  );

/** Every item of a list (several pages), one object, a typed 404 and an abort in the middle of a walk. */
async function runScenario(lib, settings) {
  const client = lib.createClient({ baseUrl: settings.baseUrl, token: settings.token, maxRetries: 0 });
  const query = { limit: settings.pageSize };

  const ids = [];
  for await (const item of client.paginate('/session-errors', { params: { query } })) ids.push(item.id);

  const path = { session_id: settings.sessionId, session_error_id: settings.sessionErrorId };
  const one = await client.unwrap(client.GET('/sessions/{session_id}/errors/{session_error_id}', { params: { path } }));

  const missing = await rejectionOf(
    client.unwrap(
      client.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'seg_missing000000' } } }),
    ),
  );

  const controller = new AbortController();
  let seenBeforeAbort = 0;
  const aborted = await rejectionOf(
    (async () => {
      for await (const _item of client.paginate('/session-errors', { params: { query }, signal: controller.signal })) {
        seenBeforeAbort += 1;
        controller.abort();
      }
    })(),
  );

  return {
    count: ids.length,
    distinct: new Set(ids).size,
    ascending: ids.every((id, index) => index === 0 || ids[index - 1] < id),
    one: { id: one.id, sessionId: one.session_id, inList: ids.includes(one.id) },
    notFound: {
      isNotFoundError: missing instanceof lib.NotFoundError,
      isApiError: lib.isApiError(missing),
      kind: missing && missing.kind,
      code: missing && missing.code,
      status: missing && missing.status,
    },
    abort: { isAbortError: aborted instanceof lib.AbortError, name: aborted && aborted.name, seenBeforeAbort },
  };
}

module.exports = { readSettings, runScenario };
