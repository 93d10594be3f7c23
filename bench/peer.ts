// innograph's API against a peer: @neo4j/graphql serving the same Neo4j graph through
// the schema it generates from type definitions over the same labels, relation types
// and full-text index. Both answer the same three questions at 32 connections in the
// same run; the figures and the ratio innograph / peer are printed side by side.
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import pino from 'pino';
import { createServer } from '../api/server.ts';
import type { Executor } from '../graph/executor.ts';
import { FULLTEXT_INDEX } from '../graph/schema.ts';
import { ENTITY_LABEL, RELATION_TYPE_NAMES } from '../ingest/model.ts';
import { drive, CONNECTIONS, SECONDS } from './api.ts';
import type { Figure } from './measure.ts';

// The peer accepts only String fields in @fulltext; it queries the index by name, so aliases are searched all the same.
/** LOCATED_IN → locatedIn: one relationship field per relation type, read in both directions like innograph's. */
const FIELDS = RELATION_TYPE_NAMES.map((type) => ({
  type,
  field: type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
}));

const PEER_TYPE_DEFS = `
type ${ENTITY_LABEL} @node(labels: ["${ENTITY_LABEL}"])
  @fulltext(indexes: [{ indexName: "${FULLTEXT_INDEX}", queryName: "searchEntities", fields: ["name", "nameEn", "pinyin"] }]) {
  id: ID!
  name: String!
  nameEn: String
  pinyin: String
  aliases: [String!]
${FIELDS.map(({ type, field }) => `  ${field}: [${ENTITY_LABEL}!]! @relationship(type: "${type}", direction: OUT, queryDirection: UNDIRECTED)`).join('\n')}
}`;

const ID = 'shenzhen';
const one = (inner: string) => FIELDS.map(({ field }) => `${field} { ${inner} }`).join(' ');

/** The same question asked of each server in its own schema. */
export const PEER_SCENARIOS: { name: string; innograph: string; peer: string }[] = [
  {
    name: 'entity by id with neighbours',
    innograph: `{ entity(id: "${ID}") { id name neighbors(first: 100) { entity { id name } } } }`,
    peer: `{ entities(where: { id: { eq: "${ID}" } }) { id name ${one('id name')} } }`,
  },
  {
    name: 'depth-2 expansion',
    innograph: `{ neighborhood(ids: ["${ID}"], depth: 2, limit: 500) { nodes { id name } edges { type from { id } to { id } } } }`,
    peer: `{ entities(where: { id: { eq: "${ID}" } }) { id name ${one(`id name ${one('id name')}`)} } }`,
  },
  {
    name: 'search',
    innograph: '{ search(text: "松山湖", first: 10) { score entity { id name } } }',
    peer: '{ searchEntities(phrase: "松山湖", first: 10) { edges { score node { id name } } } }',
  },
];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function check(url: string, query: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`peer bench: ${url} rejected ${query.slice(0, 80)}…: ${body.errors[0]?.message}`);
}

export async function benchPeer(executor: Executor, conditions: string): Promise<Figure[]> {
  const { uri, user, password, database } = executor.settings;
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const peer = createHttpServer(createYoga({ schema, context: { sessionConfig: { database } }, logging: false, graphiql: false }));
  const servers = {
    'innograph (cache on, as served)': createServer({
      executor,
      logger: pino({ level: 'silent' }),
      graphiql: false,
      corsOrigin: null,
      requestTimeoutMs: 5000,
      cache: { versionPollMs: 1000, ttlMs: 60_000 },
    }),
    'innograph (cache off)': createServer({ executor, logger: pino({ level: 'silent' }), graphiql: false, corsOrigin: null, requestTimeoutMs: 5000 }),
  };
  const peerUrl = await listen(peer);
  const urls = Object.fromEntries(await Promise.all(Object.entries(servers).map(async ([name, server]) => [name, await listen(server)] as const)));
  const figures: Figure[] = [];
  try {
    for (const scenario of PEER_SCENARIOS) {
      await check(peerUrl, scenario.peer);
      for (const url of Object.values(urls)) await check(url, scenario.innograph);
      await drive(peerUrl, scenario.peer); // warm-up
      const theirs = await drive(peerUrl, scenario.peer);
      const base = `${CONNECTIONS} connections, ${SECONDS} s after an ${SECONDS} s warm-up; ${conditions}`;
      const failed = (r: typeof theirs) => r.errors + r.timeouts + r.non2xx;
      figures.push(
        {
          name: `peer ${scenario.name}: @neo4j/graphql throughput`,
          value: theirs.requests.average,
          unit: 'req/s',
          conditions: `${base}; ${theirs.requests.total} requests, ${failed(theirs)} failed`,
        },
        { name: `peer ${scenario.name}: @neo4j/graphql p50 latency`, value: theirs.latency.p50, unit: 'ms', conditions: base },
        { name: `peer ${scenario.name}: @neo4j/graphql p99 latency`, value: theirs.latency.p99, unit: 'ms', conditions: base },
      );
      for (const [name, url] of Object.entries(urls)) {
        await drive(url, scenario.innograph);
        const ours = await drive(url, scenario.innograph);
        figures.push(
          {
            name: `peer ${scenario.name}: ${name} throughput`,
            value: ours.requests.average,
            unit: 'req/s',
            conditions: `${base}; ${ours.requests.total} requests, ${failed(ours)} failed`,
          },
          { name: `peer ${scenario.name}: ${name} p50 latency`, value: ours.latency.p50, unit: 'ms', conditions: base },
          { name: `peer ${scenario.name}: ${name} p99 latency`, value: ours.latency.p99, unit: 'ms', goal: '≤ 25 ms', conditions: base },
          {
            name: `peer ${scenario.name}: ${name} / @neo4j/graphql throughput`,
            value: ours.requests.average / theirs.requests.average,
            unit: '×',
            goal: '≥ 1.5×',
            conditions: base,
          },
        );
      }
    }
  } finally {
    for (const server of [peer, ...Object.values(servers)]) await new Promise((resolve) => server.close(resolve));
    await driver.close();
  }
  return figures;
}
