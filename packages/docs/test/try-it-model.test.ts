// The console's model of the spec (built into the page) and the local settings `pnpm start`/`pnpm dev` add.
import { describe, expect, it } from 'vitest';
import { isOpenApiDocument, listOperations, loadSpec } from '@session-obs/spec';
import { consoleModel, stripSchema } from '../src/try-it-model.js';
import { fixtureValues, localConsoleConfig, localKind } from '../src/try-it-config.js';

const spec = loadSpec();
const model = consoleModel(spec);
const operation = (id: string) => model.operations.find((candidate) => candidate.id === id)!;

describe('consoleModel', () => {
  it('has every operation of the spec with its method, path and summary', () => {
    expect(model.operations.map((op) => op.id).sort()).toEqual(
      listOperations(spec)
        .map((op) => op.operationId)
        .sort(),
    );
    expect(operation('listSessionErrors')).toMatchObject({ method: 'GET', path: '/session-errors', summary: 'List all session errors' });
    expect(model.servers.map((server) => server.url)).toEqual(spec.servers?.map((server) => server.url));
  });

  it("gives each operation its own production server and credential (the spec entry's servers and security)", () => {
    expect(operation('getObservabilitySession')).toMatchObject({
      servers: [{ url: 'https://api.devrev.ai', description: expect.any(String) }],
      scheme: 'DevRevToken',
    });
    for (const op of model.operations.filter((candidate) => candidate.id !== 'getObservabilitySession'))
      expect(op, op.id).toMatchObject({ servers: [{ url: 'https://api.metorial.com' }], scheme: 'MetorialSecretKey' });
  });

  it('describes parameters: types, limits, defaults, enums, one-or-many, required, examples', () => {
    const params = Object.fromEntries(operation('listSessionErrorsForSession').params.map((param) => [`${param.in}.${param.name}`, param]));
    expect(params['path.session_id']).toMatchObject({ required: true, many: false, type: 'string', example: 'ses_4dEfGhJkLmNpQrSt' });
    expect(params['query.session_id']).toMatchObject({ required: false, many: true, type: 'string' });
    expect(params['query.limit']).toMatchObject({ required: false, type: 'integer', minimum: 1, maximum: 100, default: 20 });
    expect(params['query.order']).toMatchObject({ enum: ['asc', 'desc'], default: 'asc' });
    expect(params['query.type']).toMatchObject({ many: true, enum: expect.arrayContaining(['message_processing_timeout']) });
    expect(params['query.session_error_group_id']).toMatchObject({ many: true, type: 'string', pattern: '^[A-Za-z0-9_-]+$' });
    expect(
      operation('getObservabilitySession')
        .params.filter((param) => param.required)
        .map((param) => param.name),
    ).toEqual(['platform', 'session_id', 'version_key']);
  });

  it('reads parsed JSON defensively: a keyword of the wrong type is left out, a non-schema is kept as written', () => {
    const parsed: unknown = JSON.parse(
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'Loose', version: '1' },
        paths: {
          '/things/{id}': {
            get: {
              operationId: 'getThing',
              parameters: [
                {
                  name: 'id',
                  in: 'path',
                  required: true,
                  schema: { type: 'string', maxLength: '12', pattern: 5, enum: ['a', null], minimum: 1 },
                },
                { name: 'trace', in: 'header', schema: { type: 'string' } },
              ],
              responses: {
                '200': {
                  description: 'ok',
                  content: {
                    'application/json': {
                      schema: { type: 'object', items: [1], properties: { a: true, b: { type: 'string', title: 'B' } } },
                    },
                  },
                },
                '204': { description: 'no body' },
              },
            },
          },
        },
      }),
    );
    if (!isOpenApiDocument(parsed)) throw new Error('fixture is no OpenAPI document');
    const [thing] = consoleModel(parsed).operations;
    expect(thing?.params).toEqual([{ name: 'id', in: 'path', required: true, many: false, type: 'string', minimum: 1 }]);
    expect(thing?.responses).toEqual({
      '200': { type: 'object', items: [1], properties: { a: true, b: { type: 'string' } } },
      '204': null,
    });
  });

  it('keeps the response schemas per status and drops annotations, but never a property named like one', () => {
    expect(Object.keys(operation('getObservabilitySession').responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '413',
      '429',
      '500',
      '503',
    ]);
    const schemas = JSON.stringify(model.root);
    expect(schemas).not.toMatch(/"(examples|example|title)":/);
    expect(model.root.components.schemas.SessionError).not.toHaveProperty('description');
    expect(
      stripSchema({
        type: 'object',
        description: 'd',
        properties: { description: { type: 'string', example: 'x' } },
        required: ['description'],
      }),
    ).toEqual({ type: 'object', properties: { description: { type: 'string' } }, required: ['description'] });
  });
});

describe('local console settings', () => {
  const fixtures = {
    session_id: 'ses_real',
    session_error_id: 'ser_real',
    session_error_group_id: 'seg_real',
    session_event_id: 'sev_real',
    observability: { platform: 'web', session_id: 'f00-uuid', version_key: 'com.example' },
  };

  it('tells local entries apart by their description; the published spec has none', () => {
    expect(spec.servers?.map(localKind)).toEqual([undefined]);
    expect([{ description: 'Local Prism mock' }, { description: 'Local sandbox' }].map(localKind)).toEqual(['mock', 'sandbox']);
  });

  it('points the local entries at the ports in use, preselects the sandbox and prefills its token', () => {
    const config = localConsoleConfig(spec, {
      mock: { url: 'http://127.0.0.1:5001' },
      sandbox: { url: 'http://127.0.0.1:5002', token: 'metorial_sk_sandbox_dev', fixtures },
    });
    expect(config.servers.map((server) => server.url)).toEqual([
      'https://api.metorial.com',
      'http://127.0.0.1:5001',
      'http://127.0.0.1:5002',
    ]);
    expect(config.selected).toBe('http://127.0.0.1:5002');
    expect(config.tokens).toEqual({ 'http://127.0.0.1:5001': 'test', 'http://127.0.0.1:5002': 'metorial_sk_sandbox_dev' });
    expect(config.values['http://127.0.0.1:5001']).toBeUndefined();
  });

  it('prefills ids that exist in the sandbox: path parameters, and the observability lookup', () => {
    const values = fixtureValues(model, fixtures);
    expect(values.getSessionErrorGroupForSession).toEqual({ session_id: 'ses_real', session_error_group_id: 'seg_real' });
    expect(values.getSessionEvent).toEqual({ session_id: 'ses_real', session_event_id: 'sev_real' });
    expect(values.getObservabilitySession).toEqual(fixtures.observability);
    expect(values.listSessionErrors).toBeUndefined();
  });

  it('adds a local server the spec does not list', () => {
    const config = localConsoleConfig({ ...spec, servers: [spec.servers![0]!] }, { sandbox: { url: 'http://127.0.0.1:5002' } });
    expect(config.servers.at(-1)).toEqual({ url: 'http://127.0.0.1:5002', description: 'Local sandbox' });
    expect(config.selected).toBe('http://127.0.0.1:5002');
  });
});
