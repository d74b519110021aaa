// How deeply a parsed JSON value nests. JSON.parse takes any depth, but JSON.stringify (the stored `data`,
// an imported event's body) recurses and throws past a few thousand levels: deeper input is refused first.

/** The deepest nesting of arrays and objects accepted in an ingested body or an imported line. */
export const MAX_NESTING = 64;

/** Whether `value` nests arrays and objects more than `max` levels deep; iterative, stops at the first such path. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
    }
  }
  return false;
}
