import type { ConsoleModel } from './try-it/model.js';
import type { Schema } from './try-it/validate.js';

/** A schema without its annotations (property names are kept whatever they are called). */
export declare function stripSchema(schema: unknown): Schema;
/** The console's model of a spec: servers, operations (parameters, response schemas) and component schemas. */
export declare function consoleModel(spec: any): ConsoleModel;
