import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec } from '@session-obs/spec';
import { codeSamples, decorateSpec, describeOperation } from '../src/samples.js';

const spec = loadSpec();
const described = Object.fromEntries(listOperations(spec).map((entry) => [entry.operationId, describeOperation(spec, entry)]));

describe('code sample generator', () => {
  it('tells list operations from single-object ones', () => {
    const lists = Object.values(described)
      .filter((op) => op.isList)
      .map((op) => op.operationId)
      .sort();
    expect(lists).toEqual([
      'listSessionErrorGroups',
      'listSessionErrorGroupsForSession',
      'listSessionErrors',
      'listSessionErrorsForSession',
      'listSessionEvents',
    ]);
  });

  it("knows each operation's error dialect", () => {
    expect(described.getObservabilitySession?.errorDialect).toBe('type');
    for (const op of Object.values(described))
      if (op.operationId !== 'getObservabilitySession') expect(op.errorDialect, op.operationId).toBe('code');
  });

  it('fills path parameters and required query parameters from the spec examples', () => {
    const [curl, ts, fetchSample] = codeSamples(described.getSessionError!);
    expect(curl.source).toContain('${METORIAL_BASE_URL:-http://127.0.0.1:4010}/sessions/ses_4dEfGhJkLmNpQrSt/errors/ser_6fGhJkLmNpQrStUv"');
    expect(ts.source).toContain("client.GET('/sessions/{session_id}/errors/{session_error_id}', {");
    expect(ts.source).toContain("path: { session_id: 'ses_4dEfGhJkLmNpQrSt', session_error_id: 'ser_6fGhJkLmNpQrStUv' }");
    expect(fetchSample.source).toContain(
      "new URL(baseUrl.replace(/\\/+$/, '') + '/sessions/ses_4dEfGhJkLmNpQrSt/errors/ser_6fGhJkLmNpQrStUv')",
    );
    const observability = codeSamples(described.getObservabilitySession!);
    expect(observability[0]!.source).toContain(
      '?platform=android&session_id=0b5d9f1e-7c2a-4e7b-9a51-3f1e2d4c6b8a&version_key=com.acme.shop',
    );
    expect(observability[1]!.source).toContain('error.type');
  });

  it("shows each operation's production server and credential, and runs against the mock unless told otherwise", () => {
    const [curl, ts, fetchSample] = codeSamples(described.getObservabilitySession!);
    expect(curl.source).toMatch(/^# Production: DEVREV_BASE_URL=https:\/\/api\.devrev\.ai and DEVREV_TOKEN \(the DevRevToken credential\)/);
    expect(curl.source).toContain('-H "Authorization: Bearer ${DEVREV_TOKEN:-test}"');
    expect(ts.source).toContain(
      "devrev: {\n    token: process.env.DEVREV_TOKEN ?? 'test',\n    baseUrl: process.env.DEVREV_BASE_URL ?? 'http://127.0.0.1:4010',\n  },",
    );
    // One server variable per upstream: aiming one upstream's samples at production never moves the other's.
    for (const sample of [curl, ts, fetchSample]) expect(sample.source).not.toMatch(/\bBASE_URL\b|METORIAL_/);
    expect(ts.source).toContain('sends this operation to https://api.devrev.ai with devrev.token');
    expect(fetchSample.source).toContain("Authorization: `Bearer ${process.env.DEVREV_TOKEN ?? 'test'}`");
    const session = codeSamples(described.listSessionErrors!);
    expect(session[0]!.source).toContain(
      'METORIAL_BASE_URL=https://api.metorial.com and METORIAL_TOKEN (the MetorialSecretKey credential)',
    );
    expect(session[1]!.source).toContain(
      "token: process.env.METORIAL_TOKEN ?? 'test',\n    baseUrl: process.env.METORIAL_BASE_URL ?? 'http://127.0.0.1:4010',",
    );
    for (const sample of session) expect(sample.source).not.toMatch(/\bBASE_URL\b|DEVREV_/);
    for (const sample of [...session, curl, ts, fetchSample]) expect(sample.source).not.toContain('API_TOKEN');
  });

  it('shows paging for list operations only', () => {
    const [curl, ts, fetchSample] = codeSamples(described.listSessionEvents!);
    expect(curl.source).toContain('?limit=20');
    expect(curl.source).toContain('has_more_after');
    expect(ts.source).toContain("client.paginate('/sessions/{session_id}/events'");
    expect(fetchSample.source).toContain("url.searchParams.set('after', after)");
    expect(codeSamples(described.getSessionEvent!)[1]!.source).not.toContain('paginate');
  });

  it('decorates a copy and leaves the input spec alone', () => {
    const input = loadSpec();
    const { spec: decorated, typescript } = decorateSpec(input);
    expect(JSON.stringify(input)).not.toContain('x-codeSamples');
    expect(Object.keys(typescript).sort()).toEqual(Object.keys(described).sort());
    const listed = listOperations(decorated).find((entry) => entry.method === 'get' && entry.path === '/session-errors');
    expect(listed?.operation['x-codeSamples']).toHaveLength(3);
  });

  it('refuses an operation that is not one of the spec it is given, naming it', () => {
    const entry = listOperations(spec).find((candidate) => candidate.operationId === 'getSessionEvent')!;
    const other = loadSpec();
    delete other.paths?.[entry.path];
    expect(() => describeOperation(other, entry)).toThrow('samples: getSessionEvent is not an operation of the spec');
  });
});
