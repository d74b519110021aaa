// Type-level checks of the generated types, run by vitest's typecheck mode (and by `pnpm typecheck`).
import { describe, expectTypeOf, it } from 'vitest';
import type { components, operations, paths } from '../src/generated/schema.js';

type Schemas = components['schemas'];

describe('generated types', () => {
  it('types the session error attributes with their nullability and enums', () => {
    expectTypeOf<Schemas['SessionError']['status']>().toEqualTypeOf<'processing' | 'processed'>();
    expectTypeOf<Schemas['SessionError']['object']>().toEqualTypeOf<'session.error'>();
    expectTypeOf<null>().toMatchTypeOf<Schemas['SessionError']['group_id']>();
    expectTypeOf<Schemas['SessionError']['similar_error_count']>().toEqualTypeOf<number>();
  });

  it('types one-or-many filters as lists (exploded form arrays: a single value is a list of one)', () => {
    type Query = NonNullable<paths['/session-errors']['get']['parameters']['query']>;
    expectTypeOf<NonNullable<Query['session_id']>>().toEqualTypeOf<string[]>();
    expectTypeOf<['ses_1', 'ses_2']>().toMatchTypeOf<NonNullable<Query['session_id']>>();
    expectTypeOf<NonNullable<Query['order']>>().toEqualTypeOf<'asc' | 'desc'>();
  });

  it('discriminates observability sessions by type', () => {
    type Session = Schemas['ObservabilitySession'];
    expectTypeOf<Extract<Session, { type: 'web' }>['dead_click_count']>().toEqualTypeOf<number>();
    expectTypeOf<Extract<Session, { type: 'mobile' }>['is_crash']>().toEqualTypeOf<boolean>();
  });

  it('requires the observability query', () => {
    type Query = operations['getObservabilitySession']['parameters']['query'];
    expectTypeOf<Query['platform']>().toEqualTypeOf<'android' | 'ios' | 'web'>();
    expectTypeOf<Query['version_key']>().toEqualTypeOf<string>();
  });
});
