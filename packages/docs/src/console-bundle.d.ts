/** The console's script: one minified ES2020 module. */
export declare function buildConsoleScript(): string;
