// @ts-check
// Redoc's server-side render writes its in-page links as paths (`href="/session-errors"`), while the page
// it hydrates routes by `#` fragment (`#/session-errors`, what its client renders). A reader who taps a
// link before the hydration is done (a phone, a slow connection) went to `/session-errors`: a 404 on our
// server and on any static host. The prerendered links get the fragment form, so they work before,
// during and after the hydration, and from a sub-path.

const ROOT = '<div id="redoc">';
/** A root-relative link (`/x`, not `//host`) in the prerendered markup. */
const PATH_LINK = /\shref="\/(?!\/)/g;

/**
 * `html` with the root-relative links of Redoc's prerendered markup (between `#redoc` and the first
 * `<script type="module">` after it) turned into `#/` fragment links. Throws when the page has no `#redoc`.
 * @param {string} html
 */
export function fragmentLinks(html) {
  const start = html.indexOf(ROOT);
  const end = html.indexOf('<script type="module"', start);
  if (start === -1 || end === -1) throw new Error("build: the page has no Redoc root followed by its module; review src/build/prerender-links.js");
  return html.slice(0, start) + html.slice(start, end).replace(PATH_LINK, ' href="#/') + html.slice(end);
}
