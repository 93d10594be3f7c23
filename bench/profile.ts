// What Neo4j does for each question the bench times: the API answers it once through a
// recording executor, and every statement it sent is run again under PROFILE. The figure
// is the db hits; its conditions name the time Neo4j took and the heaviest operators,
// which is what bench/README.md cites to explain a figure that misses its goal.
import { buildYoga } from '../api/yoga.ts';
import pino from 'pino';
import type { Executor, Params, Profile } from '../graph/executor.ts';
import type { Figure } from './measure.ts';

/** Operators named per statement, heaviest first. */
const HEAVIEST = 4;

function describe(profile: Profile): string {
  const heavy = [...profile.operators]
    .sort((a, b) => b.dbHits - a.dbHits || b.rows - a.rows)
    .slice(0, HEAVIEST)
    .map((o) => `${o.operator} ${o.rows} rows/${o.dbHits} hits${o.details ? ` (${o.details.slice(0, 60)})` : ''}`);
  return `${profile.serverMs} ms in Neo4j, ${profile.records} records; heaviest: ${heavy.join('; ')}`;
}

export async function profileQueries(executor: Executor, queries: Record<string, string>, prefix: string, conditions: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [name, query] of Object.entries(queries)) {
    const statements: [string, Params][] = [];
    const recorded = executor.recording((cypher, params) => statements.push([cypher, params]));
    const yoga = buildYoga({ executor: recorded, logger: pino({ level: 'silent' }), graphiql: false, corsOrigin: null, requestTimeoutMs: 60_000 });
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (body.errors) throw new Error(`profile: ${name} failed: ${body.errors[0]?.message}`);
    const profiles: Profile[] = [];
    for (const [cypher, params] of statements) {
      await executor.profile(cypher, params); // the first run may plan; the second is the one reported
      profiles.push(await executor.profile(cypher, params));
    }
    figures.push({
      name: `${prefix} ${name}: PROFILE db hits`,
      value: profiles.reduce((sum, p) => sum + p.dbHits, 0),
      unit: 'db hits',
      conditions: `${profiles.length} statement(s): ${profiles.map(describe).join(' | ')}; ${conditions}`,
    });
  }
  return figures;
}
