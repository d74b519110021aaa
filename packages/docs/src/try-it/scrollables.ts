// Redoc's code blocks and wide tables scroll sideways inside themselves (more at 390 px); a keyboard
// user can scroll only what can take the focus. Every such region that overflows gets `tabindex="0"`
// (and loses it when it no longer overflows).
const SCROLLABLE = '#redoc pre, #redoc table';

/** Makes `element` reachable by keyboard when it overflows sideways, and leaves it alone otherwise. */
function update(element: HTMLElement): void {
  const overflows = element.scrollWidth > element.clientWidth + 1;
  if (overflows && !element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '0');
    element.dataset.scrollFocus = '';
  } else if (!overflows && 'scrollFocus' in element.dataset) {
    element.removeAttribute('tabindex');
    delete element.dataset.scrollFocus;
  }
}

/** Every scrolling code block and table under `root` focusable. */
export function focusScrollables(root: HTMLElement): void {
  for (const element of root.querySelectorAll<HTMLElement>(SCROLLABLE)) update(element);
}
