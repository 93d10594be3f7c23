// The project's own Neo4j Community server, for machines without Docker: Maven
// fetches the jars named in launcher/pom.xml, and Java runs Neo4j's
// CommunityEntryPoint on loopback with the flags Neo4j's own launcher would add.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { PROJECT_ROOT, type LocalNeo4jSettings, type Neo4jSettings } from '../config.ts';
import { GraphError } from '../graph/errors.ts';
import { Executor } from '../graph/executor.ts';
import { FetchProgress } from './maven-progress.ts';

const run = promisify(execFile);

const POM = path.join(PROJECT_ROOT, 'launcher', 'pom.xml');
const MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_CLASS = 'org.neo4j.cli.AdminTool';

const START_TIMEOUT_MS = 180_000; // a first start creates the system and neo4j databases
const STOP_TIMEOUT_MS = 60_000; // a clean shutdown flushes the page cache and checkpoints

export type Log = (message: string) => void;

export interface LocalNeo4j extends Neo4jSettings {
  pid: number;
  /** true when an already running server of this home was found */
  reused: boolean;
}

export interface LocalStatus {
  running: boolean;
  pid: number | null;
  uri: string;
  home: string;
}

export function neo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(POM, 'utf8'));
  if (!match?.[1]) throw new GraphError('LAUNCHER_FAILED', `no <neo4j.version> in ${POM}`);
  return match[1];
}

function paths(settings: LocalNeo4jSettings) {
  return {
    conf: path.join(settings.home, 'conf'),
    data: path.join(settings.home, 'data'),
    logs: path.join(settings.home, 'logs'),
    run: path.join(settings.home, 'run'),
    pidFile: path.join(settings.home, 'run', 'neo4j.pid'),
    console: path.join(settings.home, 'logs', 'console.log'),
    auth: path.join(settings.home, 'auth.json'),
    installed: path.join(settings.lib, '.installed'),
  };
}

function boltUri(settings: LocalNeo4jSettings): string {
  return `bolt://127.0.0.1:${settings.boltPort}`;
}

/** What lib/ must hold: the pom's own bytes, so that a dependency added to it (Neo4j Browser) is fetched too. */
function pomFingerprint(): string {
  return `${neo4jVersion()} ${createHash('sha256').update(fs.readFileSync(POM)).digest('hex').slice(0, 16)}`;
}

/**
 * Runs a child to its end, each line of its output (stdout and stderr) to `take`;
 * rejects with `failure(code)` when it exits non-zero.
 */
function runToEnd(child: ChildProcess, take: (line: string) => void, failure: (code: number | null) => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', take);
    readline.createInterface({ input: child.stderr! }).on('line', take);
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(failure(code))));
  });
}

/** Runs Maven in batch mode, each line of its output to `onLine`; the last [ERROR] lines if it fails. */
function runMaven(args: string[], onLine: (line: string) => void): Promise<void> {
  const errors: string[] = [];
  return runToEnd(
    spawn('mvn', ['-B', ...args], { stdio: ['ignore', 'pipe', 'pipe'] }),
    (line) => {
      if (/^\[ERROR\]/.test(line)) errors.push(line.replace(/^\[ERROR\]\s*/, ''));
      onLine(line);
    },
    (code) => new Error(errors.filter(Boolean).slice(0, 5).join(' | ') || `mvn exited with code ${code}`),
  );
}

