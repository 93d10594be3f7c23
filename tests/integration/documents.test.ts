import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../config.ts';
import type { Executor } from '../../graph/executor.ts';
import { documentFacts } from '../../graph/queries/compare.ts';
import { removeDocument, writeGraph } from '../../graph/writer.ts';
import { diffFacts, factsOf, type DocumentFacts } from '../../ingest/facts.ts';
import { buildGraph, ingest } from '../../ingest/pipeline.ts';
import type { Graph } from '../../ingest/types.ts';
import { graphql } from '../support/api.ts';
import { REVISED_ID, REVISION, revisedGraph, revisedPlan } from '../support/editions.ts';
import { usePlan } from '../support/loaded.ts';
import { bundledRegistry, planBytes, planGraph } from '../support/plan.ts';
import { printedPlan } from '../support/print-plan.ts';

const PDF_ID = 'guangdong-sti-14th-fyp-pdf';
const EDITION_ID = 'edition-under-test';
const TSX = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(PROJECT_ROOT, 'bin', 'ingest.ts');
/** Three whole plans are loaded: a comparison reads all of two of them. */
const QUESTION_MS = 60_000;

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
const minus = (a: { id: string }[], b: { id: string }[]) => ids(a).filter((id) => !b.some((x) => x.id === id));
const both = (a: { id: string }[], b: { id: string }[]) => ids(a).filter((id) => b.some((x) => x.id === id));

