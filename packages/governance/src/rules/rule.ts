// The shape of the rule table: what a rule means for a deployed client, how severe it is, where it
// goes in the changelog, and which of oasdiff's checks it corresponds to (with oasdiff's level).

/** `breaking` fails the gate unless the major version is raised; `warning` is shown but passes. */
export type Severity = 'breaking' | 'warning' | 'info';
/** Changelog section of a change. */
export type Category = 'added' | 'changed' | 'deprecated' | 'removed' | 'docs';
/**
 * oasdiff's level for the same change: ERR (breaking), WARN, INFO, or `none` when oasdiff raises
 * nothing for it (e.g. a removal after the sunset date).
 */
export type OasdiffLevel = 'ERR' | 'WARN' | 'INFO' | 'none';

/** oasdiff checks (rule ids of its public catalogue) that report the same change. */
export interface OasdiffMatch {
  ids: readonly string[];
  level: OasdiffLevel;
  /** Why our level differs; only where it does, and only about what a deployed client experiences. */
  why?: string;
}

export interface Rule {
  severity: Severity;
  category: Category;
  /** One line: what the rule means for a client. */
  summary: string;
  /** The oasdiff checks this rule answers for; empty when oasdiff has none. */
  oasdiff: readonly OasdiffMatch[];
  /** For a rule oasdiff has no check for: why we report it. */
  note?: string;
}

/** oasdiff's level that corresponds to one of ours. */
export const LEVEL_OF: Record<Severity, OasdiffLevel> = { breaking: 'ERR', warning: 'WARN', info: 'INFO' };

/** Whether oasdiff's level means the same verdict as ours (`none` counts as info: the change passes quietly). */
export function agrees(severity: Severity, level: OasdiffLevel): boolean {
  return LEVEL_OF[severity] === (level === 'none' ? 'INFO' : level);
}

/** A rule of the table. */
export function rule(severity: Severity, category: Category, summary: string, ...oasdiff: OasdiffMatch[]): Rule {
  return { severity, category, summary, oasdiff };
}

/** oasdiff checks at one level, with the reason when ours differs. */
export function oas(level: OasdiffLevel, ids: readonly string[], why?: string): OasdiffMatch {
  return { ids, level, ...(why ? { why } : {}) };
}

/** oasdiff ids formed from location prefixes and change suffixes (`request-body` × `max-set`). */
export function ids(prefixes: readonly string[], suffixes: readonly string[]): string[] {
  return prefixes.flatMap((prefix) => suffixes.map((suffix) => `${prefix}-${suffix}`));
}
