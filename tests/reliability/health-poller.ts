// Asks /health every 200 ms and reads the API's RSS while an attack runs, in a process of
// its own, as a reader's browser would: an attack such as 300 questions at once keeps the
// attacking process busy reading the answers, and a thread of that process waits for the
// CPU its siblings hold — time that is the attacker's, not the server's.
// The parent sends 'stop' and gets back what was seen.
import fs from 'node:fs';

export interface PollerSetup {
  url: string;
  pid: number;
}

export interface Seen {
  health: number[];
  failures: number;
  rss: number[];
}

const INTERVAL_MS = 200;

function rssMiB(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null; // the process is gone: the attack's own check says so
  }
}

async function poll(setup: PollerSetup, running: () => boolean): Promise<Seen> {
  const seen: Seen = { health: [], failures: 0, rss: [] };
  while (running()) {
    const started = performance.now();
    try {
      const answer = await fetch(setup.url, { signal: AbortSignal.timeout(30_000) });
      await answer.text();
      if (answer.status !== 200) seen.failures += 1;
    } catch {
      seen.failures += 1;
    }
    seen.health.push(performance.now() - started);
    const rss = rssMiB(setup.pid);
    if (rss !== null) seen.rss.push(rss);
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
  return seen;
}

// Started by fork (edge-scenarios.ts), which imports only the types above.
const setup = JSON.parse(process.argv[2]!) as PollerSetup;
let running = true;
process.once('message', () => (running = false));
void poll(setup, () => running).then((seen) => process.send!(seen, () => process.disconnect()));
