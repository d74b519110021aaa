// Every body each error builder can produce validates against the spec: the schema the operation
// declares for that status, or (405, unknown routes) the dialect's error schema component.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpecValidator, formatErrors, isReference, listOperations, loadSpec, sandboxApiPath } from '../src/index.js';
import {
  DIALECT_ERROR_SCHEMA,
  badRequest,
  compileOperations,
  endpointNotFound,
  errorDialectOf,
  internalError,
  invalidRequest,
  methodNotAllowed,
  notFound,
  payloadTooLarge,
  tooManyRequests,
  unauthorized,
  type ErrorDialect,
  type ErrorReply,
  type ParameterProblem,
} from '../src/server/index.js';

const documents = [
  { name: 'spec', spec: loadSpec() },
  { name: 'sandbox-api', spec: loadSpec(sandboxApiPath) },
];

const long = 'x'.repeat(5000);
const problem = (overrides: Partial<ParameterProblem>): ParameterProblem => ({
  in: 'query',
  code: 'too_small',
  keyword: 'minimum',
  message: 'limit must be >= 1',
  path: ['limit'],
  ...overrides,
});
const PROBLEM_LISTS: Array<[string, ParameterProblem[]]> = [
  ['one query problem', [problem({})]],
  [
    'a missing parameter',
    [problem({ code: 'required', keyword: 'required', message: 'version_key is required', path: ['version_key'], expected: 'a value' })],
  ],
  [
    'a bad enum',
    [problem({ code: 'invalid_enum_value', keyword: 'enum', path: ['platform'], expected: 'android | ios | web', received: 'windows' })],
  ],
  ['a path problem', [problem({ in: 'path', code: 'invalid_string', keyword: 'format', path: ['session_id'], received: '%FF' })]],
  [
    'path and query problems',
    [
      problem({ in: 'path', path: ['session_id'] }),
      problem({}),
      problem({ code: 'conflicting_cursors', keyword: 'custom', path: ['before'] }),
    ],
  ],
  ['body problems', [problem({ in: 'body', code: 'required', keyword: 'required', path: ['body', 'errors', '0'] })]],
  [
    'hostile values',
    [
      problem({
        code: 'Not A Code!',
        message: long,
        path: Array.from({ length: 40 }, () => long),
        expected: long,
        received: long,
        in: 'header',
      }),
      problem({ path: ['has space'], keyword: 'required' }),
      ...Array.from({ length: 150 }, () => problem({})),
    ],
  ],
  ['no problem at all', []],
];

/** Every reply the builders give for one dialect, labelled. */
function repliesOf(dialect: ErrorDialect): Array<[string, ErrorReply]> {
  return [
    ...PROBLEM_LISTS.map(([label, problems]): [string, ErrorReply] => [`400 ${label}`, invalidRequest(dialect, problems)]),
    ['400 bad_request', badRequest(dialect, 'The body is not valid JSON.')],
    ['400 bad_request, long', badRequest(dialect, long)],
    ...(['missing', 'not_bearer', 'unknown_token'] as const).map((reason): [string, ErrorReply] => [
      `401 ${reason}`,
      unauthorized(dialect, reason),
    ]),
    ['404 session', notFound(dialect, 'session', 'ses_nope')],
    ['404 session.error_group', notFound(dialect, 'session.error_group', 'seg_nope', 'No such group.')],
    ['404 hostile', notFound(dialect, 'Not An Entity!', long, long)],
    ['405', methodNotAllowed(dialect, 'post', ['GET', 'HEAD'])],
    ['405 odd method', methodNotAllowed(dialect, long, [])],
    ['413 5 MB', payloadTooLarge(dialect, 5 * 1024 * 1024)],
    ['413 odd size', payloadTooLarge(dialect, 1000.5)],
    ['429', tooManyRequests(dialect, 2)],
    ['429 out of range', tooManyRequests(dialect, 1e9)],
    ['429 fraction', tooManyRequests(dialect, 0.2)],
    ['500', internalError(dialect, 'req_mfl3k2a0Xq7Z')],
    ['500 odd request id', internalError(dialect, `has space ${long}`)],
  ];
}

const cases = documents.flatMap(({ name, spec }) => {
  const validator = createSpecValidator(spec);
  return compileOperations(spec, validator).flatMap((operation) =>
    repliesOf(operation.dialect).map(([label, reply]) => ({
      title: `${name} ${operation.operationId} (${operation.dialect}) ${label}`,
      spec,
      validator,
      operation,
      reply,
    })),
  );
});

