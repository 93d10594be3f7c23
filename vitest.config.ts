import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships both CJS and ESM; yoga (run by Node) loads the CJS build, so the
    // project's own imports must too, or schema objects come from two "realms".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // One real Neo4j serves the whole suite; files take turns so that a test that
    // reloads the plan never races one that reads it.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
