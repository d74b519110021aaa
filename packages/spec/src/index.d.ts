export interface ValidationResult {
  valid: boolean;
  errors: Array<{ instancePath?: string; message?: string; params?: unknown }>;
}
export interface Operation {
  method: string;
  path: string;
  operationId: string;
  operation: Record<string, any>;
}
import type { ErrorObject, ValidateFunction } from 'ajv';
export type { ErrorObject, ValidateFunction };

export interface SpecValidator {
  /** The compiled ajv function for the schema at a JSON pointer of the document (compiled once, then cached). */
  compile(pointer: string): ValidateFunction;
  /** JSON pointer of the response body schema, or undefined when the spec declares none. */
  responseSchemaPointer(method: string, path: string, status: number | string, mediaType?: string): string | undefined;
  /** Validates a body against the schema declared for this operation and status. */
  validateResponse(method: string, path: string, status: number | string, body: unknown): ValidationResult;
  /** Validates a value against `components.schemas[name]`. */
  validateComponent(name: string, value: unknown): ValidationResult;
  /** Validates a value against the schema at a JSON pointer of the spec. */
  validateAt(pointer: string, value: unknown): ValidationResult;
}
/** Absolute path of the bundled spec (JSON). */
export declare const bundlePath: string;
/** Reads and parses the bundled spec. */
export declare function loadSpec(path?: string): any;
export { pointerEscape, pointerGet, resolveRef } from './pointer.js';
/** Every operation of the spec. */
export declare function listOperations(spec: any): Operation[];
/** Compiles validators for an OpenAPI 3.1 document's schemas (ajv, JSON Schema 2020-12); default: the bundled spec. */
export declare function createSpecValidator(spec?: any): SpecValidator;
/** Formats ajv errors as one readable line each. */
export declare function formatErrors(errors: ValidationResult['errors']): string;
