import { describe, expect, it } from 'vitest';
import { HTTP_METHODS, listOperations, loadSpec, type OpenApiDocument } from '../src/index.js';

const doc: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'walker fixture', version: '1' },
  paths: {
    '/things/{thing_id}': {
      parameters: [
        { $ref: '#/components/parameters/ThingId' },
        { name: 'limit', in: 'query', schema: { type: 'integer' } },
        { name: 'trace', in: 'header', schema: { type: 'string' } },
      ],
      get: {
        operationId: 'getThing',
        parameters: [
          { name: 'limit', in: 'query', description: 'the operation wins', schema: { type: 'integer', maximum: 5 } },
          { name: 'limit', in: 'header', schema: { type: 'string' } },
          { $ref: '#/components/parameters/Missing' },
        ],
      },
      delete: {},
    },
    '/aliased': { $ref: '#/components/pathItems/Aliased' },
  },
  components: {
    parameters: { ThingId: { name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } } },
    pathItems: { Aliased: { post: { operationId: 'createAliased' } } },
  },
};

describe('listOperations', () => {
  const operations = listOperations(doc);
  const getThing = operations.find((operation) => operation.operationId === 'getThing')!;

  it('lists every operation in path order, then method order, with its pointer and key', () => {
    expect(operations.map(({ method, path, operationId, key, pointer }) => ({ method, path, operationId, key, pointer }))).toEqual([
      {
        method: 'get',
        path: '/things/{thing_id}',
        operationId: 'getThing',
        key: 'GET /things/{}',
        pointer: '/paths/~1things~1{thing_id}/get',
      },
      {
        method: 'delete',
        path: '/things/{thing_id}',
        operationId: 'DELETE /things/{thing_id}',
        key: 'DELETE /things/{}',
        pointer: '/paths/~1things~1{thing_id}/delete',
      },
      { method: 'post', path: '/aliased', operationId: 'createAliased', key: 'POST /aliased', pointer: '/paths/~1aliased/post' },
    ]);
  });

  it('merges path-level parameters with the operation’s, the operation winning on name + in, each with its pointers', () => {
    expect(
      getThing.parameters.map(({ parameter, pointer, source, level }) => [`${parameter.in}:${parameter.name}`, pointer, source, level]),
    ).toEqual([
      ['path:thing_id', '/paths/~1things~1{thing_id}/parameters/0', '/components/parameters/ThingId', 'path'],
      ['header:trace', '/paths/~1things~1{thing_id}/parameters/2', '/paths/~1things~1{thing_id}/parameters/2', 'path'],
      ['query:limit', '/paths/~1things~1{thing_id}/get/parameters/0', '/paths/~1things~1{thing_id}/get/parameters/0', 'operation'],
      ['header:limit', '/paths/~1things~1{thing_id}/get/parameters/1', '/paths/~1things~1{thing_id}/get/parameters/1', 'operation'],
    ]);
    expect(getThing.parameters[2]!.parameter.description).toBe('the operation wins');
  });

  it('keeps the Path Item’s own parameters as written, for tools that compare them', () => {
    expect(getThing.pathParameters).toBe(doc.paths!['/things/{thing_id}']!.parameters);
    expect(operations.find((operation) => operation.method === 'post')!.pathParameters).toEqual([]);
  });

  it('walks the bundled spec: ten GET operations, path ids from the Path Item level', () => {
    const spec = loadSpec();
    const walked = listOperations(spec);
    expect(walked).toHaveLength(10);
    expect(new Set(walked.map((operation) => operation.method))).toEqual(new Set(['get']));
    const scoped = walked.find((operation) => operation.operationId === 'getSessionError')!;
    expect(scoped.parameters.filter(({ level }) => level === 'path').map(({ parameter }) => parameter.name)).toEqual([
      'session_id',
      'session_error_id',
    ]);
  });

  it('knows the eight methods of a Path Item', () => {
    expect(HTTP_METHODS).toEqual(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
  });
});
