// Spectral function: the operation (resolved) declares every query parameter named in `names`.

/**
 * @param {{ parameters?: Array<{ in?: string, name?: string } | null> } | null | undefined} operation
 * @param {{ names?: string[] } | undefined} options
 * @returns {Array<{ message: string }>}
 */
export default function hasParameters(operation, options) {
  const names = new Set(
    (operation?.parameters ?? []).filter((parameter) => parameter && parameter.in === 'query').map((parameter) => parameter?.name),
  );
  return (options?.names ?? [])
    .filter((name) => !names.has(name))
    .map((name) => ({ message: `List operation is missing the shared paging parameter \`${name}\`.` }));
}
