// The machine-readable docs: llms.txt, llms-full.txt and one Markdown page per operation, as the build
// wrote them into dist/ and as the docs server serves them, checked against the spec (every operation,
// parameter and response status present), linked from the site's overview; and generated, not kept by
// hand: an operation and a parameter added to a copy of the spec appear in the output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadSpec } from '@session-obs/spec';
import { llmsTxt, operationPage, pagePath } from '../src/markdown/index.js';
import { serveDocs, siteDir } from '../src/serve.js';

const spec = loadSpec();
const operations = listOperations(spec);
const read = (file: string) => readFileSync(join(siteDir, file), 'utf8');
let server: Awaited<ReturnType<typeof serveDocs>>;
beforeAll(async () => {
  server = await serveDocs({ port: 0 });
});
afterAll(() => server?.close());

describe('the Markdown page of each operation (dist/operations/)', () => {
  it.each(operations.map((entry) => [entry.operationId, entry] as const))('%s: every parameter and status of the spec', (_, entry) => {
    const page = read(pagePath(entry.operationId));
    expect(page.startsWith(`# ${entry.operation.summary}\n`)).toBe(true);
    expect(page).toContain(`\`${entry.method.toUpperCase()} ${entry.path}\``);
    const table = page.slice(page.indexOf('## Parameters'), page.indexOf('## Responses'));
    for (const { parameter } of entry.parameters)
      expect(table, parameter.name).toMatch(new RegExp(`^\\| \`${parameter.name}\` \\| ${parameter.in} \\|`, 'm'));
    expect(table.match(/^\| `/gm) ?? []).toHaveLength(entry.parameters.length);
    const responses = page.slice(page.indexOf('## Responses'));
    for (const status of Object.keys(entry.operation.responses ?? {}))
      expect(responses, status).toMatch(new RegExp(`^\\| \`${status}\` \\|`, 'm'));
    // The curl sample: the production host and credential variable of this operation, then the call.
    expect(page).toMatch(
      /```sh\n# Production: (METORIAL|DEVREV)_BASE_URL=https:\/\/api\.(metorial\.com|devrev\.ai) and \1_TOKEN[^\n]*\ncurl -sS /,
    );
    expect(page).toContain("```ts\nimport { createClient } from '@session-obs/client';");
  });

  it('gives the values of an enum or scalar component a parameter refers to, which no page defines', () => {
    const errorType = spec.components?.schemas?.ErrorType as { enum: string[] };
    const values = errorType.enum.map((value) => `\`${value}\``).join(' \\| ');
    const row = `| \`type\` | query | array of \`ErrorType\` (${values}), at most 4 items |`;
    expect(read(pagePath('listSessionErrors'))).toContain(row);
    expect(read('llms-full.txt')).toContain(row);
    expect(read(pagePath('listSessionErrors'))).toContain('array of `ResourceId` (string, 1 to 64 characters, pattern');
  });

  it('names the error codes the responses document', () => {
    const page = read(pagePath('getSessionErrorGroup'));
    expect(page).toMatch(/^\| `404` \| .* \| `ApiError` \| `not_found` \|$/m);
    expect(read(pagePath('getObservabilitySession'))).toMatch(/^\| `400` \| .*`missing_required_field`/m);
  });
});

describe('llms.txt and llms-full.txt', () => {
  it('llms.txt says what the API is and gives one line and link per operation', () => {
    const text = read('llms.txt');
    expect(text.startsWith(`# ${spec.info.title}\n\n> ${spec.info.summary}\n`)).toBe(true);
    const links = [...text.matchAll(/^- \[([^\]]+)\]\((operations\/[^)]+\.md)\): `(\w+) ([^`]+)`/gm)];
    expect(links.map(([, , link, method, path]) => [link, method, path])).toEqual(
      operations.map((entry) => [pagePath(entry.operationId), entry.method.toUpperCase(), entry.path]),
    );
    expect(text).toContain('[llms-full.txt](llms-full.txt)');
  });

  it('llms.txt names the host and credential of each API, from the spec', () => {
    const text = read('llms.txt');
    expect(text).toMatch(
      /^- 9 operations \(`GET \/session-errors`, .*\): `https:\/\/api\.metorial\.com`, credential `MetorialSecretKey`\. /m,
    );
    expect(text).toMatch(/^- `GET \/observability\.sessions\.get`: `https:\/\/api\.devrev\.ai`, credential `DevRevToken`\. /m);
  });

  it('llms-full.txt holds the overview and every page', () => {
    const full = read('llms-full.txt');
    expect(full).toContain(String(spec.info.description).trim());
    for (const entry of operations) expect(full).toContain(`## ${entry.operation.summary}\n`);
  });

  it('are linked from the overview and served as text', async () => {
    const overview = String(JSON.parse(read('openapi.json')).info.description);
    expect(overview).toContain('[llms.txt](llms.txt)');
    for (const entry of operations) expect(overview).toContain(`(${pagePath(entry.operationId)})`);
    const llms = await fetch(`${server.url}/llms.txt`);
    expect(llms.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await llms.text()).toBe(read('llms.txt'));
    const page = await fetch(`${server.url}/${pagePath('listSessionEvents')}`);
    expect(page.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
  });
});

describe('generated from the spec', () => {
  it('an operation and a parameter added to a copy of the spec appear in llms.txt and in the page', () => {
    // A copy of the spec, edited key by key: a loose view.
    const copy: any = structuredClone(spec);
    const item = copy.paths['/session-error-groups/{session_error_group_id}'];
    copy.paths['/session-error-groups/{session_error_group_id}/similar'] = {
      ...item,
      get: {
        ...item.get,
        operationId: 'listSimilarErrorGroups',
        summary: 'List similar error groups',
        parameters: [
          { name: 'min_score', in: 'query', description: 'Lowest similarity.', schema: { type: 'number', minimum: 0, maximum: 1 } },
        ],
      },
    };
    const entry = listOperations(copy).find((each) => each.operationId === 'listSimilarErrorGroups')!;
    expect(llmsTxt(copy)).toContain(
      '- [List similar error groups](operations/listSimilarErrorGroups.md): `GET /session-error-groups/{session_error_group_id}/similar`',
    );
    expect(operationPage(copy, entry)).toMatch(/^\| `min_score` \| query \| number, 0 to 1 \| no \| Lowest similarity\. \|$/m);
  });
});
