// How browser tests and the docs budget script start Chromium: Debian's own build, never a downloaded one.

/** Chromium flags for headless runs in CI containers (root, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** The Chromium binary: CHROMIUM_PATH (set by .ci/run) or Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}
