// A strict TypeScript consumer of the installed client. `tsc` compiles it with node16 (as ESM and as
// CommonJS), nodenext and bundler resolution and fails on a wrong type: the compile-time checks below are
// the test. The output then runs against the installed sandbox and prints what came back, like scenario.cjs.
import { AbortError, NotFoundError, createClient, isApiError, type ApiError, type components } from '@session-obs/client';

type SessionError = components['schemas']['SessionError'];
/** True when A and B are the same type (not merely assignable). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when its type argument is `true`. */
const assertType = <Check extends true>(check: Check): Check => check;

const setting = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

async function main() {
  const client = createClient({ baseUrl: setting('SANDBOX_URL'), token: setting('SANDBOX_TOKEN'), maxRetries: 0 });
  const query = { limit: Number(setting('PAGE_SIZE')) };

  const ids: string[] = [];
  let withNumericTimeout = 0;
  for await (const item of client.paginate('/session-errors', { params: { query } })) {
    assertType<Equal<typeof item, SessionError>>(true);
    // Free-form data: every field is `unknown`, readable once narrowed.
    assertType<Equal<typeof item.data.timeout_ms, unknown>>(true);
    if (typeof item.data.timeout_ms === 'number') withNumericTimeout += 1;
    // Enums stay precise: a status the API does not have is a compile error.
    assertType<Equal<typeof item.status, 'processing' | 'processed'>>(true);
    // @ts-expect-error 'done' is not a status
    if (item.status === 'done') throw new Error('unreachable');
    ids.push(item.id);
  }
  // @ts-expect-error paginate takes list paths only (never called: the check is the compile error)
  const _notAList = () => client.paginate('/sessions/{session_id}/errors/{session_error_id}', {});

  const one = await client.unwrap(
    client.GET('/sessions/{session_id}/errors/{session_error_id}', {
      params: { path: { session_id: setting('SESSION_ID'), session_error_id: setting('SESSION_ERROR_ID') } },
    }),
  );
  assertType<Equal<typeof one, SessionError>>(true);

  let notFound: ApiError | undefined;
  try {
    await client.unwrap(
      client.GET('/session-error-groups/{session_error_group_id}', { params: { path: { session_error_group_id: 'seg_missing000000' } } }),
    );
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error instanceof NotFoundError) {
      assertType<Equal<typeof error.kind, 'NotFoundError'>>(true);
      assertType<Equal<typeof error.status, number>>(true);
    }
    notFound = error;
  }

  const controller = new AbortController();
  let seenBeforeAbort = 0;
  let aborted: unknown;
  try {
    for await (const _item of client.paginate('/session-errors', { params: { query }, signal: controller.signal })) {
      seenBeforeAbort += 1;
      controller.abort();
    }
  } catch (error) {
    aborted = error;
  }
  if (aborted instanceof AbortError) assertType<Equal<typeof aborted.status, undefined>>(true);

  return {
    count: ids.length,
    distinct: new Set(ids).size,
    ascending: ids.every((id, index) => index === 0 || ids[index - 1]! < id),
    withNumericTimeout,
    one: { id: one.id, sessionId: one.session_id, inList: ids.includes(one.id) },
    notFound: {
      isNotFoundError: notFound instanceof NotFoundError,
      isApiError: isApiError(notFound),
      kind: notFound?.kind,
      code: notFound?.code,
      status: notFound?.status,
    },
    abort: { isAbortError: aborted instanceof AbortError, name: aborted instanceof Error ? aborted.name : undefined, seenBeforeAbort },
  };
}

main().then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
