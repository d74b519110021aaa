// Contract governance: the spec differ, the breaking-change gate, the changelog and the release.
export { diffSpecs, type DiffOptions } from './diff/index.js';
export { diffSchema, type Direction, type SchemaChange } from './schema/diff.js';
export { runGate, gateReport, gateSummary, type GateResult } from './gate.js';
export { gateMarkdown } from './markdown.js';
export { changelogEntry, changelogItems, bumpFor, type ChangelogItem } from './changelog.js';
export { changelogPage, changelogReleases, type ChangelogPageOptions, type ChangelogRelease } from './changelog-page.js';
export { formatFinding, sortFindings, countFindings } from './report.js';
export { rulesMarkdown, agreement, type Agreement } from './rules-doc.js';
export {
  RULES,
  UNMAPPED,
  agrees,
  type Rule,
  type RuleId,
  type Finding,
  type Severity,
  type Category,
  type OasdiffLevel,
  type OasdiffMatch,
} from './rules/index.js';
export { release, readBaseline, setInfoVersion, PUBLISHED, BASELINE_DIR, type ReleaseResult, type Check } from './release.js';
export { readSnapshot, readSnapshots, writeSnapshot, type Snapshot, type ReleaseRecord } from './snapshots.js';
export { parseSunset, removalRule, deprecationChange } from './deprecation.js';
export { GovernanceError, type GovernanceErrorCode } from './errors.js';
export { bumpVersion, compareVersions, parseVersion, type Bump } from './version.js';
export { readSpec, operationsByKey, type Spec } from './spec.js';
export type * from './openapi.js';
