// What a person reads when a filter value is wrong: the compiler's own message, from the sources and from
// the built `.d.ts` a consumer gets, must name the allowed values (not an intersection of aliases).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'client-type-messages-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const ERROR_TYPES = [
  'message_processing_timeout',
  'message_processing_provider_error',
  'message_processing_system_error',
  'provider_discovery_failed',
];

/** The diagnostics tsc --strict gives for each line of `lines` (and elsewhere), with the client imported from `entry`. */
function diagnosticsByLine(entry: string, lines: string[], options: ts.CompilerOptions = {}): { byLine: string[][]; elsewhere: string[] } {
  const file = join(folder, `probe-${Math.random().toString(36).slice(2)}.ts`);
  const header = `import { createClient } from ${JSON.stringify(entry)};\nconst client = createClient({ token: 't' });\n`;
  writeFileSync(file, header + lines.join('\n') + '\n');
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    skipLibCheck: true,
    types: [],
    ...options,
  });
  const byLine: string[][] = lines.map(() => []);
  const elsewhere: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const line =
      diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line - 2 : -1;
    (byLine[line] ?? elsewhere).push(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }
  return { byLine, elsewhere };
}

const entries = {
  sources: fileURLToPath(new URL('../src/index.js', import.meta.url)),
  'built .d.ts': fileURLToPath(new URL('../dist/index.js', import.meta.url)),
};

describe.each(Object.entries(entries))('filter values, typed against the %s', (_, entry) => {
  it('a wrong value names every allowed value, alone and inside a list; right ones compile', { timeout: 60_000 }, () => {
    const { byLine, elsewhere } = diagnosticsByLine(entry, [
      `void client.GET('/session-errors', { params: { query: { type: 'nope' } } });`,
      `void client.paginate('/session-errors', { params: { query: { type: ['message_processing_timeout', 'nope'] } } });`,
      `void client.GET('/session-errors', { params: { query: { type: 'provider_discovery_failed', session_id: 'ses_a', id: ['ser_a', 'ser_b'] } } });`,
    ]);
    const [single, inList, right] = byLine;
    expect(elsewhere).toEqual([]);
    for (const messages of [single!, inList!]) {
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^Type '"nope"' is not assignable to type '/);
      for (const value of ERROR_TYPES) expect(messages[0]).toContain(`"${value}"`);
      expect(messages[0]).not.toMatch(/&|ErrorTypeFilter/);
    }
    expect(right).toEqual([]);
  });
});

describe.each(Object.entries(entries))("a consumer's code, typed against the %s", (_, entry) => {
  it(
    'per-call controls are typed; readonly lists are filters; exactOptionalPropertyTypes takes unset variables',
    { timeout: 60_000 },
    () => {
      const { byLine, elsewhere } = diagnosticsByLine(
        entry,
        [
          `void client.GET('/session-errors', { timeoutMs: '5s' });`,
          `void client.GET('/session-errors', { maxRetries: 'lots' });`,
          `void client.GET('/sessions/{session_id}/errors');`,
          `void client.GET('/session-errors', { params: { query: { limit: 5 } }, timeoutMs: 1000, maxRetries: 0, signal: AbortSignal.timeout(1) });`,
          `void client.GET('/session-errors').then(({ data }) => data?.items[0]?.id.toUpperCase());`,
          `const types = ['message_processing_timeout'] as const; void client.GET('/session-errors', { params: { query: { type: types } } });`,
          `void client.paginate('/session-errors', { params: { query: { type: types, session_id: ['ses_a'] as const } } });`,
          `declare const env: Record<string, string | undefined>;`,
          `createClient({ metorial: { token: env.M }, devrev: { token: env.D, baseUrl: env.U }, baseUrl: env.B, token: env.T, userAgent: env.UA, timeoutMs: undefined, maxRetries: undefined, retry: { initialDelayMs: undefined } });`,
        ],
        { exactOptionalPropertyTypes: true },
      );
      expect(elsewhere).toEqual([]);
      const [timeout, retries, noPath, ...right] = byLine;
      expect(timeout!.join('\n')).toMatch(/'string' is not assignable to type 'number'/);
      expect(retries!.join('\n')).toMatch(/'string' is not assignable to type 'number'/);
      expect(noPath).toHaveLength(1);
      expect(right).toEqual(right.map(() => []));
    },
  );
});
