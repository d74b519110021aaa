export { createClient, DEFAULT_BASE_URL } from './create-client.js';
export type { ClientOptions, SessionObservabilityClient } from './create-client.js';
export type { paths, components, operations } from '@session-obs/types';
