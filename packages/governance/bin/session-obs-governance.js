#!/usr/bin/env node
// The `session-obs-governance` command. Committed so the bin exists when pnpm links the workspace, before
// `dist/` is built (pnpm warns about a bin whose file is missing); it loads the built CLI.
import('../dist/cli.js');
