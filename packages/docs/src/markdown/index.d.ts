import type { ApiOperation } from '@session-obs/spec';
/** The file of an operation's Markdown page, relative to the site root: `operations/<operationId>.md`. */
export declare function pagePath(operationId: string): string;
/** The operation's production server (the first one not marked `x-internal`). */
export declare function productionServer(spec: any, entry: ApiOperation<any, any>): string | undefined;
/** The Markdown page of one operation: description, parameters, responses with error codes, fields, curl and TypeScript samples. */
export declare function operationPage(spec: any, entry: ApiOperation<any, any>): string;
/** The operations that get a page. */
export declare function documentedOperations(spec: any): Array<ApiOperation<any, any>>;
/** llms.txt: what the API is, one line and link per operation. */
export declare function llmsTxt(spec: any): string;
/** llms-full.txt: the overview and every operation page. */
export declare function llmsFullTxt(spec: any): string;
/** Writes llms.txt, llms-full.txt and operations/*.md into `dist`; returns the files written. */
export declare function writeMachineDocs(dist: string, spec: any): string[];
/** The overview section linking the machine-readable docs. */
export declare function machineDocsSection(spec: any): string;
/** Adds the section to a prepared spec's overview, in place, and returns it. */
export declare function linkMachineDocs(prepared: any, spec: any): any;
/** A JSON Schema in words, for a Markdown table. */
export declare function schemaText(spec: any, node: unknown, depth?: number): string;