function cli(...args: string[]) {
  const { uri, user, password, database } = inject('neo4j');
  const result = spawnSync(TSX, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('several plans side by side', () => {
  const plan = usePlan();
  let executor: Executor;
  const bundled = planGraph();
  const A = bundled.documents[0]!.id;
  let pdf: Graph;
  let revised: Graph;
  let factsBefore: DocumentFacts;
  let dir: string;

  const ask = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await graphql<T>(executor, query, variables, QUESTION_MS);
    expect(errors).toBeUndefined();
    return data!;
  };

  beforeAll(async () => {
    executor = plan();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-editions-'));
    const registry = bundledRegistry();
    pdf = (await ingest({ source: 'plan.pdf', bytes: fs.readFileSync(await printedPlan()), registry, discover: true, docId: PDF_ID, title: 'PDF edition' }))
      .graph;
    revised = revisedGraph({ title: 'revised edition' });
    factsBefore = await documentFacts(executor, A);
    await writeGraph(executor, pdf);
    await writeGraph(executor, revised);
  }, 600_000);
  afterAll(async () => {
    for (const doc of [PDF_ID, REVISED_ID, EDITION_ID]) await removeDocument(executor, doc);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the documents loaded together', async () => {
    const data = await ask<{ documents: { id: string }[] }>('{ documents { id } }');
    expect(ids(data.documents)).toEqual([A, PDF_ID, REVISED_ID].sort());
  });

  it('keeps an entity named by several plans as one node, with mentions from each', { timeout: 120_000 }, async () => {
    const data = await ask<{ entity: { documents: { id: string }[]; mentions: { document: { id: string } }[] }; stats: { entities: number } }>(
      '{ entity(id: "guangming-science-city") { documents { id } mentions(first: 50) { document { id } } } stats { entities } }',
    );
    expect(ids(data.entity.documents)).toEqual([A, PDF_ID, REVISED_ID].sort());
    expect(new Set(data.entity.mentions.map((m) => m.document.id))).toEqual(new Set([A, PDF_ID, REVISED_ID]));
    expect(data.stats.entities).toBe(new Set([...bundled.nodes, ...pdf.nodes, ...revised.nodes].map((n) => n.id)).size);
  });

  it("lists in a relation's evidence every document that states it", async () => {
    const edge = bundled.edges.find((e) => e.evidence.some((ev) => ev.method !== 'registry') && revised.edges.some((r) => r.id === e.id))!;
    const data = await ask<{ neighborhood: { edges: { id: string; evidence: { quote: string; document: { id: string } }[] }[] } }>(
      'query ($id: ID!) { neighborhood(ids: [$id], depth: 1, limit: 500) { edges { id evidence { quote document { id } } } } }',
      { id: edge.from },
    );
    const stored = data.neighborhood.edges.find((e) => e.id === edge.id)!;
    const expected = [bundled, pdf, revised].flatMap((g) => g.edges.find((e) => e.id === edge.id)?.evidence ?? []);
    expect(stored.evidence.map((e) => `${e.document.id} ${e.quote}`).sort()).toEqual(expected.map((e) => `${e.docId} ${e.quote}`).sort());
    expect(new Set(stored.evidence.map((e) => e.document.id))).toEqual(new Set([A, PDF_ID, REVISED_ID]));
  });

  it("shows a relation filtered to one document only that document's evidence, its sections and documents selected too", async () => {
    const edge = bundled.edges.find((e) => e.evidence.some((ev) => ev.method !== 'registry') && revised.edges.some((r) => r.id === e.id))!;
    const expected = revised.edges
      .find((e) => e.id === edge.id)!
      .evidence.map((e) => `${REVISED_ID} ${e.sectionId} ${e.quote}`)
      .sort();
    type Cited = { id: string; evidence: { quote: string; document: { id: string }; section: { id: string } }[] };
    const cited = (r: Cited) => r.evidence.map((e) => `${e.document.id} ${e.section.id} ${e.quote}`).sort();
    const around = await ask<{ neighborhood: { edges: Cited[] } }>(
      'query ($id: ID!, $d: [ID!]) { neighborhood(ids: [$id], depth: 1, limit: 500, documents: $d) { edges { id evidence { quote document { id } section { id } } } } }',
      { id: edge.from, d: [REVISED_ID] },
    );
    expect(cited(around.neighborhood.edges.find((e) => e.id === edge.id)!)).toEqual(expected);
    const found = await ask<{ paths: { hops: { relation: Cited }[] }[] }>(
      'query ($from: ID!, $to: ID!, $d: [ID!]) { paths(from: $from, to: $to, maxHops: 1, limit: 20, documents: $d) { hops { relation { id evidence { quote document { id } section { id } } } } } }',
      { from: edge.from, to: edge.to, d: [REVISED_ID] },
    );
    const hop = found.paths.flatMap((p) => p.hops).find((h) => h.relation.id === edge.id);
    expect(cited(hop!.relation)).toEqual(expected);
  });

  type Split<T> = { onlyA: T[]; onlyB: T[]; both: T[] };
  type Comparison = {
    compareDocuments: {
      entities: Split<{ entity: { id: string }; mentionsA: { quote: string }[]; mentionsB: { quote: string }[] }>;
      relations: Split<{ relation: { id: string }; evidenceA: { quote: string }[]; evidenceB: { quote: string }[] }>;
    };
  };
  const COMPARE = `query ($a: ID!, $b: ID!) { compareDocuments(a: $a, b: $b) {
    entities { onlyA { ...E } onlyB { ...E } both { ...E } }
    relations { onlyA { ...R } onlyB { ...R } both { ...R } } } }
    fragment E on ComparedEntity { entity { id } mentionsA { quote } mentionsB { quote } }
    fragment R on ComparedRelation { relation { id } evidenceA { quote } evidenceB { quote } }`;

  /** compareDocuments(a, b) must split exactly as the two ingested graphs do, with each side's sentences. */
  async function expectExactComparison(a: Graph, b: Graph) {
    const idA = a.documents[0]!.id;
    const idB = b.documents[0]!.id;
    const { compareDocuments: c } = await ask<Comparison>(COMPARE, { a: idA, b: idB });
    const entityIds = (list: { entity: { id: string } }[]) => list.map((e) => e.entity.id).sort();
    const relationIds = (list: { relation: { id: string } }[]) => list.map((r) => r.relation.id).sort();
    expect(entityIds(c.entities.onlyA)).toEqual(minus(a.nodes, b.nodes));
    expect(entityIds(c.entities.onlyB)).toEqual(minus(b.nodes, a.nodes));
    expect(entityIds(c.entities.both)).toEqual(both(a.nodes, b.nodes));
    expect(relationIds(c.relations.onlyA)).toEqual(minus(a.edges, b.edges));
    expect(relationIds(c.relations.onlyB)).toEqual(minus(b.edges, a.edges));
    expect(relationIds(c.relations.both)).toEqual(both(a.edges, b.edges));
    const quotes = (g: Graph, id: string) => (g.edges.find((e) => e.id === id)?.evidence ?? []).map((e) => e.quote).sort();
    for (const r of [...c.relations.onlyA, ...c.relations.onlyB, ...c.relations.both]) {
      expect(r.evidenceA.map((e) => e.quote).sort()).toEqual(quotes(a, r.relation.id));
      expect(r.evidenceB.map((e) => e.quote).sort()).toEqual(quotes(b, r.relation.id));
    }
    const mentions = (g: Graph, id: string) => (g.nodes.find((n) => n.id === id)?.mentions ?? []).map((m) => m.quote).sort();
    for (const e of [...c.entities.onlyA, ...c.entities.onlyB, ...c.entities.both]) {
      expect(e.mentionsA.map((m) => m.quote).sort()).toEqual(mentions(a, e.entity.id));
      expect(e.mentionsB.map((m) => m.quote).sort()).toEqual(mentions(b, e.entity.id));
    }
    return c;
  }

  it('compares the plan with its revised edition exactly: the dropped sentences, the added one, the renamed platform', async () => {
    const c = await expectExactComparison(bundled, revised);
    expect(c.entities.onlyA.map((e) => e.entity.id)).toEqual(expect.arrayContaining(['songshan-lake-materials-lab', 'zhanjiang-bay-lab']));
    const renamed = revised.nodes.find((n) => n.name === REVISION.renamed.to)!;
    expect(c.entities.onlyB.map((e) => e.entity.id)).toContain(renamed.id);
    const added = c.relations.onlyB.find((r) => r.evidenceB.some((e) => e.quote === REVISION.added));
    expect(added?.relation.id).toMatch(/^HOSTED_BY:.*->sun-yat-sen-university$/);
    expect(c.relations.onlyA.flatMap((r) => r.evidenceA.map((e) => e.quote))).toEqual(expect.arrayContaining(REVISION.removed));
  });

  it('compares the plan with its PDF edition exactly', async () => {
    const c = await expectExactComparison(bundled, pdf);
    expect(c.entities.both.length).toBeGreaterThanOrEqual(0.98 * bundled.nodes.length);
  });

  it('limits search, neighborhood, paths, platforms and city profiles to the documents asked for', { timeout: 300_000 }, async () => {
    const renamed = revised.nodes.find((n) => n.name === REVISION.renamed.to)!;
    const searchIn = async (docs: string[]) =>
      (
        await ask<{ search: { entity: { id: string } }[] }>('query ($d: [ID!]) { search(text: "材料实验室", first: 50, documents: $d) { entity { id } } }', {
          d: docs,
        })
      ).search.map((h) => h.entity.id);
    expect(await searchIn([A])).not.toContain(renamed.id);
    expect(await searchIn([REVISED_ID])).toContain(renamed.id);

    const around = async (docs: string[]) =>
      (
        await ask<{ neighborhood: { nodes: { id: string }[] } }>(
          'query ($d: [ID!]) { neighborhood(ids: ["sun-yat-sen-university"], limit: 500, documents: $d) { nodes { id } } }',
          { d: docs },
        )
      ).neighborhood.nodes.map((n) => n.id);
    const dataCenter = revised.nodes.find((n) => n.name === '南海海洋数据中心')!.id;
    expect(await around([A])).not.toContain(dataCenter);
    expect(await around([REVISED_ID])).toContain(dataCenter);

    const pathsIn = async (docs: string[]) =>
      (
        await ask<{ paths: { length: number; hops: { relation: { evidence: { document: { id: string } }[] } }[] }[] }>(
          'query ($d: [ID!]) { paths(from: "zhanjiang-bay-lab", to: "zhanjiang", maxHops: 1, documents: $d) { length hops { relation { evidence { document { id } } } } } }',
          { d: docs },
        )
      ).paths;
    expect(await pathsIn([REVISED_ID])).toEqual([]);
    const inA = await pathsIn([A]);
    expect(inA).toHaveLength(1);
    expect(inA[0]!.hops[0]!.relation.evidence.map((e) => e.document.id)).toEqual(expect.arrayContaining([A]));
    expect(inA[0]!.hops[0]!.relation.evidence.every((e) => e.document.id === A)).toBe(true);

    const platformsIn = async (docs: string[]) =>
      (
        await ask<{ platformsForCluster: { platform: { id: string } }[] }>(
          'query ($d: [ID!]) { platformsForCluster(cluster: "cluster-advanced-materials", documents: $d) { platform { id } } }',
          { d: docs },
        )
      ).platformsForCluster.map((p) => p.platform.id);
    expect(await platformsIn([A])).toContain('songshan-lake-materials-lab');
    expect(await platformsIn([REVISED_ID])).not.toContain('songshan-lake-materials-lab');

    // A park's link to its cluster, as one document states it.
    const { placesForCluster: parks } = await ask<{ placesForCluster: { place: { id: string }; relations: { evidence: { document: { id: string } }[] }[] }[] }>(
      'query ($d: [ID!]) { placesForCluster(cluster: "cluster-high-end-equipment", documents: $d) { place { id } relations { evidence { document { id } } } } }',
      { d: [A] },
    );
    expect(parks.map((p) => p.place.id)).toContain('yuehai-equipment-park');
    for (const p of parks) for (const r of p.relations) expect(r.evidence.map((e) => e.document.id)).toEqual([A]);

    const placedIn = async (docs: string[]) =>
      (
        await ask<{ cityProfile: { groups: { entities: { id: string }[] }[] } }>(
          'query ($d: [ID!]) { cityProfile(city: "湛江", documents: $d) { groups { entities { id } } } }',
          { d: docs },
        )
      ).cityProfile.groups.flatMap((g) => g.entities.map((e) => e.id));
    expect(await placedIn([A])).toContain('zhanjiang-bay-lab');
    expect(await placedIn([REVISED_ID])).not.toContain('zhanjiang-bay-lab');
  });

  it('answers NOT_FOUND for a document filter naming no stored document', async () => {
    const { errors } = await graphql(executor, '{ search(text: "松山湖", documents: ["no-such-plan"]) { score } }');
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('prints with --diff exactly what a new edition adds and drops, then replaces it; --remove takes it out; the other plans keep their facts', async () => {
    const edition = buildGraph({ source: 'edition.txt', bytes: planBytes(), registry: bundledRegistry(), discover: true, docId: EDITION_ID }).graph;
    await writeGraph(executor, edition);
    const file = path.join(dir, 'revised.txt');
    fs.writeFileSync(file, revisedPlan(planBytes()));
    const expected = diffFacts(factsOf(edition, EDITION_ID), factsOf(revised, REVISED_ID));
    const run = cli(file, '--id', EDITION_ID, '--diff', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).diff).toEqual(expected);
    expect(await documentFacts(executor, EDITION_ID)).toEqual(
      factsOf(buildGraph({ source: file, bytes: fs.readFileSync(file), registry: bundledRegistry(), discover: true, docId: EDITION_ID }).graph, EDITION_ID),
    );

    const removed = cli('--remove', EDITION_ID);
    expect(removed.code).toBe(0);
    expect(await documentFacts(executor, EDITION_ID)).toEqual({ entities: [], relations: [] });
    expect(await documentFacts(executor, A)).toEqual(factsBefore);
  }, 600_000);

  it("leaves a plan's facts as they were when others are loaded and removed", async () => {
    expect(await documentFacts(executor, A)).toEqual(factsBefore);
    expect(factsBefore).toEqual(factsOf(bundled, A));
    await removeDocument(executor, REVISED_ID);
    await removeDocument(executor, PDF_ID);
    expect(await documentFacts(executor, A)).toEqual(factsBefore);
    const data = await ask<{ documents: { id: string }[]; stats: { entities: number; relations: number } }>(
      '{ documents { id } stats { entities relations } }',
    );
    expect(ids(data.documents)).toEqual([A]);
    expect(data.stats).toEqual({ entities: bundled.nodes.length, relations: bundled.edges.length });
  }, 300_000);
});
