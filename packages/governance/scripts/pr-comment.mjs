// CI: posts the API contract report as the pull request's one comment, or edits the one an earlier
// push posted (found by its marker). Called from actions/github-script with its `github`, `context`
// and `core`. Never throws: a fork's read-only token (403) or a rate limit only leaves a notice.

/** Hidden first line that identifies our comment among the pull request's. */
export const MARKER = '<!-- session-obs-governance -->';

/** Creates or updates the report comment; returns what it did: `created`, `updated` or `skipped`. */
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
  } catch (error) {
    core.notice(`API contract report not posted as a PR comment (${error.status ?? 'error'}): ${error.message}`);
    return 'skipped';
  }
}
