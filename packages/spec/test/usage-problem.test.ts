// A server command's bad arguments as one line: parseArgs' sentence, and a missing value said plainly.
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseArgsProblem } from '../src/server/index.js';

const problemOf = (args: string[]) => {
  try {
    parseArgs({ args, options: { port: { type: 'string' }, hosted: { type: 'boolean' } }, strict: true });
  } catch (error) {
    return parseArgsProblem(error);
  }
  throw new Error('accepted');
};

describe('parseArgsProblem', () => {
  it.each([
    [['--bogus'], "Unknown option '--bogus' (see --help)."],
    [['--port'], "Option '--port <value>' argument missing (see --help)."],
    [['--port', '--hosted'], "Option '--port' needs a value (see --help)."],
  ])('%j → %s', (args, line) => {
    expect(problemOf(args)).toBe(line);
  });
});
