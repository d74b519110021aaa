// @ts-check
// Shared by the benchmark scripts: the page-side check that Redoc has hydrated its prerendered markup.

/**
 * True in the page once React has hydrated Redoc's markup (a page action carries a React fiber). A
 * function for `waitForFunction` (a string would be evaluated with eval, which the page's CSP refuses).
 */
export const HYDRATED = () =>
  Object.keys(globalThis.document.querySelector('[data-testid="page-actions"]') ?? {}).some((key) => key.startsWith('__reactFiber'));
