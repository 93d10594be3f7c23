// The API as it runs in production: `api/main.ts` in a Node process of its own, so
// that a crash is seen as a crash and its memory is its own.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Neo4jSettings } from '../../config.ts';
import { PROJECT_ROOT } from '../../config.ts';
import { freePort } from '../../launcher/launcher.ts';
import { ensureExplorerBuilt } from '../support/explorer-build.ts';

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** resident set size, from /proc */
  rssMiB(): number;
  alive(): boolean;
  stop(): Promise<void>;
}

export async function startApi(neo4j: Neo4jSettings): Promise<ApiProcess> {
  // As `npm start` does (its prestart builds): the static-file attacks must reach the real files.
  await ensureExplorerBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'api', 'main.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('press Ctrl-C')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the API did not start (exit ${child.exitCode}):\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

export async function post(url: string, body: string | Uint8Array, contentType = 'application/json'): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, body: text, ms: performance.now() - started };
}

export function query(url: string, text: string, variables?: Record<string, unknown>): Promise<Answer> {
  return post(url, JSON.stringify({ query: text, variables }));
}
