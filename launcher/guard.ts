// Makes sure a local Neo4j started for this process does not outlive it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { LocalNeo4jSettings } from '../config.ts';

/** Starts the watchdog; call the returned function on a clean shutdown, which stops Neo4j itself. */
export function guardNeo4j(settings: LocalNeo4jSettings): () => void {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'watchdog.ts'), String(process.pid), JSON.stringify(settings)], {
    detached: true, // its own process group: a Ctrl-C or a kill of ours does not take it along
    stdio: 'ignore',
  });
  child.unref();
  return () => {
    if (child.exitCode === null) child.kill();
  };
}
