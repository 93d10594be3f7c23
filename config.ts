// Reads innograph's environment once, validates it, and hands a typed object down.
// No other module reads process.env.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.dirname(fileURLToPath(import.meta.url));

export interface Neo4jSettings {
  /** bolt://, neo4j://, neo4j+s:// … as the driver takes it */
  uri: string;
  user: string;
  password: string;
  /** database name sent with every session; Community has only `neo4j` */
  database: string;
}

export interface LocalNeo4jSettings {
  /** home of the project's own server: lib/, conf/, data/, logs/, run/ (git-ignored) */
  home: string;
  /** where the jars fetched by Maven live; shared by every home */
  lib: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
  /** the java binary; JAVA_HOME/bin/java when JAVA_HOME is set */
  java: string;
}

export interface Config {
  /** set only when NEO4J_URI is: then no other Neo4j is looked for */
  neo4j: Neo4jSettings | null;
  local: LocalNeo4jSettings;
  server: { host: string; port: number; graphiql: boolean; corsOrigin: string | null; requestTimeoutMs: number; allowedHosts: string[] };
  plan: string;
  logLevel: string;
  /** the Chromium that end-to-end tests and the UI bench drive */
  chromium: string;
}

export class ConfigError extends Error {
  constructor(variable: string, value: string, expected: string) {
    super(`${variable}=${JSON.stringify(value)} is not valid: expected ${expected}`);
    this.name = 'ConfigError';
  }
}

/** Every variable innograph reads; README's configuration table and docker-compose.yml are tested against it. */
export const ENV_VARIABLES = {
  NEO4J_URI: 'an existing Neo4j (bolt://, neo4j://, neo4j+s:// for clusters and Aura); unset: the project finds or starts one',
  NEO4J_USER: 'user for NEO4J_URI (default neo4j)',
  NEO4J_PASSWORD: 'password for NEO4J_URI',
  NEO4J_DATABASE: 'database name (default neo4j)',
  INNOGRAPH_NEO4J_HOME: "the local server's home, git-ignored (default .neo4j)",
  INNOGRAPH_NEO4J_LIB: 'where Maven puts the Neo4j jars (default .neo4j/lib)',
  INNOGRAPH_NEO4J_BOLT_PORT: "the local server's Bolt port on 127.0.0.1 (default 7687)",
  INNOGRAPH_NEO4J_HTTP_PORT: "the local server's HTTP port on 127.0.0.1 (default 7474)",
  INNOGRAPH_NEO4J_HEAP: "the local server's JVM heap (default 1g)",
  INNOGRAPH_NEO4J_PAGECACHE: "the local server's page cache (default 512m)",
  JAVA_HOME: 'the JDK that runs the local server (default: java on the PATH; Java 17 or 21)',
  HOST: 'address the API and UI listen on (default localhost)',
  PORT: 'port of the API and UI (default 4000)',
  INNOGRAPH_GRAPHIQL: 'GraphiQL on /graphql (default on, off when NODE_ENV=production); introspection is always on',
  INNOGRAPH_REQUEST_TIMEOUT_MS: 'time an API request may spend in Neo4j, all its queries together (default 5000)',
  INNOGRAPH_ALLOWED_HOSTS: 'host names the API and UI answer to, comma-separated, against DNS rebinding (default localhost, 127.0.0.1, [::1] and HOST)',
  INNOGRAPH_CORS_ORIGIN: 'an origin allowed to call the API cross-site (default none: same origin only)',
  INNOGRAPH_PLAN: 'the plan `npm start` ingests (default data/plans/guangdong-sti-14th-fyp.txt)',
  LOG_LEVEL: 'pino log level (default info)',
  NODE_ENV: 'production turns GraphiQL off by default',
  CHROMIUM: "the Chromium binary of the end-to-end tests and the UI bench (default Debian's /usr/bin/chromium)",
} as const;

export type EnvVariable = keyof typeof ENV_VARIABLES;
type Env = Partial<Record<EnvVariable, string>> & Record<string, string | undefined>;

