import { describe, expect, it } from 'vitest';
import { diffFacts, factsOf, formatDiff } from '../../ingest/facts.ts';
import { REVISION, revisedGraph } from '../support/editions.ts';
import { planGraph } from '../support/plan.ts';

describe('comparing two editions of a plan', () => {
  const before = planGraph();
  const id = before.documents[0]!.id;
  const after = revisedGraph({ docId: id });
  const diff = diffFacts(factsOf(before, id), factsOf(after, id));

  it('adds what only the new edition names and states, and drops what only the old one did', () => {
    const ids = (items: { id: string }[]) => new Set(items.map((i) => i.id));
    const [oldNodes, newNodes] = [ids(before.nodes), ids(after.nodes)];
    const [oldEdges, newEdges] = [ids(before.edges), ids(after.edges)];
    expect(diff.added.entities.map((e) => e.id)).toEqual([...newNodes].filter((n) => !oldNodes.has(n)).sort((a, b) => a.localeCompare(b)));
    expect(diff.dropped.entities.map((e) => e.id)).toEqual([...oldNodes].filter((n) => !newNodes.has(n)).sort((a, b) => a.localeCompare(b)));
    expect(diff.added.relations.map((r) => r.id)).toEqual([...newEdges].filter((n) => !oldEdges.has(n)).sort((a, b) => a.localeCompare(b)));
    expect(diff.dropped.relations.map((r) => r.id)).toEqual([...oldEdges].filter((n) => !newEdges.has(n)).sort((a, b) => a.localeCompare(b)));
  });

  it('finds the renamed lab dropped under its old name and added under its new one', () => {
    expect(diff.dropped.entities.map((e) => e.name)).toContain(REVISION.renamed.from);
    expect(diff.added.entities.map((e) => e.name)).toContain(REVISION.renamed.to);
  });

  it('prints each change with the sentence that states it', () => {
    const text = formatDiff(id, diff);
    expect(text.split('\n')[0]).toBe(
      `${id}: the new edition adds ${diff.added.entities.length} entities and ${diff.added.relations.length} relations, drops ${diff.dropped.entities.length} entities and ${diff.dropped.relations.length} relations`,
    );
    expect(text).toContain(`+ relation HOSTED_BY 南海海洋数据中心 → 中山大学\n    「${REVISION.added}」`);
    expect(text).toContain(`- entity   Lab ${REVISION.renamed.from} (songshan-lake-materials-lab)`);
  });
});
