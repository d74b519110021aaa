// `content` maps (media type → schema) of a request body or a response.
import type { MediaType } from '../openapi.js';
import type { RuleId } from '../rules/index.js';
import type { Direction } from '../schema/diff.js';
import { pointerEscape as esc } from '@session-obs/spec/pointer';
import { compareSchemas, report, type Scope } from './scope.js';

export interface ContentSite {
  dir: Direction;
  /** Pointer of the request body or response, through the operation. */
  pointer: string;
  sources: { before: string; after: string };
  /** The value's name in words: `request body`, `response (200)`. */
  describe: (path: string) => string;
  /** What the media types belong to, in words: `request body`, `response 200`. */
  owner: string;
}

/** Compares two `content` maps: media types removed and added, and each kept one's schema. */
export function diffContent(
  scope: Scope,
  site: ContentSite,
  before: Record<string, MediaType> | undefined,
  after: Record<string, MediaType> | undefined,
): void {
  const request = site.dir === 'request';
  const removedRule: RuleId = request ? 'request-media-type-removed' : 'response-media-type-removed';
  const addedRule: RuleId = request ? 'request-media-type-added' : 'response-media-type-added';
  const mediaField = (type: string) => `${site.owner} media type "${type}"`;
  for (const [type, old] of Object.entries(before ?? {})) {
    const current = after?.[type];
    const pointer = `${site.pointer}/content/${esc(type)}`;
    if (!current) {
      report(scope, removedRule, { field: mediaField(type), pointer, before: type, after: '(removed)' });
      continue;
    }
    compareSchemas(
      scope,
      {
        dir: site.dir,
        pointer: `${pointer}/schema`,
        sources: {
          before: `${site.sources.before}/content/${esc(type)}/schema`,
          after: `${site.sources.after}/content/${esc(type)}/schema`,
        },
        field: site.describe,
      },
      old.schema,
      current.schema,
    );
  }
  for (const type of Object.keys(after ?? {}))
    if (!before?.[type])
      report(scope, addedRule, {
        field: mediaField(type),
        pointer: `${site.pointer}/content/${esc(type)}`,
        before: '(absent)',
        after: type,
      });
}
