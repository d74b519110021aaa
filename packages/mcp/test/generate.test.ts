// Tool generation: the built manifest is what the generator makes of the bundled spec (no drift), each
// operation's parts land where MCP wants them, and an operation added to a copy of the spec becomes a
// tool — served by the unchanged command (`--spec`) and answering from the real sandbox.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { listOperations, loadSpec, sandboxApiPath } from '@session-obs/spec';
import { generateTools, toolNameOf, type ToolManifest } from '../src/index.js';
import { SANDBOX_TOKEN } from './fixtures.js';
import { connectStdio } from './mcp-client.js';
import builtManifest from '../dist/tools.json' with { type: 'json' };

const spec = loadSpec();
const work = mkdtempSync(join(tmpdir(), 'session-obs-mcp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the spec with the sandbox's `GET /_sandbox/fixtures` added, and the components it refers to. */
function specWithAddedOperation() {
  // A copy of the spec, edited key by key: a loose view.
  const copy: any = structuredClone(spec);
  const sandboxApi = loadSpec(sandboxApiPath);
  copy.paths['/_sandbox/fixtures'] = sandboxApi.paths?.['/_sandbox/fixtures'];
  for (const [kind, entries] of Object.entries(sandboxApi.components as Record<string, Record<string, unknown>>)) {
    copy.components[kind] = { ...entries, ...copy.components[kind] };
  }
  return copy;
}

describe('generateTools', () => {
  it('is what the build wrote to dist/tools.json', () => {
    expect(generateTools(spec)).toEqual(builtManifest);
  });

  it('makes one tool per GET operation, named from its operationId, with its summary, description and schemas', () => {
    const manifest = generateTools(spec);
    const operations = listOperations(spec).filter((entry) => entry.method === 'get');
    expect(manifest.tools.map((tool) => tool.name)).toEqual(operations.map((entry) => toolNameOf(entry.operationId)));
    manifest.tools.forEach((tool, index) => {
      const { operation, parameters } = operations[index]!;
      expect(tool.description.startsWith(`${operation.summary}\n\n${operation.description?.trim()}`)).toBe(true);
      expect(Object.keys(tool.inputSchema.properties!)).toHaveLength(parameters.length);
      expect(tool.inputSchema.additionalProperties).toBe(false);
      expect(JSON.stringify(tool.inputSchema)).not.toMatch(/"\$ref"/);
      expect(JSON.stringify(tool)).not.toMatch(/"discriminator"|"x-internal"|#\/components\//);
      // Output schemas keep each object component once, under $defs, and refer only there.
      const refs = [...JSON.stringify(tool.outputSchema).matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)].map(([, name]) => name!);
      for (const name of refs) expect(tool.outputSchema!.$defs, `${tool.name} → ${name}`).toHaveProperty(name);
      // They describe answers without rejecting what a later minor version may add (an enum value, a longer string).
      expect(JSON.stringify(tool.outputSchema)).not.toMatch(/"(enum|pattern|format|maxLength|maxItems|maximum|oneOf)":/);
    });
    expect(manifest.upstreams).toEqual({ metorial: 'https://api.metorial.com', devrev: 'https://api.devrev.ai' });
    const observability = manifest.tools.find((tool) => tool.name === 'get_observability_session')!;
    expect(observability.route.upstream).toBe('devrev');
    expect(observability.inputSchema.required).toEqual(['platform', 'session_id', 'version_key']);
    expect(observability.inputSchema.properties!.platform).toMatchObject({ enum: ['android', 'ios', 'web'] });
    expect(observability.outputSchema!.required).toEqual(['session']);
    expect(manifest.tools.find((tool) => tool.name === 'list_session_events')!.outputSchema!.$defs).toHaveProperty('ServerRun');
  });

  it('gives list tools next_page in their output schema', () => {
    const lists = generateTools(spec).tools.filter((tool) => tool.route.list);
    expect(lists.map((tool) => tool.name)).toEqual(
      listOperations(spec)
        .filter((entry) => entry.operationId.startsWith('list'))
        .map((e) => toolNameOf(e.operationId)),
    );
    for (const tool of lists) expect(tool.outputSchema!.required).toContain('next_page');
  });

  it('turns an operation added to a copy of the spec into a tool that the unchanged command serves', async () => {
    const copy = specWithAddedOperation();
    const manifest: ToolManifest = generateTools(copy);
    expect(manifest.tools).toHaveLength(builtManifest.tools.length + 1);
    const added = manifest.tools.find((tool) => tool.name === 'get_sandbox_fixtures')!;
    expect(added).toMatchObject({ title: 'Get ids of seeded objects', annotations: { readOnlyHint: true, openWorldHint: true } });
    expect(added.outputSchema!.properties).toHaveProperty('observability');

    const file = join(work, 'openapi-with-one-more.json');
    writeFileSync(file, JSON.stringify(copy));
    const mcp = await connectStdio({ SESSION_OBS_BASE_URL: inject('sandboxUrl'), SESSION_OBS_TOKEN: SANDBOX_TOKEN }, ['--spec', file]);
    try {
      const { tools } = await mcp.client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('get_sandbox_fixtures');
      const result = (await mcp.client.callTool({ name: 'get_sandbox_fixtures', arguments: {} })) as { structuredContent?: unknown };
      expect(result.structuredContent).toEqual(inject('fixtures'));
    } finally {
      await mcp.close();
    }
  });

  it('is the tool table of the README, row for row', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| `([a-z_]+)` +\| `GET ([^`]+)` +\|$/gm)].map(([, name, path]) => ({ name, path }));
    expect(rows).toEqual(generateTools(spec).tools.map(({ name, route }) => ({ name, path: route.path })));
  });
});
