/** Calls `onChange(files)` with the relative paths changed under `dir`, once per burst of changes. */
export declare function watchTree(dir: string, onChange: (files: string[]) => void, options?: { quietMs?: number }): { close(): void };
