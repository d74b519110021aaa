// The browser consumer, bundled by esbuild from the installed client: runs the shared calls with the page's
// own fetch against the sandbox (another origin, so CORS is part of it) and leaves the result on `window`.
import * as lib from '@session-obs/client';
import { readSettings, runScenario } from './scenario.cjs';

window.consumerResult = runScenario(lib, readSettings(JSON.parse(decodeURIComponent(location.hash.slice(1))))).catch((error) => ({
  failed: String((error && error.stack) || error),
}));
