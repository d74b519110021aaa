// Compares two bundled specs operation by operation and classifies every change by the rule table.
import { isDeepStrictEqual } from 'node:util';
import { RULES, type Finding, type RuleId } from './rules.js';
import { diffSchema, type Direction } from './schema-diff.js';
import { esc, operations, ptr, resolve, type Operation, type Spec } from './spec.js';

interface Scope {
  before: Spec;
  after: Spec;
  operationId: string;
  operation: string;
  findings: Finding[];
}

function push(s: Scope, rule: RuleId, pointer: string, source: string | undefined, before: string, after: string): void {
  const { severity, category } = RULES[rule];
  s.findings.push({
    rule,
    severity,
    category,
    operationId: s.operationId,
    operation: s.operation,
    pointer,
    ...(source && source !== pointer ? { source } : {}),
    before,
    after,
  });
}

/** Compares `before` (the last release) with `after` (the current bundle); returns every finding. */
export function diffSpecs(before: Spec, after: Spec): Finding[] {
  const findings: Finding[] = [];
  const opsB = operations(before);
  const opsA = operations(after);
  const doc: Scope = { before, after, operationId: '(spec)', operation: '(spec)', findings };

  const pathsA = new Set([...opsA.values()].map((o) => o.key.split(' ')[1]));
  const reportedPaths = new Set<string>();
  for (const [key, ob] of opsB) {
    if (opsA.has(key)) continue;
    const templ = key.split(' ')[1]!;
    const scope = { ...doc, operationId: ob.operationId, operation: `${ob.method.toUpperCase()} ${ob.path}` };
    if (!pathsA.has(templ)) {
      if (reportedPaths.has(ob.path)) continue;
      reportedPaths.add(ob.path);
      const methods = [...opsB.values()].filter((o) => o.path === ob.path).map((o) => `${o.method.toUpperCase()} (${o.operationId})`);
      push({ ...scope, operation: ob.path }, 'path-removed', ptr('', 'paths', ob.path), undefined, methods.join(', '), '(removed)');
    } else push(scope, 'operation-removed', ob.pointer, undefined, `${ob.method.toUpperCase()} ${ob.path}`, '(removed)');
  }
  for (const [key, oa] of opsA) {
    const ob = opsB.get(key);
    const scope = { ...doc, operationId: oa.operationId, operation: `${oa.method.toUpperCase()} ${oa.path}` };
    if (!ob) push(scope, 'operation-added', oa.pointer, undefined, '(absent)', `${oa.method.toUpperCase()} ${oa.path}`);
    else diffOperation(scope, ob, oa);
  }
  diffDocument(doc);
  return findings;
}

function diffDocument(s: Scope): void {
  const { before: b, after: a } = s;
  for (const key of ['title', 'summary', 'description'] as const) {
    if ((b.info?.[key] ?? '') !== (a.info?.[key] ?? '')) push(s, 'documentation-changed', `/info/${key}`, undefined, key, key);
  }
  if (!isDeepStrictEqual(b.tags ?? [], a.tags ?? [])) push(s, 'documentation-changed', '/tags', undefined, 'tags', 'tags');
  if (!isDeepStrictEqual(b.servers ?? [], a.servers ?? [])) push(s, 'documentation-changed', '/servers', undefined, 'servers', 'servers');
}

function diffOperation(s: Scope, ob: Operation, oa: Operation): void {
  const b = ob.operation;
  const a = oa.operation;
  if (ob.operationId !== oa.operationId)
    push(s, 'operation-id-changed', `${oa.pointer}/operationId`, undefined, ob.operationId, oa.operationId);
  if (!b.deprecated && a.deprecated) push(s, 'operation-deprecated', `${oa.pointer}/deprecated`, undefined, 'false', 'true');
  for (const key of ['summary', 'description'] as const) {
    if ((b[key] ?? '') !== (a[key] ?? '')) push(s, 'documentation-changed', `${oa.pointer}/${key}`, undefined, key, key);
  }
  if (!isDeepStrictEqual(b.tags ?? [], a.tags ?? []))
    push(s, 'documentation-changed', `${oa.pointer}/tags`, undefined, (b.tags ?? []).join(', '), (a.tags ?? []).join(', '));
  diffParameters(s, ob, oa);
  diffRequestBody(s, ob, oa);
  diffResponses(s, ob, oa);
  diffSecurity(s, ob, oa);
}

