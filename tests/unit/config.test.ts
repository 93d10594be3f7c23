import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, PROJECT_ROOT, envExample, loadConfig } from '../../config.ts';

describe('loadConfig', () => {
  it('leaves neo4j unset when NEO4J_URI is not given, so the project finds one', () => {
    expect(loadConfig({}).neo4j).toBeNull();
  });

  it('takes a routing URI for clusters and Aura with its credentials and database', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'pw',
      NEO4J_DATABASE: 'innograph',
    });
    expect(config.neo4j).toEqual({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'reader', password: 'pw', database: 'innograph' });
  });

  it('rejects a URI of another scheme with the variable named', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474' })).toThrow(/NEO4J_URI="http:\/\/localhost:7474" is not valid/);
  });

  it('rejects a port that is not a port', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ INNOGRAPH_NEO4J_BOLT_PORT: 'abc' })).toThrow(/INNOGRAPH_NEO4J_BOLT_PORT/);
  });

  it('turns GraphiQL off in production unless asked for', () => {
    expect(loadConfig({}).server.graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).server.graphiql).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INNOGRAPH_GRAPHIQL: 'on' }).server.graphiql).toBe(true);
  });

  it('runs the local server with JAVA_HOME when it is set', () => {
    expect(loadConfig({ JAVA_HOME: '/usr/lib/jvm/x' }).local.java).toBe('/usr/lib/jvm/x/bin/java');
    expect(loadConfig({}).local.java).toBe('java');
  });
});

describe('.env.example', () => {
  it('is what config.ts describes (npm run env:example writes it)', () => {
    expect(fs.readFileSync(`${PROJECT_ROOT}/.env.example`, 'utf8')).toBe(envExample());
  });

  it('names every variable config.ts reads, each commented out so that its default holds', () => {
    const names = [...envExample().matchAll(/^# ([A-Z0-9_]+)=$/gm)].map((m) => m[1]);
    expect(names).toEqual(Object.keys(ENV_VARIABLES));
  });
});
