// The mock answers the example that fits the request, where the spec has one: the observability session of
// the requested platform, and each operation's own 404 (its entity's) for `Prefer: code=404`. An explicit
// `Prefer: example=` still wins.
import { listOperations } from '@session-obs/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fittingExampleKey, requestFacts } from '../src/example-catalogue.js';
import { startMock, type RunningMock } from '../src/index.js';
import { AUTH, get, spec, specProblems } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

const OBS = '/observability.sessions.get';

describe('the observability session fits the requested platform', () => {
  it.each([
    ['web', 'web'],
    ['ios', 'mobile'],
    ['android', 'mobile'],
  ])('platform=%s answers a %s session of that platform', async (platform, type) => {
    const { status, body } = await get(mock.url, `${OBS}?platform=${platform}&session_id=s1&version_key=com.acme.shop`);
    expect(status).toBe(200);
    expect(body.session).toMatchObject({ type, platform });
    expect(specProblems(OBS, 200, body)).toBe('');
  });

  it('an explicit Prefer: example= wins over the fit', async () => {
    const { body } = await get(mock.url, `${OBS}?platform=android&session_id=s1&version_key=k`, {
      ...AUTH,
      Prefer: 'example=GetObservabilitySessionWebResponseExample',
    });
    expect(body.session.platform).toBe('web');
  });
});

// The entity each operation's 404 is about: the object its last path id names.
const NOT_FOUND_ENTITY: Record<string, string> = {
  listSessionErrorsForSession: 'session',
  getSessionError: 'session.error',
  getSessionErrorGroup: 'session.error_group',
  listSessionErrorGroupsForSession: 'session',
  getSessionErrorGroupForSession: 'session.error_group',
  listSessionEvents: 'session',
  getSessionEvent: 'session.event',
};

describe('Prefer: code=404 answers that operation’s own 404', () => {
  const withNotFound = listOperations(spec).filter((o) => o.operation.responses?.['404'] && o.path !== OBS);

  it('the table covers every session operation that declares a 404', () => {
    expect(withNotFound.map((o) => o.operationId).sort()).toEqual(Object.keys(NOT_FOUND_ENTITY).sort());
  });

  it.each(withNotFound.map((o) => [o.operationId, o.path] as const))('%s', async (operationId, specPath) => {
    const path = specPath.replace(/\{[a-z_]+\}/g, 'x_mfl3k1b2Cd3Ef4Gh');
    const { status, body } = await get(mock.url, path, { ...AUTH, Prefer: 'code=404' });
    expect(status).toBe(404);
    expect(body).toMatchObject({ object: 'error', status: 404, code: 'not_found', entity: NOT_FOUND_ENTITY[operationId] });
    expect(specProblems(specPath, 404, body)).toBe('');
  });

  it('the observability endpoint’s 404 is in its dialect', async () => {
    const { status, body } = await get(mock.url, `${OBS}?platform=web&session_id=s1&version_key=k`, { ...AUTH, Prefer: 'code=404' });
    expect(status).toBe(404);
    expect(body).toMatchObject({ type: 'not_found' });
  });

  it('other declared statuses answer their first example', async () => {
    const { status, body } = await get(mock.url, '/session-errors', { ...AUTH, Prefer: 'code=429' });
    expect(status).toBe(429);
    expect(body).toMatchObject({ code: 'rate_limit_exceeded' });
  });
});

describe('the spec’s own parameter examples', () => {
  // One request per query parameter example (with the operation's required ones), path ids from their examples.
  const requests = listOperations(spec).flatMap(({ path, parameters, operationId }) => {
    const example = (name: string, location: string) =>
      parameters.find((p) => p.parameter.in === location && p.parameter.name === name)!.parameter.example;
    const concrete = path.replace(/\{([a-z_]+)\}/g, (_, name: string) => String(example(name, 'path')));
    const pair = (name: string) => `${name}=${encodeURIComponent(String(example(name, 'query')))}`;
    const query = parameters.filter((p) => p.parameter.in === 'query').map((p) => p.parameter);
    const required = query.filter((p) => p.required).map((p) => pair(p.name));
    return query.map(
      (p) => [`${operationId} ${p.name}=${p.example}`, `${concrete}?${[...new Set([...required, pair(p.name)])].join('&')}`] as const,
    );
  });

  it.each(requests)('%s is accepted', async (_, url) => {
    const { status, body } = await get(mock.url, url);
    expect(status, JSON.stringify(body)).toBe(200);
  });
});

describe('fittingExampleKey', () => {
  const examples = [
    { key: 'Android', value: { session: { type: 'mobile', platform: 'android' } } },
    { key: 'Web', value: { session: { type: 'web', platform: 'web' } } },
    { key: 'Plain', value: { entity: 'session.error' } },
  ];
  it.each([
    [{ platform: 'web' }, 'Web'],
    [{ platform: 'android' }, 'Android'],
    [{ platform: 'ios' }, 'Plain'], // both sessions disagree; the one that says nothing is not contradicted
    [{ entity: 'session.error' }, 'Plain'],
    [{}, 'Android'], // no facts: the spec's first example, as Prism would answer
  ])('%o → %s', (facts, key) => {
    expect(fittingExampleKey(examples, facts)).toBe(key);
  });

  it('is undefined without examples', () => {
    expect(fittingExampleKey([], { platform: 'web' })).toBeUndefined();
  });
});

describe('requestFacts', () => {
  it.each([
    ['/sessions/{session_id}/errors/{session_error_id}', { entity: 'session.error' }],
    ['/session-error-groups/{session_error_group_id}', { entity: 'session.error_group' }],
    ['/sessions/{session_id}/events', { entity: 'session' }],
    ['/session-errors', {}],
  ])('%s → %o', (path, facts) => {
    expect(requestFacts(path, {})).toEqual(facts);
  });
});

describe('--dynamic (startMock({ dynamic: true })): bodies generated from the schemas', () => {
  let dynamic: RunningMock;
  beforeAll(async () => {
    dynamic = await startMock({ dynamic: true });
  });
  afterAll(() => dynamic?.stop());

  it('answers generated bodies, valid against the spec, not the named examples; Prefer: dynamic=false asks for those', async () => {
    const example = await get(mock.url, '/session-errors');
    const exampleIds = example.body.items.map((item: { id: string }) => item.id);
    const generated = await Promise.all([1, 2].map(() => get(dynamic.url, '/session-errors')));
    for (const { status, body } of generated) {
      expect(status).toBe(200);
      expect(specProblems('/session-errors', 200, body)).toBe('');
      expect(body.items.map((item: { id: string }) => item.id)).not.toEqual(exampleIds);
    }
    // Prism's generator ignores `propertyNames` (the status-count map) about one time in two: such a body is
    // generated again, so every answer is valid.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => get(dynamic.url, `${OBS}?platform=ios&session_id=s1&version_key=com.acme.shop`)),
    );
    for (const answer of answers) expect([answer.status, specProblems(OBS, 200, answer.body)]).toEqual([200, '']);
    const obsExample = (await get(mock.url, `${OBS}?platform=ios&session_id=s1&version_key=com.acme.shop`)).body;
    // A body is answered as the example only after ten broken generations in a row: never all twenty.
    expect(answers.some((answer) => JSON.stringify(answer.body) !== JSON.stringify(obsExample))).toBe(true);
    const asked = await get(dynamic.url, '/session-errors', { ...AUTH, Prefer: 'dynamic=false' });
    expect(asked.body.items.map((item: { id: string }) => item.id)).toEqual(exampleIds);
  });
});