/** Effective parameters (operation overrides path item), keyed `in:name`, with their pointers. */
function parameters(spec: Spec, o: Operation): Map<string, { p: any; pointer: string; source: string }> {
  const out = new Map<string, { p: any; pointer: string; source: string }>();
  const add = (list: any[], base: string) =>
    list.forEach((raw, i) => {
      const r = resolve(spec, raw, `${base}/${i}`);
      if (!r.node) return;
      // Path parameters match by position in the template, so a renamed one is still the same parameter.
      out.set(
        `${r.node.in}:${r.node.in === 'path' ? 'path' : r.node.name.toLowerCase()}:${
          r.node.in === 'path'
            ? o.path
                .split(/[{}]/)
                .filter((_, k) => k % 2)
                .indexOf(r.node.name)
            : ''
        }`,
        { p: r.node, pointer: `${base}/${i}`, source: r.source },
      );
    });
  add(o.pathParameters, ptr('', 'paths', o.path, 'parameters'));
  add(o.operation.parameters ?? [], `${o.pointer}/parameters`);
  return out;
}

function diffParameters(s: Scope, ob: Operation, oa: Operation): void {
  const pb = parameters(s.before, ob);
  const pa = parameters(s.after, oa);
  const name = (p: any) => `${p.in} parameter ${p.name}`;
  for (const [key, { p, pointer, source }] of pb) if (!pa.has(key)) push(s, 'parameter-removed', pointer, source, name(p), '(removed)');
  for (const [key, { p, pointer, source }] of pa) {
    const old = pb.get(key);
    if (!old) {
      push(
        s,
        p.required ? 'parameter-added-required' : 'parameter-added-optional',
        pointer,
        source,
        '(absent)',
        `${name(p)}${p.required ? ' (required)' : ''}`,
      );
      continue;
    }
    const q = old.p;
    if (!q.required && p.required) push(s, 'parameter-made-required', `${pointer}/required`, `${source}/required`, 'optional', 'required');
    if (q.required && !p.required) push(s, 'parameter-made-optional', `${pointer}/required`, `${source}/required`, 'required', 'optional');
    for (const k of ['style', 'explode'] as const)
      if (q[k] !== p[k])
        push(
          s,
          'parameter-serialization-changed',
          `${pointer}/${k}`,
          `${source}/${k}`,
          String(q[k] ?? '(default)'),
          String(p[k] ?? '(default)'),
        );
    if (!q.deprecated && p.deprecated) push(s, 'parameter-deprecated', `${pointer}/deprecated`, `${source}/deprecated`, 'false', 'true');
    if ((q.description ?? '') !== (p.description ?? ''))
      push(s, 'documentation-changed', `${pointer}/description`, `${source}/description`, 'description', 'description');
    schemas(s, 'request', q.schema, p.schema, `${pointer}/schema`, `${old.source}/schema`, `${source}/schema`);
  }
}

function schemas(s: Scope, dir: Direction, b: any, a: any, pointer: string, bSource: string, aSource: string): void {
  // A definition reached twice under one schema (a recursive or shared component) is reported once.
  const reported = new Set<string>();
  const emit = (rule: RuleId, p: string, source: string | undefined, before: string, after: string) => {
    const key = source ? `${rule}|${source}|${before}|${after}` : `${rule}|${p}`;
    if (reported.has(key)) return;
    reported.add(key);
    push(s, rule, p, source, before, after);
  };
  diffSchema({ before: s.before, after: s.after, dir, emit }, b, a, pointer, bSource, aSource);
}

/** Compares `content` maps (media type → schema); a removed media type is reported by `removedRule`. */
function diffContent(s: Scope, dir: Direction, b: any, a: any, pointer: string, bSource: string, aSource: string): void {
  const removedRule: RuleId = dir === 'request' ? 'request-media-type-removed' : 'response-media-type-removed';
  for (const [type, mb] of Object.entries<any>(b ?? {})) {
    const ma = a?.[type];
    const at = `${pointer}/content/${esc(type)}`;
    if (!ma) push(s, removedRule, at, undefined, type, '(removed)');
    else
      schemas(
        s,
        dir,
        mb.schema,
        ma.schema,
        `${at}/schema`,
        `${bSource}/content/${esc(type)}/schema`,
        `${aSource}/content/${esc(type)}/schema`,
      );
  }
}

function diffRequestBody(s: Scope, ob: Operation, oa: Operation): void {
  const rb = resolve(s.before, ob.operation.requestBody, `${ob.pointer}/requestBody`);
  const ra = resolve(s.after, oa.operation.requestBody, `${oa.pointer}/requestBody`);
  const pointer = `${oa.pointer}/requestBody`;
  if (ra.node?.required && !rb.node?.required)
    push(s, 'request-body-added-required', `${pointer}/required`, undefined, rb.node ? 'optional' : '(absent)', 'required');
  if (rb.node && ra.node) diffContent(s, 'request', rb.node.content, ra.node.content, pointer, rb.source, ra.source);
}