describe('error replies validate against the spec', () => {
  it.each(cases.map((c) => [c.title, c] as const))('%s', (_, { spec, validator, operation, reply }) => {
    const item = spec.paths?.[operation.path];
    const declared = item && !isReference(item) ? item[operation.method]?.responses?.[String(reply.status)] : undefined;
    const result = declared
      ? validator.validateResponse(operation.method, operation.path, reply.status, reply.body)
      : validator.validateComponent(DIALECT_ERROR_SCHEMA[operation.dialect], reply.body);
    expect(result.valid, `${formatErrors(result.errors)}\n${JSON.stringify(reply.body).slice(0, 500)}`).toBe(true);
    if ('object' in reply.body) expect(reply.body.status).toBe(reply.status);
  });

  it('an unknown route is a session-dialect 404 naming the endpoint', () => {
    const reply = endpointNotFound('post', `/nope/${long}`);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ object: 'error', code: 'not_found', entity: 'endpoint' });
    expect(createSpecValidator().validateComponent('ApiError', reply.body).valid).toBe(true);
  });

  it('any list of problems gives a valid 400 in either dialect', () => {
    const validator = createSpecValidator();
    const text = fc.string({ maxLength: 2000, unit: 'binary' });
    const anyProblem = fc.record({
      in: fc.constantFrom('path', 'query', 'header', 'body'),
      code: text,
      message: text,
      path: fc.array(text, { maxLength: 30 }),
      keyword: fc.constantFrom('required', 'enum', 'type', 'custom', 'minimum'),
      expected: fc.option(text, { nil: undefined }),
      received: fc.option(text, { nil: undefined }),
    }) as fc.Arbitrary<ParameterProblem>;
    fc.assert(
      fc.property(fc.array(anyProblem, { maxLength: 120 }), (problems) => {
        const session = validator.validateResponse('get', '/session-errors', 400, invalidRequest('session', problems).body);
        const observability = validator.validateResponse(
          'get',
          '/observability.sessions.get',
          400,
          invalidRequest('observability', problems).body,
        );
        return session.valid && observability.valid;
      }),
      { numRuns: 200 },
    );
  });
});

describe('the reply carries what the status needs', () => {
  it.each(['session', 'observability'] as const)('%s: Allow on 405, Retry-After on 429, nothing else', (dialect) => {
    expect(methodNotAllowed(dialect, 'POST', ['GET', 'HEAD']).headers).toEqual({ Allow: 'GET, HEAD' });
    expect(tooManyRequests(dialect, 1.2).headers).toEqual({ 'Retry-After': '2' });
    expect(unauthorized(dialect, 'missing').headers).toEqual({});
  });

  it('names where the invalid values are', () => {
    const entity = (problems: ParameterProblem[]) => (invalidRequest('session', problems).body as { entity?: string }).entity;
    expect(entity([problem({})])).toBe('query');
    expect(entity([problem({ in: 'path', path: ['session_id'] })])).toBe('path');
    expect(entity([problem({ in: 'path' }), problem({})])).toBe('request');
    expect(entity([problem({ in: 'body' })])).toBe('body');
  });

  it('gives the observability dialect its per-type fields', () => {
    expect(invalidRequest('observability', [problem({ keyword: 'required', path: ['version_key'] })]).body).toMatchObject({
      type: 'missing_required_field',
      field_name: 'version_key',
    });
    expect(tooManyRequests('observability', 3).body).toMatchObject({ type: 'too_many_requests', retry_after: 3 });
    expect(payloadTooLarge('observability', 1024).body).toMatchObject({ type: 'request_entity_too_large', max_bytes: 1024 });
    expect(internalError('observability', 'req_1').body).toMatchObject({ type: 'internal_error', reference_id: 'req_1' });
  });
});

describe('errorDialectOf', () => {
  it('reads each operation’s dialect from the schemas of its error responses', () => {
    const spec = loadSpec();
    const dialects = Object.fromEntries(
      listOperations(spec).map(({ operationId, operation }) => [operationId, errorDialectOf(spec, operation)]),
    );
    expect(dialects.getObservabilitySession).toBe('observability');
    const others = Object.entries(dialects).filter(([id]) => id !== 'getObservabilitySession');
    expect(others).toHaveLength(9);
    for (const [id, dialect] of others) expect(dialect, id).toBe('session');
  });

  it('is undefined for an operation with no error body, or with both dialects', () => {
    const schemas = {
      Session: { type: 'object', required: ['code', 'message'] },
      Typed: { allOf: [{ type: 'object' }, { required: ['type'] }] },
    };
    const body = (name: string) => ({
      description: name,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } },
    });
    const doc = { components: { schemas } };
    expect(errorDialectOf(doc, { responses: { '200': body('Session') } })).toBeUndefined();
    expect(errorDialectOf(doc, { responses: { '404': body('Typed') } })).toBe('observability');
    expect(errorDialectOf(doc, { responses: { default: body('Session') } })).toBe('session');
    expect(errorDialectOf(doc, { responses: { '400': body('Session'), '404': body('Typed') } })).toBeUndefined();
  });
});
