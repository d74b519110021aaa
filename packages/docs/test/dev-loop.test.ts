// The order and the guarantees of the dev loop's steps, with steps given as plain functions whose
// completion the test controls (no timers): a failed bundle or render publishes nothing, runs never
// overlap, changes during a run cause exactly one more, follow-ups always get the latest good bundle.
import { describe, expect, it } from 'vitest';
import { createDevLoop } from '../src/dev/dev-loop.js';
import type { BundleResult } from '../src/dev/spec-tree.js';

type Good = Extract<BundleResult, { ok: true }>;
const good = (n: number): Good => ({ ok: true, spec: { n }, json: `{"n":${n}}`, yaml: `n: ${n}\n` });

/** A promise and the function that settles it. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

function setup(bundles: Array<BundleResult | Promise<BundleResult>>, { findings = [] as string[], render = (_result: Good) => {} } = {}) {
  const log: string[] = [];
  const published: unknown[] = [];
  const followed: unknown[] = [];
  let active = 0;
  let maxActive = 0;
  const loop = createDevLoop({
    bundle: async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      try {
        return await bundles.shift()!;
      } finally {
        active--;
      }
    },
    publish: (result) => {
      render(result);
      published.push(result.spec);
    },
    lint: async () => findings,
    followUps: [{ name: 'follow-up', run: async (result) => void followed.push(result.spec) }],
    log: (line) => log.push(line),
    now: () => 0,
  });
  return { loop, log, published, followed, maxActive: () => maxActive };
}

describe('dev loop', () => {
  it('publishes a good bundle, prints lint findings, then runs the follow-ups on it', async () => {
    const { loop, log, published, followed } = setup([good(1)], { findings: ['openapi.yaml:3:1 warning info-license License missing'] });
    await loop.trigger('openapi.yaml changed');
    await loop.idle();
    expect(published).toEqual([{ n: 1 }]);
    expect(followed).toEqual([{ n: 1 }]);
    expect(log).toEqual([
      '▸ openapi.yaml changed: rebuilding…',
      '✔ docs rebuilt and open pages reloaded (0 ms)',
      '⚠ redocly lint: 1 finding(s):\n    openapi.yaml:3:1 warning info-license License missing',
      '✔ follow-up (0 ms)',
    ]);
  });

  it('keeps the last good build when the spec does not bundle, and prints why', async () => {
    const { loop, log, published, followed } = setup([good(1), { ok: false, problems: ['paths/a.yaml:2:3 error Failed to parse'] }]);
    await loop.trigger();
    await loop.trigger();
    await loop.idle();
    expect(published).toEqual([{ n: 1 }]);
    expect(followed).toEqual([{ n: 1 }]);
    expect(log).toContain('✖ the spec does not bundle; the last good build is still served:\n    paths/a.yaml:2:3 error Failed to parse');
  });

  it('keeps the last good build when the docs cannot render the spec', async () => {
    const { loop, log, published } = setup([good(1), good(2)], {
      render: (result) => {
        if ((result.spec as { n: number }).n === 2) throw new Error('samples: parameter query:x of op has no example');
      },
    });
    await loop.trigger();
    await loop.trigger();
    await loop.idle();
    expect(published).toEqual([{ n: 1 }]);
    expect(log).toContain(
      '✖ the docs cannot render this spec; the last good build is still served:\n    samples: parameter query:x of op has no example',
    );
  });

  it('never overlaps runs: saves during a run cause exactly one more run, on the newest files', async () => {
    const first = gate<BundleResult>();
    const { loop, published, maxActive } = setup([first.promise, good(3)]);
    const running = loop.trigger('a.yaml changed');
    void loop.trigger('b.yaml changed');
    void loop.trigger('c.yaml changed');
    first.open(good(1));
    expect(await running).toEqual(good(3));
    await loop.idle();
    expect(published).toEqual([{ n: 1 }, { n: 3 }]);
    expect(maxActive()).toBe(1);
  });

  it('runs the follow-ups one at a time, skipping to the latest good bundle', async () => {
    const log: string[] = [];
    const followed: number[] = [];
    const slow = gate();
    const bundles = [good(1), good(2), good(3)];
    const loop = createDevLoop({
      bundle: async () => bundles.shift()!,
      publish: () => {},
      lint: async () => [],
      followUps: [
        {
          name: 'mock',
          run: async (result) => {
            followed.push((result.spec as { n: number }).n);
            if (followed.length === 1) await slow.promise;
          },
        },
      ],
      log: (line) => log.push(line),
    });
    await loop.trigger();
    await loop.trigger();
    await loop.trigger();
    slow.open();
    await loop.idle();
    expect(followed).toEqual([1, 3]);
  });

  it('keeps rebuilding after a step throws: a lint or bundle that throws never leaves the loop stuck', async () => {
    const log: string[] = [];
    const published: unknown[] = [];
    const steps: Array<() => Promise<BundleResult>> = [
      async () => good(1),
      async () => {
        throw new Error('bundler crashed');
      },
      async () => good(3),
    ];
    let lints = 0;
    const loop = createDevLoop({
      bundle: () => steps.shift()!(),
      publish: (result) => void published.push(result.spec),
      lint: async () => {
        if (++lints === 1) throw new Error('lint crashed');
        return [];
      },
      log: (line) => log.push(line),
      now: () => 0,
    });
    await loop.trigger();
    expect(await loop.trigger()).toEqual({ ok: false, problems: ['bundler crashed'] });
    expect(await loop.trigger()).toEqual(good(3));
    await loop.idle();
    expect(published).toEqual([{ n: 1 }, { n: 3 }]);
    expect(log).toContain('✖ redocly lint failed: lint crashed');
    expect(log).toContain('✖ rebuild failed; the last good build is still served: bundler crashed');
  });
});