function diffResponses(s: Scope, ob: Operation, oa: Operation): void {
  const b = ob.operation.responses ?? {};
  const a = oa.operation.responses ?? {};
  for (const status of Object.keys(b))
    if (!(status in a)) push(s, 'response-status-removed', ptr(ob.pointer, 'responses', status), undefined, status, '(removed)');
  for (const status of Object.keys(a)) {
    const pointer = ptr(oa.pointer, 'responses', status);
    if (!(status in b)) {
      push(s, 'response-status-added', pointer, undefined, '(absent)', status);
      continue;
    }
    const rb = resolve(s.before, b[status], ptr(ob.pointer, 'responses', status));
    const ra = resolve(s.after, a[status], pointer);
    if ((rb.node?.description ?? '') !== (ra.node?.description ?? ''))
      push(s, 'documentation-changed', `${pointer}/description`, undefined, 'description', 'description');
    diffContent(s, 'response', rb.node?.content, ra.node?.content, pointer, rb.source, ra.source);
    const hb = rb.node?.headers ?? {};
    const ha = ra.node?.headers ?? {};
    const lower = (h: Record<string, unknown>) => new Map(Object.keys(h).map((k) => [k.toLowerCase(), k]));
    const lb = lower(hb);
    const la = lower(ha);
    for (const [k, name] of lb)
      if (!la.has(k)) push(s, 'response-header-removed', ptr(pointer, 'headers', name), undefined, name, '(removed)');
    for (const [k, name] of la) {
      const old = lb.get(k);
      if (!old) {
        push(s, 'response-header-added', ptr(pointer, 'headers', name), undefined, '(absent)', name);
        continue;
      }
      const hbr = resolve(s.before, hb[old], ptr(rb.source, 'headers', old));
      const har = resolve(s.after, ha[name], ptr(ra.source, 'headers', name));
      schemas(
        s,
        'response',
        hbr.node?.schema,
        har.node?.schema,
        ptr(pointer, 'headers', name, 'schema'),
        `${hbr.source}/schema`,
        `${har.source}/schema`,
      );
    }
  }
}

/** Security alternatives of an operation: each a map of scheme → scopes (the operation's, else the document's). */
function security(spec: Spec, o: Operation): Array<Record<string, string[]>> {
  return o.operation.security ?? spec.security ?? [];
}

function diffSecurity(s: Scope, ob: Operation, oa: Operation): void {
  const sb = security(s.before, ob);
  const sa = security(s.after, oa);
  const pointer = oa.operation.security ? `${oa.pointer}/security` : '/security';
  const label = (list: Array<Record<string, string[]>>) =>
    list.length ? list.map((alt) => Object.keys(alt).join(' + ') || '(none)').join(' | ') : '(none)';
  // A request that satisfied some old alternative must satisfy some new one.
  const satisfies = (have: Record<string, string[]>, need: Record<string, string[]>) =>
    Object.entries(need).every(([scheme, scopes]) => have[scheme] !== undefined && scopes.every((sc) => have[scheme]!.includes(sc)));
  const oldAlts = sb.length ? sb : [{}];
  const newAlts = sa.length ? sa : [{}];
  const broken = oldAlts.some((old) => !newAlts.some((alt) => satisfies(old, alt)));
  const widened = newAlts.some((alt) => !oldAlts.some((old) => satisfies(alt, old)));
  if (broken) push(s, 'security-requirement-added', pointer, undefined, label(sb), label(sa));
  else if (widened) push(s, 'security-requirement-removed', pointer, undefined, label(sb), label(sa));
  const used = new Set(newAlts.flatMap((alt) => Object.keys(alt)));
  for (const name of used) {
    const before = s.before.components?.securitySchemes?.[name];
    const after = s.after.components?.securitySchemes?.[name];
    if (!before || !after) continue;
    const core = (x: any) => ({
      type: x.type,
      scheme: x.scheme?.toLowerCase(),
      in: x.in,
      name: x.name,
      flows: x.flows,
      openIdConnectUrl: x.openIdConnectUrl,
    });
    if (!isDeepStrictEqual(core(before), core(after)))
      push(
        s,
        'security-scheme-changed',
        ptr('', 'components', 'securitySchemes', name),
        undefined,
        JSON.stringify(core(before)),
        JSON.stringify(core(after)),
      );
  }
}
