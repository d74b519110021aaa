// A server command's bad arguments as the one line it prints. Node's `parseArgs` throws a sentence
// followed by advice about `--`; the sentence is kept, and "argument is ambiguous" (the option's value
// is missing: the next word is an option) is said plainly.

/** The one-line usage problem of an error `parseArgs` threw, ending with a pointer to `--help`. */
export function parseArgsProblem(error: unknown): string {
  const sentence = String((error as Error)?.message ?? error)
    .split(/\.\s|\n/)[0]!
    .replace(/\.$/, '');
  return `${sentence.replace(/ argument is ambiguous$/, ' needs a value')} (see --help).`;
}
