import type { IncomingMessage, ServerResponse } from 'node:http';

/** A live-reload channel for the dev server. */
export declare function liveReload(): {
  script: string;
  handles(path: string, req: IncomingMessage, res: ServerResponse): boolean;
  reload(): void;
  close(): void;
};
