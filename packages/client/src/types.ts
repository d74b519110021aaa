// Types derived from the spec's `paths`: which operations are lists, their page and item types,
// and the init each helper takes.
import type { FetchOptions } from 'openapi-fetch';
import type { paths } from '@session-obs/types';
import type { RequestControls } from './retry-policy.js';

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

/** The init of `pages`/`paginate`: the operation's `params` (path and query), headers, plus `RequestControls`. */
export type PaginateInit<P extends ListPath> = Omit<FetchOptions<paths[P]['get']>, 'parseAs' | 'signal'> & RequestControls;

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
