// `npm run neo4j:start | neo4j:stop | neo4j:status`: the local Neo4j by hand.
import { loadConfig } from '../config.ts';
import { start, status, stop } from '../launcher/launcher.ts';

async function main(command: string | undefined): Promise<void> {
  const { local } = loadConfig();
  const log = (message: string) => console.log(message);
  switch (command) {
    case 'start': {
      const server = await start(local, log);
      console.log(`${server.reused ? 'Already running' : 'Started'}: ${server.uri} (pid ${server.pid}, user ${server.user}, password in ${local.home}/auth.json)`);
      return;
    }
    case 'stop': {
      console.log((await stop(local)) ? 'Neo4j stopped.' : 'Neo4j was not running.');
      return;
    }
    case 'status': {
      const current = await status(local);
      console.log(current.running ? `Running: ${current.uri} (pid ${current.pid}, home ${current.home})` : `Not running (home ${current.home}).`);
      process.exitCode = current.running ? 0 : 3;
      return;
    }
    default:
      throw new Error(`usage: npm run neo4j:start|neo4j:stop|neo4j:status (got ${JSON.stringify(command)})`);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(`innograph: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
