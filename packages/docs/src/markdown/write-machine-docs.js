// @ts-check
// The docs build's hook for machine-readable docs: writes llms.txt, llms-full.txt and one Markdown page per
// operation into the site, and links them from the overview of the spec the site renders.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { documentedOperations, llmsFullTxt, llmsTxt } from './llms-txt.js';
import { operationPage, pagePath } from './operation-page.js';

/** @typedef {import('@session-obs/spec').OpenApiDocument} OpenApiDocument */

/**
 * Writes the machine-readable docs of `spec` (the bundled spec, undecorated) into `dist`; returns the files written, relative to it.
 * @param {string} dist
 * @param {OpenApiDocument} spec
 * @returns {string[]}
 */
export function writeMachineDocs(dist, spec) {
  /** @type {Map<string, string>} */
  const files = new Map([
    ['llms.txt', llmsTxt(spec)],
    ['llms-full.txt', llmsFullTxt(spec)],
    ...documentedOperations(spec).map(
      (entry) => /** @type {[string, string]} */ ([pagePath(entry.operationId), operationPage(spec, entry)]),
    ),
  ]);
  for (const [file, text] of files) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), text);
  }
  return [...files.keys()];
}

/**
 * The overview section that links them (`llms.txt`, `llms-full.txt`, each operation's page).
 * @param {OpenApiDocument} spec
 * @returns {string}
 */
export function machineDocsSection(spec) {
  const pages = documentedOperations(spec).map(
    ({ operationId, operation }) => `[${operation.summary ?? operationId}](${pagePath(operationId)})`,
  );
  return [
    '## Docs for AI agents and other programs',
    '',
    'The same reference as plain text, generated from the spec with this site: [llms.txt](llms.txt) (what the API is, one line per operation), [llms-full.txt](llms-full.txt) (all of it in one file) and one Markdown page per operation: ' +
      `${pages.join(', ')}.`,
    '',
  ].join('\n');
}

/**
 * Adds {@link machineDocsSection} to the overview of a prepared spec (the one the site renders), in place.
 * @template {OpenApiDocument} Prepared
 * @param {Prepared} prepared
 * @param {OpenApiDocument} spec
 * @returns {Prepared}
 */
export function linkMachineDocs(prepared, spec) {
  prepared.info.description = `${prepared.info.description ?? ''}\n\n${machineDocsSection(spec)}`;
  return prepared;
}