/** Fetches the jars the pom names with Maven unless lib/ already holds them, telling the files and bytes as they arrive. */
export async function ensureInstalled(settings: LocalNeo4jSettings, log: Log): Promise<void> {
  const version = neo4jVersion();
  const fingerprint = pomFingerprint();
  const { installed } = paths(settings);
  if (fs.existsSync(installed) && fs.readFileSync(installed, 'utf8').trim() === fingerprint) return;

  log(`Fetching Neo4j ${version} Community and Neo4j Browser with Maven into ${settings.lib} (first run only; ~150 MB with Maven's own plugins)…`);
  const started = Date.now();
  const progress = new FetchProgress(log);
  // Fetch into a sibling folder and rename, so an interrupted fetch never looks installed.
  const staging = `${settings.lib}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    await runMaven(['-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`], (line) => progress.line(line));
  } catch (error) {
    throw new GraphError(
      'LAUNCHER_FAILED',
      `could not fetch Neo4j ${version} with Maven (is mvn installed and Maven Central reachable?): ${(error as Error).message}`,
      { pom: POM },
      { cause: error },
    );
  }
  fs.writeFileSync(path.join(staging, '.installed'), `${fingerprint}\n`);
  fs.rmSync(settings.lib, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(settings.lib), { recursive: true });
  fs.renameSync(staging, settings.lib);
  log(`Neo4j ${version} fetched: ${progress.summary()} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

function neo4jConf(settings: LocalNeo4jSettings): string {
  const p = paths(settings);
  return [
    '# Written by launcher/launcher.ts on every start; edit INNOGRAPH_NEO4J_* variables instead.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${settings.boltPort}`,
    `server.http.listen_address=127.0.0.1:${settings.httpPort}`,
    'server.https.enabled=false',
    `server.directories.data=${p.data}`,
    `server.directories.logs=${p.logs}`,
    `server.directories.run=${p.run}`,
    `server.memory.pagecache.size=${settings.pageCache}`,
    'dbms.security.auth_enabled=true',
    'dbms.usage_report.enabled=false',
    // Only the bundled plans live here; keep transaction logs small.
    'db.tx_log.rotation.retention_policy=1 files',
    '',
  ].join('\n');
}

interface Auth {
  user: string;
  password: string;
}

function readAuth(settings: LocalNeo4jSettings): Auth | null {
  const { auth } = paths(settings);
  if (!fs.existsSync(auth)) return null;
  return JSON.parse(fs.readFileSync(auth, 'utf8')) as Auth;
}

/** Writes the config and, before the very first start, a generated password. */
async function prepareHome(settings: LocalNeo4jSettings): Promise<Auth> {
  const p = paths(settings);
  for (const dir of [p.conf, p.data, p.logs, p.run]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(p.conf, 'neo4j.conf'), neo4jConf(settings));

  const existing = readAuth(settings);
  if (existing) return existing;
  if (fs.existsSync(path.join(p.data, 'databases'))) {
    throw new GraphError(
      'LAUNCHER_FAILED',
      `${p.auth} is missing but ${p.data} already holds databases, so the password is unknown; ` + `delete ${settings.home} to start afresh`,
    );
  }
  // Hex, not base64url: a password that starts with '-' is read by neo4j-admin as an option.
  const auth = { user: 'neo4j', password: randomBytes(18).toString('hex') };
  await run(settings.java, ['-cp', `${settings.lib}/*`, ADMIN_CLASS, 'dbms', 'set-initial-password', auth.password], {
    env: { ...process.env, NEO4J_HOME: settings.home, NEO4J_CONF: p.conf },
  }).catch((error: unknown) => {
    // Its stderr, not the command line, which holds the password.
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n')[0];
    throw new GraphError('LAUNCHER_FAILED', `could not set the initial Neo4j password: ${stderr || 'neo4j-admin failed'}`);
  });
  fs.writeFileSync(p.auth, JSON.stringify(auth), { mode: 0o600 });
  return auth;
}

/**
 * Runs neo4j-admin on this home (its AdminTool main class, from the server's own jars),
 * each line of its output to `onLine`; fails with its last lines.
 */
