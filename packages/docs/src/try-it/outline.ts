// The page's outline for assistive technology, where Redoc's markup leaves gaps: its sidebar becomes a
// navigation landmark (everything else is in Redoc's <main>), and a heading that skips levels (an
// operation's h1 followed by h4 sections) is announced one level below the heading before it.
// Nothing is hidden: the same content, with the structure screen readers navigate by.

/** The sidebar as `<nav>`-equivalent: a navigation landmark with a name. */
function markSidebar(root: HTMLElement): void {
  const sidebar = root.querySelector<HTMLElement>('.menu-content');
  if (sidebar && !sidebar.hasAttribute('role')) {
    sidebar.setAttribute('role', 'navigation');
    sidebar.setAttribute('aria-label', 'API reference');
  }
}

/** The level a heading is announced at: its `aria-level`, else its tag's. */
const levelOf = (heading: HTMLElement) => Number(heading.getAttribute('aria-level') ?? heading.tagName.slice(1));

/** Headings in document order never skip a level downwards (h1 → h4 is announced h1 → h2). */
function fixHeadingLevels(root: HTMLElement): void {
  let previous = 0;
  for (const heading of root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    if ('outlineLevel' in heading.dataset) heading.removeAttribute('aria-level');
    const own = Number(heading.tagName.slice(1));
    if (previous && own > previous + 1) {
      heading.setAttribute('aria-level', String(previous + 1));
      heading.dataset.outlineLevel = '';
    } else if ('outlineLevel' in heading.dataset) {
      delete heading.dataset.outlineLevel;
    }
    previous = levelOf(heading);
  }
}

/** Landmarks and heading levels of the page under `root`. */
export function repairOutline(root: HTMLElement): void {
  markSidebar(root);
  fixHeadingLevels(root);
}
