import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../graph/executor.ts';
import { FULLTEXT_INDEX } from '../../graph/schema.ts';
import { searchCypher, similarCypher, termCountsCypher } from '../../graph/queries/search.ts';
import { connect } from '../support/neo4j.ts';

describe('search query plans', () => {
  let executor: Executor;
  beforeAll(async () => {
    executor = await connect();
  });
  afterAll(async () => {
    await executor.close();
  });

  const params = { index: FULLTEXT_INDEX, lucene: 'x', pool: 50, text: '松山湖', lower: '松山湖', key: 'songshanhu', kinds: null, first: 10 };

  it.each([
    ['Chinese text', false],
    ['Latin text, pinyin included', true],
  ])('draws every candidate for %s from an index, never from a scan of nodes', async (_, withPinyin) => {
    const operators = await executor.plan(searchCypher(withPinyin), params);
    expect(operators.filter((o) => /Scan$/.test(o.operator) && !/^NodeIndex/.test(o.operator))).toEqual([]);
    const seeks = operators.filter((o) => /^NodeIndex/.test(o.operator)).map((o) => o.details);
    expect(seeks.some((d) => /TEXT INDEX e:Entity\(name\) WHERE name CONTAINS/.test(d))).toBe(true);
    expect(seeks.some((d) => /TEXT INDEX e:Entity\(pinyinKey\) WHERE pinyinKey CONTAINS/.test(d))).toBe(withPinyin);
    expect(operators.some((o) => o.operator === 'ProcedureCall' && o.details.includes('db.index.fulltext.queryNodes'))).toBe(true);
  });

  it.each([
    ['with words to spell alike', true],
    ['with pinyin slips only', false],
  ])('draws names spelt alike %s from indexes, never from a scan of nodes', async (_, withWords) => {
    const operators = await executor.plan(similarCypher(withWords), { ...params, lucene: 'shenzen~1', slips: ['songshanhu', 'sognshanhu'] });
    expect(operators.filter((o) => /Scan$/.test(o.operator) && !/^NodeIndex/.test(o.operator))).toEqual([]);
    const seeks = operators.filter((o) => /^NodeIndex/.test(o.operator)).map((o) => o.details);
    expect(seeks.some((d) => /RANGE INDEX e:Entity\(pinyinKey\) WHERE pinyinKey STARTS WITH/.test(d))).toBe(true);
    expect(operators.some((o) => o.operator === 'ProcedureCall' && o.details.includes('db.index.fulltext.queryNodes'))).toBe(withWords);
  });

  it('counts the names holding each term from the full-text index, and the entities from the count store', async () => {
    const operators = await executor.plan(termCountsCypher(), { index: FULLTEXT_INDEX, pool: 50, terms: [{ text: '鹏城', query: '鹏城' }] });
    expect(operators.filter((o) => /Scan$/.test(o.operator))).toEqual([]);
    expect(operators.some((o) => o.operator === 'NodeCountFromCountStore')).toBe(true);
    expect(operators.some((o) => o.operator === 'ProcedureCall' && o.details.includes('db.index.fulltext.queryNodes'))).toBe(true);
  });
});
