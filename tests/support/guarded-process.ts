// A process that guards a local Neo4j as `npm start` does, then dies as no handler
// can see: SIGKILL. What is left to stop Neo4j is the watchdog.
//   guarded-process.ts <LocalNeo4jSettings as JSON>
import type { LocalNeo4jSettings } from '../../config.ts';
import { guardNeo4j } from '../../launcher/guard.ts';

guardNeo4j(JSON.parse(process.argv[2]!) as LocalNeo4jSettings);
// The watchdog needs a moment to start watching; a crash comes when it comes.
setTimeout(() => process.kill(process.pid, 'SIGKILL'), 3000);
