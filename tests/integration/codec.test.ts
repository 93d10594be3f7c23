// The storage format as Neo4j holds it after a real load: every property the writer
// puts on an entity, a mention and a relation is one the codec lists, and what the
// readers (the export, the API's queries) get back is what the pipeline produced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KEYS, MENTION_KEYS, RELATION_KEYS } from '../../graph/codec.ts';
import type { Executor } from '../../graph/executor.ts';
import { entitiesByIds } from '../../graph/queries/entities.ts';
import { exportGraph } from '../../graph/queries/export.ts';
import { neighborsOf } from '../../graph/queries/neighborhood.ts';
import { writeGraph } from '../../graph/writer.ts';
import { buildGraph } from '../../ingest/pipeline.ts';
import { usePlan } from '../support/loaded.ts';
import { bundledRegistry, planGraph } from '../support/plan.ts';

const sorted = (keys: readonly string[]) => [...keys].sort();

describe('the storage codec against the loaded plan', () => {
  const plan = usePlan();
  let executor: Executor;
  beforeAll(() => {
    executor = plan();
  });

  it('stores on every entity the properties the codec lists, and its kind-specific props', async () => {
    const stored = await executor.read<{ id: string; keys: string[] }>('MATCH (e:Entity) RETURN e.id AS id, keys(e) AS keys');
    const expected = new Map(
      planGraph().nodes.map((n) => {
        const present = (value: unknown) => value !== null;
        const own = ENTITY_KEYS.filter((k) => !(k in n) || present(n[k as keyof typeof n]));
        const props = Object.entries(n.props).flatMap(([k, v]) => (present(v) ? [k] : []));
        return [n.id, sorted([...own, ...props])];
      }),
    );
    expect(stored.length).toBe(expected.size);
    for (const { id, keys } of stored) expect({ id, keys: sorted(keys) }).toEqual({ id, keys: expected.get(id) });
  });

  it('stores on every relation exactly the evidence lists the codec lists, all of one length', async () => {
    const stored = await executor.read<{ keys: string[]; lengths: number[] }>(
      'MATCH (:Entity)-[r]->(:Entity) RETURN DISTINCT keys(r) AS keys, [k IN keys(r) WHERE k <> "id" | size(r[k])] AS lengths',
    );
    expect(stored.length).toBeGreaterThan(0);
    for (const { keys, lengths } of stored) {
      expect(sorted(keys)).toEqual(sorted(RELATION_KEYS));
      expect(new Set(lengths).size).toBe(1);
    }
  });

  it('stores on every mention the fields the codec lists', async () => {
    const stored = await executor.read<{ keys: string[] }>('MATCH (:Entity)-[m:MENTIONED_IN]->(:Section) RETURN DISTINCT keys(m) AS keys');
    expect(stored.map((s) => sorted(s.keys))).toEqual([sorted(MENTION_KEYS)]);
  });

  it('puts the sentence of every citation on the relation itself, readable by hand-written Cypher', async () => {
    const [row] = await executor.read<{ quotes: string[] }>(
      `MATCH (:Entity {name: '松山湖科学城'})-[r:FOCUSES_ON]->(:Entity {name: '新材料'}) RETURN r.evidenceQuotes AS quotes`,
    );
    expect(row?.quotes.some((q) => q.includes('推动松山湖科学城聚焦新材料'))).toBe(true);
    // The quote is the sentence, after the opening or heading a rule read it under where it needs one.
    const [mismatched] = await executor.read<{ n: number }>(
      `MATCH (:Entity)-[r]->(:Entity)
       UNWIND range(0, size(r.evidenceSections) - 1) AS i
       MATCH (s:Section {id: r.evidenceSections[i]})
       WHERE r.evidenceQuotes[i] <> s.text AND NOT r.evidenceQuotes[i] ENDS WITH '……' + s.text
       RETURN count(*) AS n`,
    );
    expect(mismatched?.n).toBe(0);
  });

  it('stores confidences, baselines and targets as floats on every record, offsets as integers', async () => {
    const types = await executor.read<{ what: string; type: string }>(
      `CALL () { MATCH (e:Entity) RETURN DISTINCT 'confidence' AS what, valueType(e.confidence) AS type
       UNION MATCH (e:Indicator) WHERE e.target IS NOT NULL RETURN DISTINCT 'target' AS what, valueType(e.target) AS type
       UNION MATCH (e:Indicator) WHERE e.baseline IS NOT NULL RETURN DISTINCT 'baseline' AS what, valueType(e.baseline) AS type
       UNION MATCH (:Entity)-[r]->(:Entity) RETURN DISTINCT 'evidenceConfidences' AS what, valueType(r.evidenceConfidences) AS type
       UNION MATCH (:Entity)-[r]->(:Entity) RETURN DISTINCT 'evidenceStarts' AS what, valueType(r.evidenceStarts) AS type
       UNION MATCH (:Entity)-[m:MENTIONED_IN]->() RETURN DISTINCT 'mention start' AS what, valueType(m.start) AS type }
       RETURN what, type ORDER BY what`,
    );
    expect(types).toEqual([
      { what: 'baseline', type: 'FLOAT NOT NULL' },
      { what: 'confidence', type: 'FLOAT NOT NULL' },
      { what: 'evidenceConfidences', type: 'LIST<FLOAT NOT NULL> NOT NULL' },
      { what: 'evidenceStarts', type: 'LIST<INTEGER NOT NULL> NOT NULL' },
      { what: 'mention start', type: 'INTEGER NOT NULL' },
      { what: 'target', type: 'FLOAT NOT NULL' },
    ]);
  });

  it('reads back through every reader what the pipeline produced', async () => {
    const graph = planGraph();
    const exported = await exportGraph(executor);
    expect(exported.nodes).toEqual(graph.nodes);
    expect(exported.edges).toEqual(graph.edges);
    const node = graph.nodes.find((n) => n.kind === 'Indicator')!;
    const { mentions: _, ...row } = node;
    expect(await entitiesByIds(executor, [node.id])).toEqual([row]);
    const edge = graph.edges.find((e) => e.evidence.length > 1)!;
    const links = await neighborsOf(executor, { ids: [edge.from], types: [edge.type], direction: 'OUT', first: 200 });
    expect(links.find((l) => l.relation.id === edge.id)?.relation).toEqual(edge);
  });

  describe('a relation cited by two documents', () => {
    const DOC = 'codec-second-document';
    const SENTENCE = '东莞市推动松山湖科学城聚焦新材料、新能源领域，建设具有全球影响力的原始创新高地和综合性国家科学中心先行启动区。';
    const second = buildGraph({ source: 'second.txt', docId: DOC, bytes: Buffer.from(SENTENCE), registry: bundledRegistry(), discover: false }).graph;
    const cited = () => second.edges.find((e) => e.type === 'FOCUSES_ON')!;
    const stored = async () => (await exportGraph(executor)).edges.find((e) => e.id === cited().id)!;

    beforeAll(async () => {
      await writeGraph(executor, second);
    });
    afterAll(async () => {
      // An empty version takes the document's contribution away; its Document node goes by hand.
      await writeGraph(executor, { ...second, documents: [{ ...second.documents[0]!, text: '' }], sections: [], nodes: [], edges: [] });
      await executor.write('MATCH (d:Document {id: $id}) DETACH DELETE d', { id: DOC });
    });

    it("keeps both documents' citations, each with its own sentence", async () => {
      const evidence = (await stored()).evidence;
      expect(new Set(evidence.map((e) => e.docId))).toEqual(new Set([planGraph().documents[0]!.id, DOC]));
      expect(evidence.find((e) => e.docId === DOC)?.quote).toBe(SENTENCE);
    });

    it("keeps the other document's citations whole when one document is loaded again", async () => {
      await writeGraph(executor, planGraph());
      expect((await stored()).evidence.filter((e) => e.docId === DOC)).toEqual(cited().evidence);
      expect((await stored()).evidence.filter((e) => e.docId !== DOC)).toEqual(planGraph().edges.find((e) => e.id === cited().id)!.evidence);
    });

    it('loads a document again over relations an earlier version stored, whose evidence had no leads', async () => {
      await executor.write('MATCH (:Entity)-[r]->(:Entity) REMOVE r.evidenceLeadStarts');
      await writeGraph(executor, planGraph());
      expect((await stored()).evidence.filter((e) => e.docId === DOC)).toEqual(cited().evidence);
      const shared = new Set(second.edges.map((e) => e.id));
      expect((await exportGraph(executor)).edges.filter((e) => !shared.has(e.id))).toEqual(planGraph().edges.filter((e) => !shared.has(e.id)));
    });
  });
});
