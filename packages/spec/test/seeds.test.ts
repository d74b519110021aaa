import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSpecValidator, formatErrors } from '../src/index.js';

const fixtures = join(import.meta.dirname, 'fixtures', 'seeds');
const shared = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds', 'examples');
const validator = createSpecValidator();
const read = (file: string) => JSON.parse(readFileSync(join(fixtures, file), 'utf8'));

// Status of each observability error type on the seed page.
const OBSERVABILITY_STATUS: Record<string, number> = {
  artifact_already_attached_to_a_parent: 400,
  dev_org_deactivated: 401,
  forbidden: 403,
  request_entity_too_large: 413,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
};

const seedFiles = readdirSync(fixtures).filter((f) => f.endsWith('.json'));

describe('seed examples validate against the schema they illustrate', () => {
  it.each([
    ['error.json', 'SessionError'],
    ['error_group.json', 'SessionErrorGroup'],
    ['event.json', 'SessionEvent'],
    ['obs_session.json', 'GetObservabilitySessionResponse'],
  ])('%s is a %s', (file, schema) => {
    const result = validator.validateComponent(schema, read(file));
    expect(result.valid, formatErrors(result.errors)).toBe(true);
  });

  it.each(seedFiles.filter((f) => f.startsWith('devrev_error_')))('%s is the declared body of its status', (file) => {
    const body = read(file);
    const status = OBSERVABILITY_STATUS[body.type];
    expect(status, `no status known for ${body.type}`).toBeDefined();
    const result = validator.validateResponse('get', '/observability.sessions.get', status!, body);
    expect(result.valid, formatErrors(result.errors)).toBe(true);
  });

  it('covers every seed example file', () => {
    expect(seedFiles).toHaveLength(11);
  });

  it('rejects a seed example that is changed to break its schema (the check can fail)', () => {
    const broken = { ...read('error.json'), status: 'done' };
    expect(validator.validateComponent('SessionError', broken).valid).toBe(false);
    const wrongStatus = read('devrev_error_forbidden.json');
    expect(validator.validateResponse('get', '/observability.sessions.get', 404, wrongStatus).valid).toBe(false);
  });

  it.runIf(existsSync(shared))('copies are byte-identical to ../shared/seeds/examples', () => {
    const upstream = readdirSync(shared)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(seedFiles.sort()).toEqual(upstream);
    for (const f of upstream) expect(readFileSync(join(fixtures, f), 'utf8'), f).toBe(readFileSync(join(shared, f), 'utf8'));
  });
});
