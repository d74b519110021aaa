// Types derived from the spec's `paths`: which operations are lists, their page and item types,
// and the init each helper takes.
import type { FetchOptions } from 'openapi-fetch';
import type { paths } from '@session-obs/types';
import type { WalkLimits } from './paginate.js';
import type { RequestControls } from './retry-policy.js';

/**
 * A query value the spec declares as a list (an exploded form array) also takes one value (`type: 'x'` is
 * `?type=x`) and a readonly list (`as const`).
 */
type OneOrMany<Value> = NonNullable<Value> extends ReadonlyArray<infer Item> ? Value | Item | readonly Item[] : Value;

// Homomorphic mapped types over type parameters keep each key's `?`, which openapi-fetch reads to know
// whether `params`, `path` and `query` are required.
type OneOrManyQuery<Query> = { [Name in keyof Query]: OneOrMany<Query[Name]> };
type OneOrManyParameters<Parameters> = {
  [Key in keyof Parameters]: Key extends 'query' ? OneOrManyQuery<Parameters[Key]> : Parameters[Key];
};
/** An operation whose list-valued query parameters also take a single value. */
type WithOneOrMany<Operation> = {
  [Key in keyof Operation]: Key extends 'parameters' ? OneOrManyParameters<Operation[Key]> : Operation[Key];
};

/** The spec's `paths` as the client takes them: every one-or-many filter accepts a value or an array. */
export type ClientPaths = {
  [Path in keyof paths]: { [Method in keyof paths[Path]]: WithOneOrMany<paths[Path][Method]> };
};

/** Every path with a GET operation. */
export type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];

/** The JSON body of a path's 200 response. */
export type SuccessBody<P extends GetPath> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** Paths whose 200 body is the list envelope `{ object: 'list', items, pagination }`: the ones `paginate` accepts. */
export type ListPath = {
  [P in GetPath]: SuccessBody<P> extends { items: readonly unknown[]; pagination: { has_more_after: boolean; has_more_before: boolean } }
    ? P
    : never;
}[GetPath];

/** One page of a list operation (its 200 body). */
export type ListPage<P extends ListPath> = SuccessBody<P>;

/** One item of a list operation. */
export type ListItem<P extends ListPath> = SuccessBody<P> extends { items: ReadonlyArray<infer I> } ? I : never;

/** The init of `pages`/`paginate`: the operation's `params` (path and query), headers, `RequestControls` and `WalkLimits`. */
export type PaginateInit<P extends ListPath> = Omit<FetchOptions<ClientPaths[P]['get']>, 'parseAs' | 'signal'> &
  RequestControls &
  WalkLimits;

/** `init` is required exactly when the path has path parameters. */
export type PaginateArgs<P extends ListPath> = paths[P]['get']['parameters'] extends { path: object }
  ? [init: PaginateInit<P>]
  : [init?: PaginateInit<P>];

/** What `client.GET(…)` resolves to, in the shape `unwrap` needs. */
export interface FetchResultLike {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a successful result (the `data` branch of openapi-fetch's union). */
export type DataOf<T extends FetchResultLike> = Exclude<Extract<T, { error?: never }>['data'], undefined>;
