// Finds a Neo4j to work with, in the project's order: NEO4J_URI when set; else a
// Docker engine through testcontainers (when the caller allows it); else the
// project's own local server. Each way that fails says why, so the final error
// tells the user everything that was tried.
import type { Config, LocalNeo4jSettings, Neo4jSettings } from '../config.ts';
import { GraphError } from '../graph/errors.ts';
import { Executor } from '../graph/executor.ts';
import { start, stop, type Log } from './launcher.ts';

export type Neo4jSource = 'env' | 'docker' | 'local';

export interface LocatedNeo4j {
  settings: Neo4jSettings;
  source: Neo4jSource;
  /** stops what this call started; a no-op for servers that were already there */
  release(): Promise<void>;
  /** the local server this call started, which must not outlive the process (null when none was started) */
  started: LocalNeo4jSettings | null;
}

export interface LocateOptions {
  /** try testcontainers before the local server (tests do; `npm start` suggests docker compose instead) */
  docker: boolean;
  log: Log;
}

const DOCKER_IMAGE = 'neo4j:5.26-community';

async function viaDocker(): Promise<LocatedNeo4j> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  await getContainerRuntimeClient(); // throws at once when no engine answers
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer(DOCKER_IMAGE).withPassword('innograph-test').start();
  return {
    settings: { uri: container.getBoltUri(), user: container.getUsername(), password: container.getPassword(), database: 'neo4j' },
    source: 'docker',
    started: null,
    release: async () => {
      await container.stop();
    },
  };
}

function reason(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}

export async function locateNeo4j(config: Config, options: LocateOptions): Promise<LocatedNeo4j> {
  if (config.neo4j) {
    // The user named a server: use it or fail, never silently use another one.
    const executor = await Executor.connect(config.neo4j);
    await executor.close();
    return { settings: config.neo4j, source: 'env', started: null, release: async () => {} };
  }
  const tried = ['1. NEO4J_URI: not set'];
  if (options.docker) {
    try {
      return await viaDocker();
    } catch (error) {
      tried.push(`2. Docker via testcontainers: ${reason(error)}`);
    }
  } else {
    tried.push('2. Docker: not tried here (use `docker compose up` to run innograph in Docker)');
  }
  try {
    const server = await start(config.local, options.log);
    return {
      settings: server,
      source: 'local',
      started: server.reused ? null : config.local,
      release: async () => {
        if (!server.reused) await stop(config.local);
      },
    };
  } catch (error) {
    tried.push(`3. local Neo4j (${config.local.home}): ${reason(error)}`);
  }
  throw new GraphError('NEO4J_NOT_FOUND', `no Neo4j could be had:\n  ${tried.join('\n  ')}`, { tried });
}
