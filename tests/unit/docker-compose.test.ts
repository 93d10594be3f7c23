import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_VARIABLES, PROJECT_ROOT, loadConfig } from '../../config.ts';

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
}

const compose = parse(fs.readFileSync(`${PROJECT_ROOT}/docker-compose.yml`, 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { neo4j, app } = compose.services;

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 Community with a health check and a named volume', () => {
    expect(neo4j?.image).toBe('neo4j:5.26-community');
    expect(neo4j?.healthcheck?.test.join(' ')).toContain('7474');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
  });

  it('builds the app from the Dockerfile and waits for a healthy Neo4j', () => {
    expect(app?.build).toBe('.');
    expect(app?.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(fs.existsSync(`${PROJECT_ROOT}/Dockerfile`)).toBe(true);
  });

  it('sets only variables the app reads, and they parse', () => {
    const env = app?.environment ?? {};
    for (const name of Object.keys(env)) expect(Object.keys(ENV_VARIABLES)).toContain(name);
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace(/\$\{\w+:-([^}]*)\}/g, '$1')]));
    const config = loadConfig(resolved);
    expect(config.neo4j?.uri).toBe('bolt://neo4j:7687');
    expect(config.server.host).toBe('0.0.0.0');
    expect(app?.ports).toContain(`\${INNOGRAPH_PUBLISH:-127.0.0.1}:${config.server.port}:${config.server.port}`);
  });

  it('has no default Neo4j password', () => {
    expect(neo4j?.environment?.NEO4J_AUTH).toMatch(/\$\{NEO4J_PASSWORD:\?[^}]*\}$/);
    expect(app?.environment?.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?[^}]*\}$/);
  });

  it('restarts the app and checks its health on /ready', () => {
    expect(app?.restart).toBe('unless-stopped');
    expect(app?.healthcheck?.test.join(' ')).toContain('/ready');
  });

  it('gives the app the password the Neo4j service is created with', () => {
    const auth = neo4j?.environment?.NEO4J_AUTH ?? '';
    expect(auth).toBe(`${app?.environment?.NEO4J_USER}/${app?.environment?.NEO4J_PASSWORD}`);
  });

  it('points the app at the bolt port the Neo4j service exposes', () => {
    const boltPort = new URL(app?.environment?.NEO4J_URI ?? '').port;
    expect(neo4j?.ports?.some((p) => p.endsWith(`:${boltPort}`))).toBe(true);
  });
});
