// @ts-check
// A dev-loop follow-up that runs a command (types generation, Spectral) and prints its output, each
// line prefixed with the step's name; a non-zero exit is reported, and the loop keeps running.
import { spawn } from 'node:child_process';

/**
 * A follow-up step `{ name, run }` that runs `command args` in `cwd`; `run` rejects on a non-zero exit.
 * @param {{ name: string, command: string, args?: string[], cwd?: string, log?: (line: string) => void }} options
 * @returns {import('./dev-loop.js').FollowUp}
 */
export function commandStep({ name, command, args = [], cwd, log = console.log }) {
  return {
    name,
    run: () =>
      /** @type {Promise<void>} */ (
        new Promise((resolve, reject) => {
          const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
          let pending = '';
          const print = (/** @type {Buffer | string} */ chunk) => {
            const lines = (pending + chunk).split('\n');
            pending = lines.pop() ?? '';
            for (const line of lines) if (line.trim()) log(`  [${name}] ${line}`);
          };
          child.stdout.on('data', print);
          child.stderr.on('data', print);
          child.once('error', reject);
          child.once('close', (code) => {
            print('\n');
            if (code === 0) resolve();
            else reject(new Error(`exited with code ${code}`));
          });
        })
      ),
  };
}
