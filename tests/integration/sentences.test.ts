import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../graph/executor.ts';
import { SENTENCE_INDEX } from '../../graph/schema.ts';
import { sentencesCypher } from '../../graph/queries/sentences.ts';
import { removeDocument, writeGraph } from '../../graph/writer.ts';
import { buildGraph } from '../../ingest/pipeline.ts';
import { graphql } from '../support/api.ts';
import { usePlan } from '../support/loaded.ts';
import { bundledRegistry, planGraph } from '../support/plan.ts';

type Named = { id: string; name: string };
type SentenceHit = {
  score: number;
  sentence: { id: string; quote: string; path: string; document: { id: string }; section: { kind: string }; entities: Named[] };
};
type CoMention = { entity: Named; count: number; sentences: { quote: string; entities: Named[] }[] };

const SNIPPET_ID = 'sentences-snippet';
/** A sentence the bundled plan does not hold, in a document of its own. */
const SNIPPET = '依托中山大学建设南海海洋数据中心。';
/** A second sentence: a document needs some Chinese text to be read as a plan. */
const FILLER = '推进海洋科技创新平台和海洋观测网络建设。';

describe('asking the text itself', () => {
  const plan = usePlan();
  let executor: Executor;
  const A = planGraph().documents[0]!.id;

  const ask = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const { data, errors } = await graphql<T>(executor, query, variables);
    expect(errors).toBeUndefined();
    return data!;
  };
  const sentences = async (text: string, extra = '', variables: Record<string, unknown> = {}) =>
    (
      await ask<{ sentences: SentenceHit[] }>(
        `query ($text: String!, $d: [ID!]) { sentences(text: $text${extra}, documents: $d) {
           score sentence { id quote path document { id } section { kind } entities { id name } } } }`,
        { text, ...variables },
      )
    ).sentences;
  const coMentioned = async (id: string, extra = '', variables: Record<string, unknown> = {}) =>
    (
      await ask<{ coMentioned: CoMention[] }>(
        `query ($id: ID!, $d: [ID!]) { coMentioned(id: $id${extra}, documents: $d) { entity { id name } count sentences(first: 20) { quote entities { id name } } } }`,
        { id, ...variables },
      )
    ).coMentioned;

  beforeAll(async () => {
    executor = plan();
    const snippet = buildGraph({
      source: 'snippet.txt',
      bytes: Buffer.from(SNIPPET + FILLER),
      registry: bundledRegistry(),
      discover: true,
      docId: SNIPPET_ID,
    }).graph;
    await writeGraph(executor, snippet);
  });
  afterAll(async () => {
    await removeDocument(executor, SNIPPET_ID);
  });

  describe('sentences', () => {
    it('finds the sentences that hold a phrase, each with its section path, document and the entities it names', async () => {
      const hits = await sentences('中微子实验站');
      expect(hits.length).toBeGreaterThan(0);
      for (const { sentence } of hits) {
        expect(sentence.quote).toContain('中微子实验站');
        expect(sentence.section.kind).toBe('sentence');
        expect(sentence.path).toMatch(/^第.章/);
        expect(sentence.document.id).toBe(A);
      }
      expect(hits.flatMap((h) => h.sentence.entities.map((e) => e.name))).toContain('江门中微子实验站');
    });

    it('gives one sentence by its id as the search gives it, and null for an id that names no sentence', async () => {
      const [hit] = await sentences('中微子实验站');
      const one = async (id: string) =>
        (
          await ask<{ sentence: SentenceHit['sentence'] | null }>(
            `query ($id: ID!) { sentence(id: $id) { id quote path document { id } section { kind } entities { id name } } }`,
            { id },
          )
        ).sentence;
      expect(await one(hit!.sentence.id)).toEqual(hit!.sentence);
      // A section that is no sentence (the chapter the hit stands in), an unknown id, garbage: none.
      const chapter = (
        await ask<{ sentence: { section: { parent: { parent: { id: string } | null } | null } } }>(
          `query ($id: ID!) { sentence(id: $id) { section { parent { parent { id } } } } }`,
          { id: hit!.sentence.id },
        )
      ).sentence.section.parent?.parent?.id;
      expect(chapter).toBeTruthy();
      for (const id of [chapter!, 'no-such-sentence', '") MATCH (n) DETACH DELETE n //', '']) expect(await one(id)).toBeNull();
    });

    it('keeps the words of a Han phrase together: every hit holds 人工智能 itself, not only 智能', async () => {
      const hits = await sentences('人工智能', ', first: 50');
      expect(hits.length).toBeGreaterThan(5);
      for (const h of hits) expect(h.sentence.quote.replace(/\s+/g, '')).toContain('人工智能');
    });

    it('requires every word of the text when it holds several', async () => {
      const both = await sentences('光明科学城 材料科学', ', first: 50');
      expect(both.length).toBeGreaterThan(0);
      for (const h of both) expect([h.sentence.quote.includes('光明科学城'), h.sentence.quote.includes('材料科学')]).toEqual([true, true]);
      expect((await sentences('光明科学城', ', first: 50')).length).toBeGreaterThan(both.length);
    });

    it('lists the entities a sentence names in the order it names them', async () => {
      const [hit] = await sentences('南海海洋数据中心', '', { d: [SNIPPET_ID] });
      expect(hit!.sentence.quote).toBe(SNIPPET);
      expect(hit!.sentence.entities.map((e) => e.name)[0]).toBe('中山大学');
    });

    it('limits the sentences to the documents asked for', async () => {
      expect((await sentences('南海海洋数据中心', '', { d: [SNIPPET_ID] })).map((h) => h.sentence.document.id)).toEqual([SNIPPET_ID]);
      expect(await sentences('南海海洋数据中心', '', { d: [A] })).toEqual([]);
      const { errors } = await graphql(executor, '{ sentences(text: "松山湖", documents: ["no-such-plan"]) { score } }');
      expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it.each(['") OR 1=1', '*:*', '\\', 'AND OR NOT', '"unterminated', '(((', '，。', 'MATCH (n) DETACH DELETE n'])(
      'answers the hostile text %j cleanly',
      async (text) => {
        const { errors } = await graphql(executor, 'query ($text: String!) { sentences(text: $text) { sentence { id } } }', { text });
        expect(errors).toBeUndefined();
      },
    );

    it('refuses an empty text and a first over the limit, naming the argument', async () => {
      const empty = await graphql(executor, '{ sentences(text: "  ") { score } }');
      expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const many = await graphql(executor, '{ sentences(text: "松山湖", first: 5000) { score } }');
      expect(many.errors?.[0]?.message).toMatch(/first must be a whole number from 1 to 50/);
    });

    it('draws its candidates from the sentence full-text index', async () => {
      const operators = await executor.plan(sentencesCypher(), { index: SENTENCE_INDEX, lucene: '"松山湖"', pool: 50, first: 10, docs: null });
      expect(operators.some((o) => o.operator === 'ProcedureCall' && o.details.includes('db.index.fulltext.queryNodes'))).toBe(true);
      expect(operators.filter((o) => /Scan$/.test(o.operator))).toEqual([]);
    });
  });

  describe('coMentioned', () => {
    it('finds 深圳 named beside 广州, with the count and the sentences that name both', async () => {
      const rows = await coMentioned('guangzhou', ', first: 30');
      const shenzhen = rows.find((r) => r.entity.id === 'shenzhen');
      expect(shenzhen).toBeDefined();
      expect(shenzhen!.count).toBeGreaterThan(1);
      expect(shenzhen!.count).toBe(shenzhen!.sentences.length);
      for (const s of shenzhen!.sentences) expect(s.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['shenzhen', 'guangzhou']));
      expect(rows.map((r) => r.entity.id)).not.toContain('guangzhou');
    });

    it('ranks the entities named most often beside it first', async () => {
      const counts = (await coMentioned('guangzhou', ', first: 30')).map((r) => r.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[0]).toBeGreaterThan(1);
    });

    it('keeps only the kinds asked for', async () => {
      const rows = await ask<{ coMentioned: { entity: { __typename: string } }[] }>(
        '{ coMentioned(id: "guangzhou", kinds: [Institution]) { entity { __typename } } }',
      );
      expect(rows.coMentioned.length).toBeGreaterThan(0);
      expect(new Set(rows.coMentioned.map((r) => r.entity.__typename))).toEqual(new Set(['Institution']));
    });

    it('counts only the sentences of the documents asked for', async () => {
      const inSnippet = await coMentioned('sun-yat-sen-university', '', { d: [SNIPPET_ID] });
      expect(inSnippet.length).toBeGreaterThan(0);
      for (const row of inSnippet) for (const s of row.sentences) expect(s.quote).toBe(SNIPPET);
      const everywhere = await coMentioned('sun-yat-sen-university', ', first: 30');
      expect(everywhere.length).toBeGreaterThan(inSnippet.length);
    });

    it('answers NOT_FOUND for an entity there is not', async () => {
      const { errors } = await graphql(executor, '{ coMentioned(id: "no-such-entity") { count } }');
      expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('refuses a request whose nested lists would exceed the cost limit', async () => {
      const { errors } = await graphql(
        executor,
        '{ coMentioned(id: "shenzhen", first: 100) { sentences(first: 50) { section { children { children { id } } } entities { mentions(first: 50) { quote } } } } }',
      );
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toMatch(/cost|limit/);
    });
  });
});
