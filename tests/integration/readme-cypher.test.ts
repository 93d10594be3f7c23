// The README's Cypher cookbook, each query run as written against the real Neo4j
// and checked against the graph the pipeline built and the API's own queries.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import type { Executor } from '../../graph/executor.ts';
import { paths } from '../../graph/queries/paths.ts';
import { platformsForCluster } from '../../graph/queries/platforms.ts';
import { RELATION_TYPE_NAMES } from '../../ingest/model.ts';
import { usePlan } from '../support/loaded.ts';
import { planGraph } from '../support/plan.ts';

const readme = fs.readFileSync(`${PROJECT_ROOT}/README.md`, 'utf8');
const recipes = new Map([...readme.matchAll(/```cypher\n([\s\S]*?)```/g)].map((m) => [/^\/\/ (.+)$/m.exec(m[1]!)?.[1] ?? '(untitled)', m[1]!] as const));

function recipe(title: string): string {
  const cypher = recipes.get(title);
  if (!cypher) throw new Error(`the README has no Cypher block titled "// ${title}"`);
  return cypher;
}

const SCIENCE_CITIES = "Shenzhen's science cities";
const PLATFORMS = 'Platforms serving the advanced-materials cluster, directly or through one of its fields';
const PATH = "How Shenzhen is linked to Songshan Lake Science City, over the plan's relations only, with the sentences";

describe("the README's Cypher cookbook", () => {
  const plan = usePlan();
  let executor: Executor;
  beforeAll(() => {
    executor = plan();
  });

  it('holds exactly the recipes this file checks', () => {
    expect([...recipes.keys()].sort()).toEqual([SCIENCE_CITIES, PLATFORMS, PATH].sort());
  });

  it("finds Shenzhen's science cities, the ones the plan places there", async () => {
    const rows = await executor.read<{ id: string; name: string }>(recipe(SCIENCE_CITIES));
    const graph = planGraph();
    const scienceCities = new Set(graph.nodes.filter((n) => n.kind === 'ScienceCity').map((n) => n.id));
    const expected = graph.edges
      .filter((e) => e.type === 'LOCATED_IN' && e.to === 'shenzhen' && scienceCities.has(e.from))
      .map((e) => e.from)
      .sort();
    expect(expected).toContain('guangming-science-city');
    expect(rows.map((r) => r.id)).toEqual(expected);
  });

  it('finds the same platforms of a cluster as the API, the field hop included', async () => {
    const rows = await executor.read<{ id: string; throughField: string | null }>(recipe(PLATFORMS));
    const api = (await platformsForCluster(executor, { cluster: 'cluster-advanced-materials' })).rows.filter((r) => r.via !== 'PROGRAM');
    expect(api.some((r) => r.via === 'FIELD')).toBe(true);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(api.map((r) => r.platform.id)));
    expect(rows.some((r) => r.throughField !== null)).toBe(true);
  });

  it('names every relation type of ingest/model.ts in the path recipe, and no other', () => {
    const types = /\[:([A-Z_|]+)\*/.exec(recipe(PATH))?.[1]?.split('|');
    expect(types).toEqual(RELATION_TYPE_NAMES);
  });

  it("walks the shortest path over the plan's relations, each hop in its stored direction with its sentences", async () => {
    const rows = await executor.read<{ from: string; relation: string; to: string; sentences: string[] }>(recipe(PATH));
    const {
      paths: [shortest],
    } = await paths(executor, { from: 'shenzhen', to: 'songshan-lake-science-city', maxHops: 6, limit: 1, types: RELATION_TYPE_NAMES, onlyCited: false });
    expect(rows).toHaveLength(shortest!.relations.length);
    const graph = planGraph();
    const idOf = new Map(graph.nodes.map((n) => [n.name, n.id]));
    for (const row of rows) {
      const edge = graph.edges.find((e) => e.type === row.relation && e.from === idOf.get(row.from) && e.to === idOf.get(row.to));
      expect(edge, `${row.from} ${row.relation} ${row.to}`).toBeDefined();
      expect(row.sentences.length).toBeGreaterThan(0);
      expect([...row.sentences].sort()).toEqual(edge!.evidence.map((v) => v.quote).sort());
    }
  });
});
