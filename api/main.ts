// `npm start`: make sure Neo4j is there, apply the schema, ingest the bundled
// plan, serve the API and the viewer, and print where to go.
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { Executor } from '../graph/executor.ts';
import { DEFAULT_REGISTRY, loadPlan } from '../graph/load-plan.ts';
import { guardNeo4j } from '../launcher/guard.ts';
import { locateNeo4j } from '../launcher/locate.ts';
import { applySchema } from '../graph/schema.ts';
import { createServer } from './server.ts';
import { warmServer } from './warm-explorer.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const say = (message: string) => console.log(`innograph: ${message}`);

  const neo4j = await locateNeo4j(config, { docker: false, log: say });
  say(`using Neo4j at ${neo4j.settings.uri} (${neo4j.source})`);
  // Should this process die in a way no handler sees (SIGKILL, out of memory), the watchdog stops Neo4j.
  const disarm = neo4j.started ? guardNeo4j(neo4j.started) : () => {};
  const loader = await Executor.connect(neo4j.settings);
  const { ingest, written } = await (async () => {
    try {
      await applySchema(loader);
      return await loadPlan(loader, { source: config.plan, registry: DEFAULT_REGISTRY });
    } finally {
      await loader.close();
    }
  })();
  say(
    `ingested ${config.plan}: ${written.entities} entities (${ingest.discovered.length} discovered), ` +
      `${written.relations} relations, ${written.mentions} mentions in ${written.sections} sections`,
  );

  // The API fails fast while Neo4j is away and recovers by itself when it returns.
  const executor = await Executor.connect(neo4j.settings, { connectTimeoutMs: 2000, retryMs: 1000 });
  const server = createServer({
    executor,
    logger,
    graphiql: config.server.graphiql,
    corsOrigin: config.server.corsOrigin,
    requestTimeoutMs: config.server.requestTimeoutMs,
    allowedHosts: config.server.allowedHosts,
    cache: { versionPollMs: 1000, ttlMs: 10 * 60_000 },
  });
  // The first users' questions would otherwise pay for planning every statement, under their deadline,
  // and run code the query thread has not run yet.
  await warmServer(executor, logger, server.ask);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.server.port, config.server.host, resolve);
  });
  const base = `http://${config.server.host}:${config.server.port}`;
  say(`explorer  ${base}/`);
  say(`GraphQL   ${base}/graphql`);
  say('press Ctrl-C to stop');

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    server.close();
    server.closeAllConnections();
    await executor.close().catch(() => {});
    await neo4j.release();
    disarm();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  // The server answers every request's failure itself; anything that still escapes is a bug.
  // The process is then in an unknown state: it stops, and stops what it started.
  const fatal = (error: unknown) => {
    logger.fatal({ err: error }, 'innograph stops after an unexpected error');
    void shutdown(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

main().catch((error: unknown) => {
  console.error(`innograph: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
