// @ts-check
// Shared by the benchmark scripts: the page-side check that Redoc has hydrated its prerendered markup.

/** True in the page once React has hydrated Redoc's markup (a page action carries a React fiber); for `waitForFunction`. */
export const HYDRATED = `Object.keys(document.querySelector('[data-testid="page-actions"]') ?? {}).some((key) => key.startsWith('__reactFiber'))`;
