// Contract governance: the spec differ, the breaking-change gate, the changelog and the release.
export { diffSpecs } from './diff.js';
export { diffSchema, type Direction } from './schema-diff.js';
export { runGate, gateReport, type GateResult } from './gate.js';
export { changelogEntry, bumpFor } from './changelog.js';
export { formatFinding, sortFindings, countFindings } from './report.js';
export { RULES, type Rule, type RuleId, type Finding, type Severity, type Category } from './rules.js';
export {
  release,
  readBaseline,
  writeBaseline,
  setInfoVersion,
  PUBLISHED,
  BASELINE_DIR,
  type ReleaseResult,
  type Check,
} from './release.js';
export { bumpVersion, compareVersions, parseVersion, type Bump } from './version.js';
export { readSpec, resolve, operations, type Spec } from './spec.js';
