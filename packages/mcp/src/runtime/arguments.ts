// A tool's arguments: checked against its input schema (a refusal names each bad argument) and split
// into the request's path and query parameters.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ToolDefinition, ToolRoute } from '../generate/manifest.js';
import { asList } from '../generate/one-or-many.js';

// ajv-formats is CommonJS: its default export arrives as the module object under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/** One bad argument: its name and what is wrong, in words. */
export interface ArgumentProblem {
  argument: string;
  message: string;
}

/** Validators of every tool's input, compiled once. */
export function createArgumentChecker(tools: readonly ToolDefinition[]): (tool: string, args: unknown) => ArgumentProblem[] {
  // strict off: the schemas carry annotations (examples, OpenAPI formats) that are not assertions.
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true, logger: false }));
  const validators = new Map<string, ValidateFunction>(tools.map((tool) => [tool.name, ajv.compile(tool.inputSchema)]));
  return (tool, args) => {
    const validate = validators.get(tool);
    if (!validate) return [{ argument: '', message: `no tool named ${tool}` }];
    if (validate(args ?? {})) return [];
    const errors = (validate.errors ?? []).filter((error) => speaks(error, args));
    return uniqueProblems(errors.map(problemOf));
  };
}

/** A one-or-many argument's input schema (`anyOf: [item, list]`): where each branch's errors are. */
const ONE_OR_MANY_BRANCH = /^#\/properties\/[^/]+\/anyOf\/([01])\//;

/**
 * Whether an error says something about the value: for a one-or-many argument only the branch of the
 * value's shape does (a bad single value is not also told "must be array"), and anyOf's summary never.
 */
function speaks(error: ErrorObject, args: unknown): boolean {
  if (error.keyword === 'anyOf') return false;
  const branch = ONE_OR_MANY_BRANCH.exec(error.schemaPath)?.[1];
  if (branch === undefined) return true;
  const value = (args as Record<string, unknown>)[error.instancePath.split('/')[1] ?? ''];
  return branch === (Array.isArray(value) ? '1' : '0');
}

/** One ajv error as an argument problem. */
function problemOf(error: ErrorObject): ArgumentProblem {
  const argument = error.instancePath.split('/')[1] ?? '';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return { argument: String(params.missingProperty), message: 'is required' };
  if (error.keyword === 'additionalProperties')
    return { argument: String(params.additionalProperty), message: 'is not a parameter of this tool' };
  if (error.keyword === 'enum')
    return { argument, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  return { argument, message: error.message ?? 'is invalid' };
}

/** One problem per argument and message (`oneOf`-like schemas repeat themselves). */
function uniqueProblems(problems: ArgumentProblem[]): ArgumentProblem[] {
  const seen = new Set<string>();
  return problems.filter(({ argument, message }) => !seen.has(`${argument}\0${message}`) && seen.add(`${argument}\0${message}`));
}

/** The request's parameters for valid arguments: `{ path, query }` as the client takes them. */
export function requestParameters(
  route: ToolRoute,
  args: Record<string, unknown>,
): { path: Record<string, unknown>; query: Record<string, unknown> } {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  for (const binding of route.arguments) {
    const value = args[binding.argument];
    if (value === undefined) continue;
    (binding.in === 'path' ? path : query)[binding.name] = binding.many ? asList(value) : value;
  }
  return { path, query };
}
