// Types of pr-comment.mjs (for the tests that call it).
export declare const MARKER: string;

interface Comment {
  id: number;
  body?: string;
}

export interface PostReportOptions {
  /** actions/github-script's authenticated Octokit (only the issue-comment calls are used). */
  github: {
    paginate: (method: never, params: never) => Promise<Comment[]>;
    rest: {
      issues: {
        listComments: unknown;
        createComment: (params: never) => Promise<unknown>;
        updateComment: (params: never) => Promise<unknown>;
      };
    };
  };
  context: { repo: { owner: string; repo: string }; issue: { number: number } };
  core: { notice: (message: string) => void };
  report: string;
}

/** Creates or updates the report comment; never throws. */
export default function postReport(options: PostReportOptions): Promise<'created' | 'updated' | 'skipped'>;
