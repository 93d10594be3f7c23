import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_LABEL, KINDS, STRUCTURE_LABELS } from '../../ingest/model.ts';
import type { Executor } from '../../graph/executor.ts';
import { FULLTEXT_INDEX, applySchema, awaitIndexes, describeSchema } from '../../graph/schema.ts';
import { connect } from '../support/neo4j.ts';

describe('graph schema', () => {
  let executor: Executor;
  beforeAll(async () => {
    executor = await connect();
  });
  afterAll(async () => {
    await executor.close();
  });

  it('applies twice without error and without duplicating anything', async () => {
    await applySchema(executor);
    const first = await describeSchema(executor);
    await applySchema(executor);
    await awaitIndexes(executor);
    const second = await describeSchema(executor);
    expect(second.constraints.map((c) => c.name)).toEqual(first.constraints.map((c) => c.name));
    expect(second.indexes.map((i) => i.name)).toEqual(first.indexes.map((i) => i.name));
  });

  it('has a uniqueness constraint on id for every node label', async () => {
    const { constraints } = await describeSchema(executor);
    const constrained = constraints.filter((c) => c.properties.join() === 'id').flatMap((c) => c.labels);
    expect(constrained.sort()).toEqual([ENTITY_LABEL, ...KINDS, ...STRUCTURE_LABELS].sort());
  });

  it('has a name index per entity label', async () => {
    const { indexes } = await describeSchema(executor);
    const named = indexes.filter((i) => i.type === 'RANGE' && i.properties.join() === 'name').flatMap((i) => i.labels);
    expect(named.sort()).toEqual([ENTITY_LABEL, ...KINDS].sort());
  });

  it('has a CJK full-text index over names, English names, aliases and pinyin', async () => {
    const { indexes } = await describeSchema(executor);
    const fulltext = indexes.find((i) => i.name === FULLTEXT_INDEX);
    expect(fulltext).toMatchObject({ type: 'FULLTEXT', labels: [ENTITY_LABEL], analyzer: 'cjk' });
    expect(fulltext?.properties).toEqual(['name', 'nameEn', 'aliases', 'pinyin']);
  });

  it('finds a Chinese alias inside a list property through the CJK index', async () => {
    const id = `schema-test-${Date.now()}`;
    await executor.write('CREATE (n:Entity:Lab {id: $id, name: $name, aliases: $aliases})', { id, name: '测试材料实验室', aliases: ['测试湖实验室'] });
    try {
      await awaitIndexes(executor);
      const hits = await executor.read<{ id: string }>(`CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $q) YIELD node RETURN node.id AS id`, {
        q: '测试湖',
      });
      expect(hits.map((h) => h.id)).toContain(id);
    } finally {
      await executor.write('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
    }
  });
});
