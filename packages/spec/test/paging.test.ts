// The cursor codec and the cross-parameter paging rules both servers apply after parseParameters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pagingBounds, type ParameterProblem } from '../src/server/index.js';

describe('cursor', () => {
  it('round-trips any direction and id the API can write', () => {
    fc.assert(
      fc.property(fc.constantFrom('after' as const, 'before' as const), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), (direction, id) => {
        expect(decodeCursor(encodeCursor(direction, id))).toEqual({ direction, id });
      }),
    );
  });

  it.each([
    ['not a cursor', 'ser_1'],
    ['no digits', 'cur_'],
    ['a character outside base62', 'cur_ab-c'],
    ['digits that decode to no JSON', 'cur_2Zb3kQ9xPfL7TmW4'],
    ['another direction', encodeCursor('around' as 'after', 'ser_1')],
    ['an id the API never writes', encodeCursor('after', 'a b')],
    ['an empty id', encodeCursor('after', '')],
    ['far too long', `cur_${'z'.repeat(701)}`],
  ])('refuses %s', (_what, token) => {
    expect(decodeCursor(token)).toBeUndefined();
  });
});

describe('pagingBounds', () => {
  const cursor = encodeCursor('before', 'ser_9');
  it.each([
    ['nothing', {}, { problems: [] }],
    ['after', { after: 'ser_1' }, { problems: [], after: 'ser_1' }],
    ['before', { before: 'ser_1' }, { problems: [], before: 'ser_1' }],
    ['a cursor', { cursor }, { problems: [], before: 'ser_9' }],
  ])('%s: bounds', (_what, query, expected) => {
    expect(pagingBounds({ query, problems: [] })).toEqual(expected);
  });

  it('reads a cursor its schema refused as every other unusable cursor, and keeps other problems', () => {
    const shape: ParameterProblem = {
      in: 'query',
      code: 'invalid_string',
      keyword: 'pattern',
      message: 'must match pattern',
      path: ['cursor'],
      received: 'junk',
    };
    const limit: ParameterProblem = {
      in: 'query',
      code: 'too_small',
      keyword: 'minimum',
      message: 'must be >= 1',
      path: ['limit'],
      received: '0',
    };
    const { problems } = pagingBounds({ query: {}, problems: [limit, shape] });
    expect(problems.map((found) => [found.code, found.path[0], found.message, found.received])).toEqual([
      ['too_small', 'limit', 'must be >= 1', '0'],
      ['invalid_cursor', 'cursor', 'Invalid cursor format', 'junk'],
    ]);
  });

  it.each([
    ['after and before', { after: 'a', before: 'b' }, [['conflicting_cursors', 'before', 'Cannot use both after and before cursors']]],
    ['a bad cursor', { cursor: 'cur_!!' }, [['invalid_cursor', 'cursor', 'Invalid cursor format']]],
    ['a cursor with after', { cursor, after: 'a' }, [['conflicting_cursors', 'cursor', 'Cannot combine cursor with after or before']]],
    [
      'everything at once',
      { cursor: 'nope', after: 'a', before: 'b' },
      [
        ['conflicting_cursors', 'before', 'Cannot use both after and before cursors'],
        ['invalid_cursor', 'cursor', 'Invalid cursor format'],
      ],
    ],
  ])('%s: problems and no bounds', (_what, query, expected) => {
    const result = pagingBounds({ query, problems: [] });
    expect(result.problems.map((problem) => [problem.code, problem.path[0], problem.message])).toEqual(expected);
    expect(result.after ?? result.before).toBeUndefined();
  });
});
