// @ts-check
// The dev loop's Prism mock: one port, restarted through startMock on each good bundle so it serves the
// new spec; if Prism refuses the new spec it is started again on the last one it served.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@session-obs/devkit';
import { startMock } from '@session-obs/mock';
import { errorMessage } from './dev-loop.js';

/**
 * A mock on `port` (0: a free one, kept across restarts) that `serve(json)` (re)starts on a spec text; spec files go to `dir`.
 * @param {{ port: number, dir: string, log?: (line: string) => void, start?: typeof startMock }} options
 */
export function devMock({ port, dir, log = console.log, start = startMock }) {
  /** @type {import('@session-obs/mock').RunningMock | undefined} */
  let running;
  /** @type {string | undefined} */
  let servedFile;
  let count = 0;
  return {
    get url() {
      return running?.url;
    },
    /** (Re)starts the mock on the spec `json`; resolves once it answers (or once it is back on the last good spec). */
    async serve(/** @type {string} */ json) {
      port ||= await freePort();
      const file = join(dir, `mock-spec-${++count}.json`);
      writeFileSync(file, json);
      await running?.stop();
      running = undefined;
      try {
        running = await start({ port, specPath: file });
        if (servedFile) rmSync(servedFile, { force: true });
        servedFile = file;
      } catch (error) {
        log(`✖ the mock did not start on the new spec (${errorMessage(error).split('\n')[0]}); it keeps serving the last good one`);
        if (servedFile) running = await start({ port, specPath: servedFile });
      }
    },
    async stop() {
      await running?.stop();
      running = undefined;
    },
  };
}
