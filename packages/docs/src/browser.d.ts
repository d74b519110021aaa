/** Chromium flags for headless runs in CI containers (root, no GPU, no background traffic). */
export declare const CHROMIUM_ARGS: string[];
/** The Chromium binary: CHROMIUM_PATH (set by .ci/run) or Debian's /usr/bin/chromium. */
export declare function chromiumPath(): string;