export function runAdmin(settings: LocalNeo4jSettings, args: string[], onLine: (line: string) => void): Promise<void> {
  const p = paths(settings);
  const last: string[] = [];
  return runToEnd(
    spawn(settings.java, [`-Xmx${settings.heap}`, '-XX:+ExitOnOutOfMemoryError', '-cp', `${settings.lib}/*`, ADMIN_CLASS, ...args], {
      cwd: settings.home,
      env: { ...process.env, NEO4J_HOME: settings.home, NEO4J_CONF: p.conf },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    (line) => {
      if (line.trim() === '') return;
      last.push(line);
      if (last.length > 12) last.shift();
      onLine(line);
    },
    (code) => new Error(`neo4j-admin ${args.slice(0, 3).join(' ')} exited with code ${code}:\n${last.join('\n')}`),
  );
}

/** Where the server keeps a database's store and its transaction logs. */
export function databaseDirs(settings: LocalNeo4jSettings, database: string): { store: string; transactions: string } {
  const { data } = paths(settings);
  return { store: path.join(data, 'databases', database), transactions: path.join(data, 'transactions', database) };
}

/** True while a process of this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readPid(settings: LocalNeo4jSettings): number | null {
  const { pidFile } = paths(settings);
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A loopback port on which nothing listens right now (bound, then released): for second servers in tests and benches. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function status(settings: LocalNeo4jSettings): Promise<LocalStatus> {
  const pid = readPid(settings);
  const running = pid !== null && (await portAnswers(settings.boltPort));
  return { running, pid, uri: boltUri(settings), home: settings.home };
}

function jvmArgs(settings: LocalNeo4jSettings): string[] {
  return [
    `-Xms${settings.heap}`,
    `-Xmx${settings.heap}`,
    '-XX:+UseG1GC',
    // The quick compiler only. With both, a just-started server spent ~38 s of compiler time in its
    // first 30 s, beside the reader's browser on the same two cores: the bench's expansion not
    // selected before took 376–408 ms, against 261–361 ms; the first load 6.3 s, against 3.9 s.
    // Heavy uncached questions run slower for it (depth-2 neighbourhoods at 0.6× the rate);
    // bench/README.md, rounds 22 and 23.
    '-XX:TieredStopAtLevel=1',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-cp',
    `${settings.lib}/*`,
    MAIN_CLASS,
    `--home-dir=${settings.home}`,
    `--config-dir=${paths(settings).conf}`,
    '--console-mode',
  ];
}

function tail(file: string, lines = 15): string {
  if (!fs.existsSync(file)) return '(no log)';
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function waitForStarted(settings: LocalNeo4jSettings, pid: number): Promise<void> {
  const { console: consoleLog } = paths(settings);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!alive(pid)) {
      throw new GraphError('LAUNCHER_FAILED', `Neo4j exited during start-up; last lines of ${consoleLog}:\n${tail(consoleLog)}`);
    }
    const log = fs.existsSync(consoleLog) ? fs.readFileSync(consoleLog, 'utf8') : '';
    if (/\bINFO\s+Started\.$/m.test(log)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new GraphError('LAUNCHER_FAILED', `Neo4j did not start within ${START_TIMEOUT_MS / 1000} s; see ${consoleLog}`);
}

/** Starts the local server, or finds the one this home already runs. */
export async function start(settings: LocalNeo4jSettings, log: Log): Promise<LocalNeo4j> {
  const current = await status(settings);
  const auth = readAuth(settings);
  if (current.running && current.pid !== null && auth) {
    return { uri: current.uri, ...auth, database: 'neo4j', pid: current.pid, reused: true };
  }
  for (const port of [settings.boltPort, settings.httpPort]) {
    if (await portAnswers(port)) {
      throw new GraphError(
        'LAUNCHER_FAILED',
        `port ${port} on 127.0.0.1 is already in use by another program, so innograph cannot start its own Neo4j there; ` +
          'stop that program, choose other ports with INNOGRAPH_NEO4J_BOLT_PORT / INNOGRAPH_NEO4J_HTTP_PORT, ' +
          'or point innograph at a running Neo4j with NEO4J_URI',
        { port },
      );
    }
  }
  await ensureInstalled(settings, log);
  const credentials = await prepareHome(settings);
  const p = paths(settings);
  fs.writeFileSync(p.console, '');
  const out = fs.openSync(p.console, 'a');
  log(`Starting Neo4j ${neo4jVersion()} on ${boltUri(settings)} (home ${settings.home})…`);
  const child = spawn(settings.java, jvmArgs(settings), {
    cwd: settings.home,
    detached: true, // its own process group: Ctrl-C in the terminal reaches us, and we stop it cleanly
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  if (child.pid === undefined) {
    throw new GraphError('LAUNCHER_FAILED', `could not run ${settings.java}: ${String(await spawnError.catch((e) => e))}`);
  }
  child.unref();
  fs.writeFileSync(p.pidFile, `${child.pid}\n`);
  await Promise.race([waitForStarted(settings, child.pid), spawnError]);

  const connection = { uri: boltUri(settings), ...credentials, database: 'neo4j' };
  const executor = await Executor.connect(connection);
  await executor.close();
  log(`Neo4j is up on ${connection.uri}.`);
  return { ...connection, pid: child.pid, reused: false };
}

/** Stops the local server with SIGTERM (a clean shutdown), SIGKILL only if it hangs. */
export async function stop(settings: LocalNeo4jSettings): Promise<boolean> {
  const pid = readPid(settings);
  const { pidFile } = paths(settings);
  if (pid === null) {
    fs.rmSync(pidFile, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile, { force: true });
  return true;
}
