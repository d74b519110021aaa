// The published build: ESM + CJS + .d.ts, platform neutral (no Node built-ins in the runtime path).
// Runs after `build` (turbo's test depends on it).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const dist = (f: string) => new URL(`../dist/${f}`, import.meta.url);

describe('dist', () => {
  it.each(['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts'])('has %s', (f) => expect(existsSync(dist(f))).toBe(true));

  it.each(['index.js', 'index.cjs'])('%s imports nothing but openapi-fetch (no node: built-ins)', (f) => {
    const code = readFileSync(dist(f), 'utf8');
    const imports = [...code.matchAll(/(?:from\s*|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]);
    expect(new Set(imports)).toEqual(new Set(['openapi-fetch']));
    expect(code).not.toMatch(/\bprocess\.|\bBuffer\b|node:/);
  });

  it('the CJS build loads and works through require()', () => {
    const require = createRequire(import.meta.url);
    const cjs = require('../dist/index.cjs') as typeof import('../src/index.js');
    expect(typeof cjs.createClient).toBe('function');
    expect(new cjs.RateLimitError({ status: 429, code: 'x', message: 'm' })).toBeInstanceOf(cjs.ApiError);
  });

  it('the .d.ts inlines the generated types (no import of the private @session-obs/types)', () => {
    expect(readFileSync(dist('index.d.ts'), 'utf8')).not.toMatch(/from ['"]@session-obs\/types['"]/);
  });
});
