// Spectral function: a schema or media type carries an `example` or a non-empty `examples`.
export default function hasExample(target) {
  if (target == null || typeof target !== 'object') return [];
  const { example, examples } = target;
  const has = example !== undefined || (Array.isArray(examples) ? examples.length > 0 : examples && Object.keys(examples).length > 0);
  return has ? [] : [{ message: 'Give this an `example` or `examples`.' }];
}
