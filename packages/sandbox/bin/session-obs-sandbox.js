#!/usr/bin/env node
// The `session-obs-sandbox` command. Committed (so the bin exists at install time, before `dist/` is built);
// the shared guard checks the Node version against `engines` before the CLI (better-sqlite3) loads.
import { startIfNodeSupported } from '@session-obs/spec/node-guard';

startIfNodeSupported(new URL('../package.json', import.meta.url), () => import('../dist/cli.js'));
