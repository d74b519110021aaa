// @ts-check
// CI: posts the API contract report as the pull request's one comment, or edits the one an earlier
// push posted (found by its marker). Called from actions/github-script with its `github`, `context`
// and `core`. Never throws: a fork's read-only token (403) or a rate limit only leaves a notice.

/** Hidden first line that identifies our comment among the pull request's. */
export const MARKER = '<!-- session-obs-governance -->';

/** @typedef {{ id: number, body?: string }} Comment */
/** @typedef {{ owner: string, repo: string }} Repository */

/**
 * actions/github-script's authenticated Octokit: only the issue-comment calls are used. (Method syntax:
 * Octokit's own signatures are wider than what this script passes.)
 * @typedef {{
 *   paginate(method: unknown, params: Repository & { issue_number: number, per_page: number }): Promise<Comment[]>,
 *   rest: { issues: {
 *     listComments: unknown,
 *     createComment(params: Repository & { issue_number: number, body: string }): Promise<unknown>,
 *     updateComment(params: Repository & { comment_id: number, body: string }): Promise<unknown>,
 *   } },
 * }} GitHub
 */

/**
 * What the workflow step passes: github-script's `github`, `context` and `core`, and the report's Markdown.
 * @typedef {{
 *   github: GitHub,
 *   context: { repo: Repository, issue: { number: number } },
 *   core: { notice(message: string): void },
 *   report: string,
 * }} PostReportOptions
 */

/**
 * Creates or updates the report comment; returns what it did: `created`, `updated` or `skipped`. Never throws.
 * @param {PostReportOptions} options
 * @returns {Promise<'created' | 'updated' | 'skipped'>}
 */
export default async function postReport({ github, context, core, report }) {
  const body = `${MARKER}\n${report}`;
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  try {
    const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
    const mine = comments.find((comment) => typeof comment.body === 'string' && comment.body.startsWith(MARKER));
    if (mine) {
      await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });
      return 'updated';
    }
    await github.rest.issues.createComment({ owner, repo, issue_number, body });
    return 'created';
  } catch (caught) {
    // Octokit's request errors carry the HTTP status beside the message.
    const error = /** @type {{ status?: number, message?: string }} */ (caught);
    core.notice(`API contract report not posted as a PR comment (${error.status ?? 'error'}): ${error.message}`);
    return 'skipped';
  }
}
