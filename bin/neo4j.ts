// `npm run neo4j:start | neo4j:stop | neo4j:status`: the local Neo4j by hand.
import { loadConfig } from '../config.ts';
import { neo4jVersion, start, status, stop } from '../launcher/launcher.ts';
import { parseCommandLine, usageError, type CommandLine } from './cli.ts';

const COMMANDS = ['start', 'stop', 'status'] as const;

const CLI = {
  name: 'innograph neo4j',
  usage: `usage: npm run neo4j:start | neo4j:stop | neo4j:status   (tsx bin/neo4j.ts <start|stop|status>)
  start    fetch Neo4j on first use (Maven), then start it on 127.0.0.1, or find the one already running
  stop     stop the local Neo4j (data is kept)
  status   say whether it runs; exit 0 when it does, 3 when it does not
  --help, -h   this text
  --version    innograph's version and the Neo4j version it runs
exit codes: 0 done, 1 failure, 2 usage, 3 (status) not running`,
  options: {},
  versions: () => [`Neo4j ${neo4jVersion()} Community`],
} satisfies CommandLine;

function command(positionals: string[]): (typeof COMMANDS)[number] {
  const [name, ...rest] = positionals;
  if (rest.length > 0) usageError(CLI, `one command expected, got ${positionals.length}`);
  if (!COMMANDS.includes(name as (typeof COMMANDS)[number])) usageError(CLI, `unknown command ${JSON.stringify(name ?? '')}`);
  return name as (typeof COMMANDS)[number];
}

async function main(argv: string[]): Promise<void> {
  const { positionals } = parseCommandLine(CLI, argv);
  const name = command(positionals);
  const { local } = loadConfig();
  const log = (message: string) => console.log(message);
  switch (name) {
    case 'start': {
      const server = await start(local, log);
      console.log(
        `${server.reused ? 'Already running' : 'Started'}: ${server.uri} (pid ${server.pid}, user ${server.user}, password in ${local.home}/auth.json)`,
      );
      console.log(`Neo4j Browser: http://127.0.0.1:${local.httpPort}/browser/`);
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
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`innograph neo4j: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
