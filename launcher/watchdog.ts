// Stops the local Neo4j that `npm start` launched once the process that launched it
// is gone, however it went: a crash, an out-of-memory kill, SIGKILL. Run by
// launcher/guard.ts as a detached process of its own:
//   watchdog.ts <pid to watch> <LocalNeo4jSettings as JSON>
import type { LocalNeo4jSettings } from '../config.ts';
import { alive, stop } from './launcher.ts';

const POLL_MS = 1000;

const [watched, json] = process.argv.slice(2);
const pid = Number(watched);
const settings = JSON.parse(json ?? 'null') as LocalNeo4jSettings | null;
if (!Number.isInteger(pid) || !settings) {
  console.error('usage: watchdog.ts <pid> <settings as JSON>');
  process.exit(2);
}

const timer = setInterval(() => {
  if (alive(pid)) return;
  clearInterval(timer);
  stop(settings).then(
    () => process.exit(0),
    () => process.exit(1),
  );
}, POLL_MS);
