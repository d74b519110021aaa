// A Node ESM consumer: imports the installed client by name, runs the shared calls, prints one JSON line.
import { fileURLToPath } from 'node:url';
import * as lib from '@session-obs/client';
import { readSettings, runScenario } from './scenario.cjs';

const result = await runScenario(lib, readSettings(process.env));
console.log(JSON.stringify({ resolved: fileURLToPath(import.meta.resolve('@session-obs/client')), ...result }));
