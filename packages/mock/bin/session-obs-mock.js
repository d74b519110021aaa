#!/usr/bin/env node
// The `session-obs-mock` command. Committed (so the bin exists at install time, before `dist/` is built); the
// shared guard checks the Node version against `engines` before the CLI (Prism needs a newer Node) loads.
import { startIfNodeSupported } from '@session-obs/spec/node-guard';

startIfNodeSupported(new URL('../package.json', import.meta.url), () => import('../dist/cli.js'));
