import type { LocalConfig } from './try-it/model.js';

/** Folder the built site is written to. */
export declare const siteDir: string;
/** Content type of a file by its extension. */
export declare function contentType(file: string): string;
/** Serves the built site; resolves once listening. */
export declare function serveDocs(options?: {
  dir?: string;
  port?: number;
  host?: string;
  /** Try it settings added to every HTML page (local servers, preselected server, tokens, ids). */
  consoleConfig?: LocalConfig;
  /** Adds a script that reloads open pages when `reload()` is called. */
  liveReload?: boolean;
}): Promise<{ url: string; port: number; reload(): void; close(): Promise<void> }>;
