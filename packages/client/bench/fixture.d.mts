// Types of fixture.mjs (the benchmarks' shared in-memory setup).
export declare const BASE: string;
export declare const TOKEN: string;
export declare const LIST_BODY: string;
export declare const mockFetch: typeof fetch;
export declare const params: { path: { session_id: string }; query: { limit: number; order: 'desc' } };
export declare function timeCalls(
  client: { GET: (path: '/sessions/{session_id}/errors', init: { params: typeof params }) => Promise<{ data?: unknown }> },
  calls: number,
): Promise<number>;
export declare const median: (xs: number[]) => number;
