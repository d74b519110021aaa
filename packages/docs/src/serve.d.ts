/** Folder the built site is written to. */
export declare const siteDir: string;
/** Content type of a file by its extension. */
export declare function contentType(file: string): string;
/** Serves the built site; resolves once listening. */
export declare function serveDocs(options?: {
  dir?: string;
  port?: number;
  host?: string;
}): Promise<{ url: string; port: number; close(): Promise<void> }>;
