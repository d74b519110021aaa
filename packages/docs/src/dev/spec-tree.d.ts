/** One problem as one line: `file:line:col severity rule message`. */
export declare function formatProblem(problem: any, cwd?: string): string;
/** A bundle: the spec and its JSON and YAML texts, or why there is none. */
export type BundleResult = { ok: true; spec: any; json: string; yaml: string } | { ok: false; problems: string[] };
/** The spec tree, bundled and linted in-process. */
export interface SpecTree {
  entry: string;
  bundle(): Promise<BundleResult>;
  lint(): Promise<string[]>;
}
/** Opens the spec tree whose root document is `entry`, with the Redocly config at `configPath`. */
export declare function openSpecTree(options: { entry: string; configPath: string }): Promise<SpecTree>;