function port(env: Env, name: EnvVariable, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new ConfigError(name, raw, 'a TCP port between 1 and 65535');
  }
  return value;
}

function milliseconds(env: Env, name: EnvVariable, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100 || value > 600_000) throw new ConfigError(name, raw, 'milliseconds from 100 to 600000');
  return value;
}

function flag(env: Env, name: EnvVariable, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, raw, 'true or false');
}

function memory(env: Env, name: EnvVariable, fallback: string): string {
  const raw = env[name] || fallback;
  if (!/^\d+[kmg]$/i.test(raw)) throw new ConfigError(name, raw, 'a size such as 512m or 2g');
  return raw;
}

/** Names a browser on this machine uses for a local server; any other Host may be a rebound DNS name. */
export const DEFAULT_ALLOWED_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

function hosts(env: Env, host: string): string[] {
  const raw = env.INNOGRAPH_ALLOWED_HOSTS;
  if (raw === undefined || raw === '') {
    const wildcard = ['0.0.0.0', '::', ''].includes(host);
    return [...new Set([...DEFAULT_ALLOWED_HOSTS, ...(wildcard ? [] : [host.includes(':') ? `[${host}]` : host.toLowerCase()])])];
  }
  const list = raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const bad = list.find((h) => !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(h));
  if (bad !== undefined || list.length === 0)
    throw new ConfigError('INNOGRAPH_ALLOWED_HOSTS', raw, 'host names separated by commas, without ports (IPv6 in brackets)');
  return list;
}

function neo4jFromEnv(env: Env): Neo4jSettings | null {
  const uri = env.NEO4J_URI;
  if (!uri) return null;
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/.test(uri)) {
    throw new ConfigError('NEO4J_URI', uri, 'a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI');
  }
  return {
    uri,
    user: env.NEO4J_USER || 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || 'neo4j',
  };
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const home = path.resolve(PROJECT_ROOT, env.INNOGRAPH_NEO4J_HOME || '.neo4j');
  return {
    neo4j: neo4jFromEnv(env),
    local: {
      home,
      lib: path.resolve(PROJECT_ROOT, env.INNOGRAPH_NEO4J_LIB || '.neo4j/lib'),
      boltPort: port(env, 'INNOGRAPH_NEO4J_BOLT_PORT', 7687),
      httpPort: port(env, 'INNOGRAPH_NEO4J_HTTP_PORT', 7474),
      heap: memory(env, 'INNOGRAPH_NEO4J_HEAP', '1g'),
      pageCache: memory(env, 'INNOGRAPH_NEO4J_PAGECACHE', '512m'),
      java: env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java',
    },
    server: {
      host: env.HOST || 'localhost',
      port: port(env, 'PORT', 4000),
      graphiql: flag(env, 'INNOGRAPH_GRAPHIQL', !production),
      corsOrigin: env.INNOGRAPH_CORS_ORIGIN || null,
      requestTimeoutMs: milliseconds(env, 'INNOGRAPH_REQUEST_TIMEOUT_MS', 5000),
      allowedHosts: hosts(env, env.HOST || 'localhost'),
    },
    plan: path.resolve(PROJECT_ROOT, env.INNOGRAPH_PLAN || 'data/plans/guangdong-sti-14th-fyp.txt'),
    logLevel: env.LOG_LEVEL || 'info',
    chromium: env.CHROMIUM || '/usr/bin/chromium',
  };
}

/** `.env.example`, written from ENV_VARIABLES by `npm run env:example`; a unit test keeps the file current. */
export function envExample(): string {
  const header = [
    "# innograph's environment variables, as config.ts describes them. Copy this file to .env",
    '# (git-ignored) and uncomment what you set: docker compose reads .env; npm start and the',
    '# other scripts read the environment. Unset, each takes the default its line names.',
    '# Written by `npm run env:example` from ENV_VARIABLES in config.ts: edit that, not this file.',
  ];
  const blocks = Object.entries(ENV_VARIABLES).map(([name, meaning]) => `# ${meaning}\n# ${name}=`);
  return `${header.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}
