// innograph's API against a peer: @neo4j/graphql serving the same Neo4j graph through
// the schema it generates from type definitions over the same labels, relation types
// and full-text index. Both answer the same three questions at 32 connections in the
// same run; the figures and the ratio innograph / peer are printed side by side.
import { createServer as createHttpServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import type { Executor } from '../graph/executor.ts';
import { FULLTEXT_INDEX } from '../graph/schema.ts';
import { ENTITY_LABEL, RELATION_TYPE_NAMES } from '../ingest/model.ts';
import { drive, CONNECTIONS, SECONDS } from './api.ts';
import type { Figure } from './measure.ts';
import { listen, serveApi } from './serve.ts';

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

async function check(url: string, query: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`peer bench: ${url} rejected ${query.slice(0, 80)}…: ${body.errors[0]?.message}`);
}

export async function benchPeer(executor: Executor, conditions: string): Promise<Figure[]> {
  const { uri, user, password, database } = executor.settings;
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  const peer = await listen(createHttpServer(createYoga({ schema, context: { sessionConfig: { database } }, logging: false, graphiql: false })));
  const servers = {
    'innograph (cache on, as served)': await serveApi(executor, { cached: true }),
    'innograph (cache off)': await serveApi(executor),
  };
  const figures: Figure[] = [];
  try {
    for (const scenario of PEER_SCENARIOS) {
      await check(peer.url, scenario.peer);
      for (const { url } of Object.values(servers)) await check(url, scenario.innograph);
      await drive(peer.url, scenario.peer); // warm-up
      const theirs = await drive(peer.url, scenario.peer);
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
      for (const [name, { url }] of Object.entries(servers)) {
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
    for (const served of [peer, ...Object.values(servers)]) await served.close();
    await driver.close();
  }
  return figures;
}
