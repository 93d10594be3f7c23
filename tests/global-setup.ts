// Finds the suite's real Neo4j (NEO4J_URI, else Docker, else the project's own
// server), applies the schema and hands the connection to every test file.
// There is no fallback to a fake: if no Neo4j can be had, the run fails here.
import type { TestProject } from 'vitest/node';
import { loadConfig, type Neo4jSettings } from '../config.ts';
import { Executor } from '../graph/executor.ts';
import { locateNeo4j } from '../launcher/locate.ts';
import { applySchema, awaitIndexes } from '../graph/schema.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jSettings;
  }
}

export default async function setup(project: TestProject) {
  const located = await locateNeo4j(loadConfig(), { docker: true, log: (m) => console.log(`[neo4j] ${m}`) });
  console.log(`[neo4j] tests use ${located.settings.uri} (${located.source})`);
  const executor = await Executor.connect(located.settings);
  try {
    await applySchema(executor);
    await awaitIndexes(executor);
  } finally {
    await executor.close();
  }
  project.provide('neo4j', located.settings);
  return async () => {
    await located.release();
  };
}
