// What CI does with the contract report: the job summary (a real run of the script the workflow
// runs) and the one pull-request comment, against an in-memory stand-in for GitHub's REST API.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import postReport, { MARKER } from '../scripts/pr-comment.mjs';
import { exec, repoRoot } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'governance-ci-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = fileURLToPath(new URL('../scripts/ci-report.sh', import.meta.url));

function summary(...args: string[]) {
  const file = join(dir, `summary-${args.length}.md`);
  writeFileSync(file, '');
  const report = join(dir, `report-${args.length}.md`);
  const run = exec('bash', [script, report, ...args], repoRoot, { GITHUB_STEP_SUMMARY: file });
  return { code: run.code, summary: readFileSync(file, 'utf8'), report: readFileSync(report, 'utf8') };
}

describe('ci-report.sh (the job summary step)', () => {
  it('appends the Markdown report of the real bundle to the job summary', () => {
    const run = summary();
    expect(run.code).toBe(0);
    // Passing: no breaking change since the release, or breaking ones allowed by a raised major.
    expect(run.summary).toMatch(/^### ✔ API contract check: /);
    expect(run.summary).toBe(run.report);
  });

  it('never fails: without a bundle it says why there is no report', () => {
    const run = summary('--spec', join(dir, 'missing.json'));
    expect(run.code).toBe(0);
    expect(run.summary).toContain('### API contract check did not run');
    expect(run.summary).toContain('no bundle at');
  });
});

/** GitHub's issue-comment endpoints over an array; `deny` makes every write fail as on a fork. */
function fakeGitHub(comments: Array<{ id: number; body: string }>, deny = false) {
  const refused = () => Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
  const rest = {
    issues: {
      listComments: () => Promise.resolve({ data: comments }),
      createComment: ({ body }: { body: string }) => {
        if (deny) return Promise.reject(refused());
        comments.push({ id: comments.length + 100, body });
        return Promise.resolve({});
      },
      updateComment: ({ comment_id, body }: { comment_id: number; body: string }) => {
        if (deny) return Promise.reject(refused());
        comments.find((comment) => comment.id === comment_id)!.body = body;
        return Promise.resolve({});
      },
    },
  };
  return { rest, paginate: async (method: () => Promise<{ data: Array<{ id: number; body: string }> }>) => (await method()).data };
}

describe('pr-comment.mjs (the pull-request comment step)', () => {
  const context = { repo: { owner: 'session-obs', repo: 'toolkit' }, issue: { number: 7 } };
  const notices: string[] = [];
  const core = { notice: (message: string) => notices.push(message) };

  it('posts one comment, then edits it on every later push; other comments stay', async () => {
    const comments = [{ id: 1, body: 'LGTM' }];
    const github = fakeGitHub(comments);
    expect(await postReport({ github, context, core, report: 'first report' })).toBe('created');
    expect(await postReport({ github, context, core, report: 'second report' })).toBe('updated');
    expect(comments).toEqual([
      { id: 1, body: 'LGTM' },
      { id: 101, body: `${MARKER}\nsecond report` },
    ]);
  });

  it('on a fork (read-only token) it leaves a notice and does not throw', async () => {
    const result = await postReport({ github: fakeGitHub([], true), context, core, report: 'report' });
    expect(result).toBe('skipped');
    expect(notices.at(-1)).toMatch(/not posted as a PR comment \(403\): Resource not accessible/);
  });
});

it('the workflow runs these two scripts after the tests, with the permission the comment needs', () => {
  const workflow = readFileSync(join(repoRoot, '.github/workflows/ci.yml'), 'utf8');
  expect(workflow).toContain('bash packages/governance/scripts/ci-report.sh governance-report.md');
  expect(workflow).toContain('packages/governance/scripts/pr-comment.mjs');
  expect(workflow).toMatch(/permissions:\n\s+contents: read\n(\s+#.*\n)*\s+pull-requests: write/);
  expect(workflow).toMatch(/continue-on-error: true\n\s+uses: actions\/github-script@v7/);
});
