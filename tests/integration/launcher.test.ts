import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT, type LocalNeo4jSettings } from '../../config.ts';
import { Executor } from '../../graph/executor.ts';
import { locateNeo4j } from '../../launcher/locate.ts';
import { alive, freePort, start, status, stop } from '../../launcher/launcher.ts';
import { occupyPort } from '../support/ports.ts';

// A second local server with its own home and ports, so the suite's own Neo4j is never touched.
describe('local Neo4j launcher', () => {
  let settings: LocalNeo4jSettings;
  const log = () => {};

  beforeAll(async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-launcher-'));
    settings = { ...loadConfig().local, home, boltPort: await freePort(), httpPort: await freePort(), heap: '512m', pageCache: '64m' };
  });

  afterAll(async () => {
    await stop(settings);
    fs.rmSync(settings.home, { recursive: true, force: true });
  });

  it('starts with Neo4j Browser on loopback, reports status, reuses a running server, stops and keeps data across a restart', async () => {
    const first = await start(settings, log);
    expect(first.reused).toBe(false);
    expect(first.password).not.toBe('neo4j');
    expect(await status(settings)).toMatchObject({ running: true, pid: first.pid });
    const browser = await fetch(`http://127.0.0.1:${settings.httpPort}/browser/`);
    expect(browser.status).toBe(200);
    expect(await browser.text()).toContain('<title>Neo4j Browser</title>');

    const second = await start(settings, log);
    expect(second).toMatchObject({ reused: true, pid: first.pid, password: first.password });

    const writer = await Executor.connect(first);
    await writer.write("CREATE (:Document {id: 'launcher-survivor'})");
    await writer.close();

    expect(await stop(settings)).toBe(true);
    expect((await status(settings)).running).toBe(false);

    const third = await start(settings, log);
    expect(third.reused).toBe(false);
    const reader = await Executor.connect(third);
    const rows = await reader.read<{ n: number }>("MATCH (d:Document {id: 'launcher-survivor'}) RETURN count(d) AS n");
    await reader.close();
    expect(rows).toEqual([{ n: 1 }]);
  }, 300_000); // two cold starts of a JVM, each bounded by the launcher's own 180 s

  it('stops the Neo4j a process started once that process is killed outright (the watchdog)', async () => {
    const server = await start(settings, log);
    const guarded = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'tests', 'support', 'guarded-process.ts'), JSON.stringify(settings)], {
      cwd: PROJECT_ROOT,
      stdio: 'ignore',
    });
    const killedBy = await new Promise<NodeJS.Signals | null>((resolve) => guarded.once('exit', (_code, signal) => resolve(signal)));
    expect(killedBy).toBe('SIGKILL');
    const deadline = Date.now() + 90_000;
    while (alive(server.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(alive(server.pid)).toBe(false);
    expect((await status(settings)).running).toBe(false);
  }, 300_000); // a cold start of a JVM, bounded by the launcher's own 180 s, then the watchdog's stop

  it('refuses to start on a port another program holds, and says which', async () => {
    const taken = await occupyPort();
    try {
      const blocked = { ...settings, home: `${settings.home}-blocked`, boltPort: taken.port };
      await expect(start(blocked, log)).rejects.toThrow(new RegExp(`port ${taken.port} on 127.0.0.1 is already in use`));
    } finally {
      await taken.release();
    }
  });

  it('lists every way it tried when no Neo4j can be had', async () => {
    const taken = await occupyPort();
    try {
      const config = loadConfig({});
      config.local = { ...settings, home: `${settings.home}-none`, boltPort: taken.port };
      await expect(locateNeo4j(config, { docker: false, log })).rejects.toThrow(
        /no Neo4j could be had:\n {2}1\. NEO4J_URI: not set\n {2}2\. Docker: not tried.*\n {2}3\. local Neo4j .*already in use/,
      );
    } finally {
      await taken.release();
    }
  });
});
