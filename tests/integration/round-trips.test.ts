import { beforeAll, describe, expect, it } from 'vitest';
import type { Executor, Params } from '../../graph/executor.ts';
import { buildYoga } from '../../api/yoga.ts';
import { silentLogger } from '../support/api.ts';
import { usePlan } from '../support/loaded.ts';

// Everything the API can nest under an entity, with fragments, aliases that differ
// only in their arguments, and evidence down to its section's parent and document
// (written inline: the depth limit counts a fragment spread as a level).
const ENTITY_SELECTION = `
  fragment Deep on Entity {
    id name kind __typename city { id name } documents { id title sections { id } }
    mentions(first: 2) { quote start section { path children { id } } document { title sections { id } } }
    few: neighbors(first: 3) { direction entity { id } }
    neighbors(first: 20, direction: BOTH) {
      direction
      relation { id type cited confidence from { id name } to { id name city { name } } evidence { quote method section { id path parent { id title } } document { id title } } }
      entity { id name documents { id } ... on Lab { tier } ... on City { lat lon } neighbors(first: 2, relationTypes: [LOCATED_IN, HOSTED_BY]) { entity { id name } relation { type } } }
    }
  }`;

describe('round trips to Neo4j per root field', { timeout: 120_000 }, () => {
  const plan = usePlan();
  let executor: Executor;
  beforeAll(() => {
    executor = plan();
  });

  // A new selection shape is a new statement for Neo4j to plan, which takes seconds on a
  // loaded 2-core machine; the bound here is for the plan, not for the answer.
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const yoga = buildYoga({ executor, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 60_000 });
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
  };

  const cost = async (query: string, variables: Record<string, unknown> = {}) => {
    const before = executor.queryCount;
    const result = await graphql(query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return { data: result.data!, queries: executor.queryCount - before };
  };

  it('answers entity with its whole nested selection in one Cypher query', async () => {
    const { queries, data } = await cost(`${ENTITY_SELECTION} query ($id: ID!) { entity(id: $id) { ...Deep } }`, { id: 'shenzhen' });
    expect((data.entity as { neighbors: unknown[] }).neighbors.length).toBeGreaterThan(5);
    expect(queries).toBe(1);
  });

  it('answers neighborhood at depth 1, 2 and 3 with nested nodes and edges in one Cypher query each', async () => {
    for (const depth of [1, 2, 3]) {
      const { queries, data } = await cost(
        `fragment Near on Entity {
          id name city { name } mentions(first: 1) { quote section { path text } }
          neighbors(first: 5) { direction relation { type evidence { quote } } entity { id name city { id } } }
        }
        query ($depth: Int!) {
          neighborhood(ids: ["shenzhen", "songshan-lake-science-city"], depth: $depth, limit: 30) {
            truncated
            nodes { ...Near }
            edges { id type from { id name city { id } } to { id } evidence { quote section { path } document { title } } }
          }
        }`,
        { depth },
      );
      expect((data.neighborhood as { nodes: unknown[] }).nodes.length).toBeGreaterThan(1);
      expect(queries, `depth ${depth}`).toBe(1);
    }
  });

  it('gives the same answer folded as the loaders give unfolded', async () => {
    const folded = await cost(`${ENTITY_SELECTION} { entity(id: "songshan-lake-science-city") { ...Deep } }`);
    // search is not folded: every nested field goes through the loaders.
    const loaded = await cost(`${ENTITY_SELECTION} { search(text: "松山湖科学城", first: 1) { entity { ...Deep } } }`);
    expect(folded.data.entity).toEqual((loaded.data.search as { entity: unknown }[])[0]!.entity);
    expect(loaded.queries).toBeGreaterThan(1);
  });

  it('reads no property of the entity and its neighbours but the id and name it is asked for', async () => {
    const statements: [string, Params][] = [];
    const recording = executor.recording((cypher, params) => statements.push([cypher, params]));
    const yoga = buildYoga({ executor: recording, logger: silentLogger, graphiql: false, corsOrigin: null, requestTimeoutMs: 60_000 });
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entity(id: "shenzhen") { id name neighbors(first: 100) { entity { id name } } } }' }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    // The statement's own rows: every entity in them is a map with a kind (relations have a type instead).
    const [cypher, params] = statements[0]!;
    const entities: Record<string, unknown>[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object') {
        if ('kind' in value) entities.push(value as Record<string, unknown>);
        Object.values(value).forEach(collect);
      }
    };
    collect(await executor.read(cypher, params));
    expect(entities.length).toBeGreaterThan(20);
    for (const entity of entities) expect(Object.keys(entity).sort()).toEqual(['id', 'kind', 'name']);
  });

  it("shows every field a relation's ends select when the entities beside them were read for fewer", async () => {
    const selection = `fragment Ends on Entity {
      id
      neighbors(first: 20) { entity { id } relation { type from { id name nameEn } to { id aliases pinyin source confidence } } }
    }`;
    const folded = await cost(`${selection} { entity(id: "songshan-lake-science-city") { ...Ends } }`);
    const loaded = await cost(`${selection} { search(text: "松山湖科学城", first: 1) { entity { ...Ends } } }`);
    const neighbors = (folded.data.entity as { neighbors: { relation: { from: { name: string }; to: { pinyin: string } } }[] }).neighbors;
    expect(neighbors.length).toBeGreaterThan(5);
    expect(neighbors.every((n) => n.relation.from.name.length > 0 && n.relation.to.pinyin.length > 0)).toBe(true);
    expect(folded.data.entity).toEqual((loaded.data.search as { entity: unknown }[])[0]!.entity);
  });

  it('reads the evidence a relation is cited and weighed by even when the evidence itself is not selected', async () => {
    const selection = `fragment Weighed on Entity { neighbors(first: 20) { relation { id cited confidence } entity { id } } }`;
    const folded = await cost(`${selection} { entity(id: "songshan-lake-science-city") { ...Weighed } }`);
    const loaded = await cost(`${selection} { search(text: "松山湖科学城", first: 1) { entity { ...Weighed } } }`);
    const relations = (folded.data.entity as { neighbors: { relation: { cited: boolean; confidence: number } }[] }).neighbors.map((n) => n.relation);
    expect(relations.some((r) => r.cited && r.confidence > 0)).toBe(true);
    expect(folded.data.entity).toEqual((loaded.data.search as { entity: unknown }[])[0]!.entity);
  });

  it('answers paths with their hops, ends and evidence in one Cypher query', async () => {
    const { queries, data } = await cost(`{ paths(from: "shenzhen", to: "songshan-lake-science-city", maxHops: 4) {
      length hops { from { id name city { id } } to { id } relation { type from { id } evidence { quote method document { title } } } }
    } }`);
    expect((data.paths as unknown[]).length).toBeGreaterThan(0);
    expect(queries).toBe(1);
  });

  it('answers platformsForCluster with its platforms, routes, relations and evidence in one Cypher query', async () => {
    // Within the cost limit, which multiplies the lists of routes and relations by their evidence.
    const { queries, data } = await cost(`{ platformsForCluster(cluster: "cluster-advanced-materials") {
      via
      platform { id name kind city { id name } mentions(first: 1) { quote } neighbors(first: 2) { entity { id } relation { type } } }
      through { id name }
      relations { type from { id name } to { id } evidence { quote section { path } document { title } } }
      routes { via through { id name city { id } } }
    } }`);
    const rows = data.platformsForCluster as { via: string; through: { id: string } | null; routes: unknown[] }[];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((r) => r.via === 'FIELD' && r.through !== null)).toBe(true);
    expect(queries).toBe(1);
  });

  it('gives the same platforms and routes folded as the entity field gives for each of them', async () => {
    const { data } = await cost(`{
      platformsForCluster(cluster: "cluster-advanced-materials") { platform { id name city { id } } routes { through { id name city { id } } } }
    }`);
    type Shown = { id: string; name: string; city: { id: string } | null };
    const rows = data.platformsForCluster as { platform: Shown; routes: { through: Shown | null }[] }[];
    const shown = [...rows.map((r) => r.platform), ...rows.flatMap((r) => r.routes.flatMap((route) => (route.through ? [route.through] : [])))];
    expect(shown.some((e) => e.city !== null)).toBe(true);
    for (const entity of shown) {
      const { data: one } = await cost('query ($id: ID!) { entity(id: $id) { id name city { id } } }', { id: entity.id });
      expect(one.entity).toEqual(entity);
    }
  });

  it('still names a cluster id that is not a cluster', async () => {
    const { errors } = await graphql('{ platformsForCluster(cluster: "shenzhen") { via } }');
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(errors?.[0]?.message).toContain('shenzhen');
  });

  it('still names the missing start entity of a neighborhood', async () => {
    const { errors } = await graphql('{ neighborhood(ids: ["shenzhen", "no-such-entity"]) { nodes { id } } }');
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(errors?.[0]?.message).toContain('no-such-entity');
  });
});
