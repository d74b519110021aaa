// @ts-check
// Machine-readable docs (llms.txt, llms-full.txt, a Markdown page per operation), generated from the spec.
export { operationPage, pagePath, productionServer } from './operation-page.js';
export { documentedOperations, llmsFullTxt, llmsTxt } from './llms-txt.js';
export { linkMachineDocs, machineDocsSection, writeMachineDocs } from './write-machine-docs.js';
export { schemaText } from './schema-text.js';
