// The README's examples are the files in examples/ (type-checked by `pnpm typecheck`): they must match.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const blocks = [...readme.matchAll(/<!-- example: (examples\/[\w.-]+\.ts) -->\n\n?```ts\n([\s\S]*?)```\n/g)].map(
  (m) => [m[1]!, m[2]!] as const,
);

describe('README', () => {
  it('embeds every file of examples/', () => {
    const files = readdirSync(new URL('examples/', root))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `examples/${f}`);
    expect(blocks.map(([file]) => file).sort()).toEqual(files.sort());
  });

  it.each(blocks)('%s matches its README block', (file, code) => {
    expect(code, `README block for ${file} is out of date: paste the file's content`).toBe(readFileSync(new URL(file, root), 'utf8'));
  });

  it('has no unfilled placeholders', () => expect(readme).not.toMatch(/BENCH_TABLE|SIZE_FIGURE/));
});
