// The dev loop's watcher on a real folder: every kind of save an editor or a tool makes is reported,
// again and again on the same file, including saves that replace the file by a new one (temp file +
// rename, delete + create: what `git checkout` and many editors do). Node 20's recursive fs.watch loses
// a file after such a save; the served docs then never showed the next edit.
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchTree } from '../src/dev/watch.js';

const root = mkdtempSync(join(tmpdir(), 'docs-watch-test-'));
mkdirSync(join(root, 'paths'));
const file = join(root, 'paths', 'op.yaml');
writeFileSync(file, 'start\n');

const saves: Record<string, (text: string) => void> = {
  'in place': (text) => writeFileSync(file, text),
  'temp file + rename': (text) => {
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  },
  'delete + create': (text) => {
    unlinkSync(file);
    writeFileSync(file, text);
  },
};

const bursts: string[][] = [];
let wake: (() => void) | undefined;
const watcher = watchTree(root, (files) => {
  bursts.push(files);
  wake?.();
});
/** Resolves with the next burst reported after `save()`. */
async function burstAfter(save: () => void) {
  const seen = bursts.length;
  const next = new Promise<void>((resolve) => (wake = resolve));
  save();
  while (bursts.length === seen) await next;
  return bursts[seen]!;
}

afterAll(() => {
  watcher.close();
  rmSync(root, { recursive: true, force: true });
});

describe('watchTree', () => {
  it('reports every save of one file, whichever way each is written, 30 saves in a row', async () => {
    const kinds = Object.keys(saves);
    for (let i = 0; i < 30; i++) {
      const kind = kinds[i % kinds.length]!;
      expect(await burstAfter(() => saves[kind]!(`save ${i}\n`)), `${kind}, save ${i}`).toContain(join('paths', 'op.yaml'));
    }
  });

  it('reports files in a folder created after the watch started, and ignores editor temp files alone', async () => {
    const later = join(root, 'components', 'schemas');
    expect(await burstAfter(() => mkdirSync(later, { recursive: true }))).toContain('components');
    const schema = join(later, 'Thing.yaml');
    expect(await burstAfter(() => writeFileSync(schema, 'type: object\n'))).toContain(join('components', 'schemas', 'Thing.yaml'));
    expect(await burstAfter(() => writeFileSync(schema, 'type: string\n'))).toEqual([join('components', 'schemas', 'Thing.yaml')]);
    const burst = await burstAfter(() => {
      writeFileSync(join(later, 'Thing.yaml.swp'), 'x');
      writeFileSync(join(later, 'Thing.yaml~'), 'x');
      writeFileSync(schema, 'type: integer\n');
    });
    expect(burst).toEqual([join('components', 'schemas', 'Thing.yaml')]);
  });
});
