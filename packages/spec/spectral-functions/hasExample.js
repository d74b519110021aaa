// Spectral function: a schema or media type carries an `example` or a non-empty `examples`.

/**
 * @param {unknown} target
 * @returns {Array<{ message: string }>}
 */
export default function hasExample(target) {
  if (target == null || typeof target !== 'object') return [];
  const { example, examples } = /** @type {{ example?: unknown, examples?: unknown }} */ (target);
  const has =
    example !== undefined ||
    (Array.isArray(examples) ? examples.length > 0 : examples !== null && typeof examples === 'object' && Object.keys(examples).length > 0);
  return has ? [] : [{ message: 'Give this an `example` or `examples`.' }];
}
