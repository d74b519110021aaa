// The rule table: every kind of change the differ reports, how severe it is, where it goes in the
// changelog and how oasdiff rates the same change. RULES.md is generated from it.
import { LIFECYCLE_RULES } from './lifecycle.js';
import { PARAMETER_RULES } from './parameters.js';
import { REQUEST_RULES } from './requests.js';
import { RESPONSE_RULES } from './responses.js';
import type { Category, Rule, Severity } from './rule.js';
import { SCHEMA_RULES } from './schemas.js';

export { agrees, LEVEL_OF, type Category, type OasdiffLevel, type OasdiffMatch, type Rule, type Severity } from './rule.js';
export { UNMAPPED, type UnmappedChecks } from './unmapped.js';

export const RULES = {
  ...LIFECYCLE_RULES,
  ...PARAMETER_RULES,
  ...REQUEST_RULES,
  ...RESPONSE_RULES,
  ...SCHEMA_RULES,
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** The sections of the table, in the order RULES.md lists them. */
export const RULE_SECTIONS: ReadonlyArray<{ title: string; rules: readonly RuleId[] }> = [
  { title: 'Operations and lifecycle', rules: Object.keys(LIFECYCLE_RULES) as RuleId[] },
  { title: 'Parameters', rules: Object.keys(PARAMETER_RULES) as RuleId[] },
  { title: 'Request bodies and input schemas', rules: Object.keys(REQUEST_RULES) as RuleId[] },
  { title: 'Responses and output schemas', rules: Object.keys(RESPONSE_RULES) as RuleId[] },
  { title: 'Both directions, and security', rules: Object.keys(SCHEMA_RULES) as RuleId[] },
];

/** One change found between two specs. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  category: Category;
  /** operationId of the operation it affects, or `(spec)` for document-wide changes. */
  operationId: string;
  /** `GET /sessions/{session_id}/errors`, or `(spec)`. */
  operation: string;
  /** The field in words: `query parameter "order"`, `response property "items[].code" (200)`. */
  field: string;
  /** JSON pointer of the change, through the operation (refs followed). */
  pointer: string;
  /** Pointer of the definition in the bundle, when it lives in a `$ref`'d component. */
  source?: string;
  before: string;
  after: string;
}
