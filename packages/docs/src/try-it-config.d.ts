import type { ConsoleModel, LocalConfig, ModelServer } from './try-it/model.js';

/** A local server the docs run beside. */
export interface LocalServer {
  url: string;
}
/** The sandbox: its URL, the token it accepts and its `/_sandbox/fixtures` answer. */
export interface LocalSandbox extends LocalServer {
  token?: string;
  fixtures?: Record<string, any>;
}
/** `sandbox`, `mock` or undefined for a server entry of the spec. */
export declare function localKind(server: Partial<ModelServer>): 'sandbox' | 'mock' | undefined;
/** Sandbox fixture values for each operation's path and required query parameters. */
export declare function fixtureValues(model: ConsoleModel, fixtures: Record<string, any>): Record<string, Record<string, string>>;
/** The console settings for a docs server next to a local mock and sandbox. */
export declare function localConsoleConfig(spec: any, local?: { mock?: LocalServer; sandbox?: LocalSandbox }): LocalConfig;
/** The console settings for the docs beside a running mock and sandbox; asks the sandbox for its fixture ids. */
export declare function consoleConfigFor(options?: {
  mock?: LocalServer;
  sandbox?: LocalServer & { token: string };
  spec?: any;
  fetchImpl?: typeof fetch;
}): Promise<LocalConfig>;
