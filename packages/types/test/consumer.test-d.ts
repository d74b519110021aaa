// What a strict consumer reads from the generated types: free-form payloads as `unknown` values it can
// narrow (not `never`, which made `item.data.timeout_ms` unreadable), and enums as their exact literals.
import { describe, expectTypeOf, it } from 'vitest';
import type { components, paths } from '../src/generated/schema.js';

type ListErrors = paths['/session-errors']['get'];
type ErrorItem = ListErrors['responses'][200]['content']['application/json']['items'][number];
type GroupItem = paths['/session-error-groups']['get']['responses'][200]['content']['application/json']['items'][number];
type ErrorTypes =
  'message_processing_timeout' | 'message_processing_provider_error' | 'message_processing_system_error' | 'provider_discovery_failed';

describe('a consumer of the generated types', () => {
  it('reads a field of a list item’s free-form data as unknown', () => {
    expectTypeOf<ErrorItem['data']['timeout_ms']>().toEqualTypeOf<unknown>();
    expectTypeOf<GroupItem['data']['timeout_ms']>().toEqualTypeOf<unknown>();
    expectTypeOf<ErrorItem['data']>().toEqualTypeOf<Record<string, unknown>>();
    const read = (item: ErrorItem): number | undefined => (typeof item.data.timeout_ms === 'number' ? item.data.timeout_ms : undefined);
    expectTypeOf(read).returns.toEqualTypeOf<number | undefined>();
  });

  it('keeps the other free-form objects readable too', () => {
    expectTypeOf<components['schemas']['FreeFormMetadata']['anything']>().toEqualTypeOf<unknown>();
    expectTypeOf<components['schemas']['McpPeer']['capabilities']['tools']>().toEqualTypeOf<unknown>();
    expectTypeOf<NonNullable<components['schemas']['SessionAttributes']['attributes']>['plan']>().toEqualTypeOf<unknown>();
  });

  it('keeps enums precise: the four error types, not string', () => {
    expectTypeOf<components['schemas']['ErrorType']>().toEqualTypeOf<ErrorTypes>();
    type TypeFilter = NonNullable<NonNullable<ListErrors['parameters']['query']>['type']>;
    // The filter is a list in the spec (exploded form: repeated keys); the client also takes one value.
    expectTypeOf<TypeFilter>().toEqualTypeOf<ErrorTypes[]>();
    expectTypeOf<['not_a_type']>().not.toMatchTypeOf<TypeFilter>();
    expectTypeOf<string[]>().not.toMatchTypeOf<TypeFilter>();
    expectTypeOf<ErrorItem['status']>().toEqualTypeOf<'processing' | 'processed'>();
  });
});
