import type { ApiOperation } from '@session-obs/spec';
/** A Redoc `x-codeSamples` entry. */
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}
/** What a sample needs to know about one operation. */
export interface SampleOperation {
  method: string;
  path: string;
  operationId: string;
  pathParams: Array<{ name: string; value: string }>;
  query: Array<{ name: string; value: unknown }>;
  isList: boolean;
  errorDialect: 'code' | 'type' | 'unknown';
  /** The operation's production server (its spec entry's `servers`). */
  server: string;
  /** Its security scheme (`MetorialSecretKey`, `DevRevToken`). */
  scheme: string;
  /** The client option holding that credential (`metorial`, `devrev`). */
  credential: string;
  /** The environment variable the samples read the credential from (`METORIAL_TOKEN`, `DEVREV_TOKEN`). */
  tokenVariable: string;
}
/** Where the samples send requests unless BASE_URL is set. */
export declare const SAMPLE_BASE_URL: string;
/** Token the samples use unless the operation's credential variable is set. */
export declare const SAMPLE_TOKEN: string;
/** The environment variable holding an upstream's credential (`devrev` → `DEVREV_TOKEN`). */
export declare function credentialVariable(credential: string): string;
/** The example value of a parameter (its own, its schema's, or its first named example); undefined when none. */
export declare function parameterExample(spec: any, parameter: Record<string, any>): unknown;
/** The facts a sample needs about one operation of the spec. */
export declare function describeOperation(spec: any, entry: ApiOperation<any, any>): SampleOperation;
/** curl sample. */
export declare function curlSample(op: SampleOperation): string;
/** TypeScript sample with `@session-obs/client`. */
export declare function typeScriptSample(op: SampleOperation): string;
/** Plain `fetch` sample. */
export declare function fetchSample(op: SampleOperation): string;
/** The three samples of one operation. */
export declare function codeSamples(op: SampleOperation): [curl: CodeSample, typescript: CodeSample, fetch: CodeSample];
/** A copy of the spec with `x-codeSamples` on every operation, and the TypeScript samples by operationId. */
export declare function decorateSpec(spec: any): { spec: any; typescript: Record<string, string> };
