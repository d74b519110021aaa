// Spectral function: the operation (resolved) declares every query parameter named in `names`.
export default function hasParameters(operation, options) {
  const names = new Set((operation?.parameters ?? []).filter((p) => p && p.in === 'query').map((p) => p.name));
  return (options?.names ?? [])
    .filter((name) => !names.has(name))
    .map((name) => ({ message: `List operation is missing the shared paging parameter \`${name}\`.` }));
}
