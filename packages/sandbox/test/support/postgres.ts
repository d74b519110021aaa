// The throwaway PostgreSQL server for tests and a fresh database per test file: @session-obs/devkit's
// `startTestPostgres` and `createTestDatabase` (a real server in a temporary folder on a free port of
// 127.0.0.1, stopped when the tests end; SANDBOX_TEST_DATABASE_URL points at an existing server instead).
export { createTestDatabase, findPostgresBin, startTestPostgres, type TestPostgres } from '@session-obs/devkit';
