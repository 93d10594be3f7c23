import { defineConfig } from 'vitest/config';

// Three projects, so that the pure code is tested in seconds without Java or Neo4j:
//   unit — ingest, config and explorer logic: no database, no browser (`npm run test:unit`)
//   int  — the graph, the API and the CLIs against the real Neo4j from tests/global-setup.ts
//   e2e  — the explorer in Debian's Chromium, served by the real API over the same Neo4j
// `npm test` runs all three, one after the other (sequence.groupOrder), so that a test that
// reloads the plan never races one that reads it.
export default defineConfig({
  resolve: {
    // graphql ships both CJS and ESM; yoga (run by Node) loads the CJS build, so the
    // project's own imports must too, or schema objects come from two "realms".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          // One real Neo4j serves the suite; files take turns.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
