/** Writes a file through a temp file and a rename. */
export declare function writeAtomic(path: string, text: string): void;
/** The dev copy of the built site; `publish(spec)` rewrites its page for a new bundle. */
export declare function createDevSite(options: { builtDir: string; outDir: string }): { dir: string; publish(spec: any): void };
