// Asking the text itself: the plan's sentences by the words they hold (the CJK
// full-text index over the sentence text the writer stores), and the entities named
// in the same sentences as a given one.
import type { EntityKind } from '../../ingest/model.ts';
import { ENTITY } from '../codec.ts';
import type { Executor } from '../executor.ts';
import { SENTENCE_INDEX } from '../schema.ts';
import type { DocumentFilter } from './document-filter.ts';
import { escapeLucene } from './search.ts';

/** Candidates the index may give before the document filter; more only slow the ranking. */
export const MAX_POOL = 500;

/** Sentences of one co-mentioned entity kept for the answer: the count says how many there are. */
export const MAX_SHARED = 50;

/** A sentence as the API shows it; its section, document and entities are read by id. */
export interface SentenceRow {
  id: string;
  docId: string;
  quote: string;
  path: string;
}

export interface SentenceHitRow {
  sentence: SentenceRow;
  score: number;
}

export interface CoMentionRow {
  entity: string;
  /** sentences that name both */
  count: number;
  /** the first MAX_SHARED of them, in document order */
  sentences: SentenceRow[];
}

/**
 * Every word of the text as a phrase, all required: with the cjk analyzer a Han word is a
 * run of bigrams, and the phrase keeps them in order, so 人工智能 finds the sentences that
 * hold 人工智能, not every sentence with 智能 in it.
 */
export function sentenceQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `"${escapeLucene(word)}"`)
    .join(' AND ');
}

const SENTENCE = (s: string) => `{id: ${s}.id, docId: ${s}.docId, quote: ${s}.text, path: ${s}.path}`;

export function sentencesCypher(): string {
  return `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $pool}) YIELD node AS s, score
     WHERE s.kind = 'sentence' AND ($docs IS NULL OR s.docId IN $docs)
     RETURN ${SENTENCE('s')} AS sentence, score
     ORDER BY score DESC, s.docId, s.start
     LIMIT $first`;
}

/** One sentence by its id; null for an id that names no sentence (another section's, or none). */
export async function sentenceById(executor: Executor, id: string): Promise<SentenceRow | null> {
  const rows = await executor.read<{ sentence: SentenceRow }>(`MATCH (s:Section {id: $id}) WHERE s.kind = 'sentence' RETURN ${SENTENCE('s')} AS sentence`, {
    id,
  });
  return rows[0]?.sentence ?? null;
}

/** Sentences that hold every word of `text`, best first. */
export async function searchSentences(executor: Executor, text: string, first: number, docs: DocumentFilter = null): Promise<SentenceHitRow[]> {
  const lucene = sentenceQuery(text);
  if (lucene === '') return [];
  return executor.read<SentenceHitRow>(sentencesCypher(), {
    index: SENTENCE_INDEX,
    lucene,
    pool: Math.min(MAX_POOL, first * (docs ? 20 : 5)),
    first,
    docs,
  });
}

/** The entities each sentence names, in the order it names them. */
export async function entitiesInSentences(executor: Executor, ids: readonly string[]): Promise<{ id: string; entities: string[] }[]> {
  return executor.read<{ id: string; entities: string[] }>(
    `UNWIND $ids AS id
     MATCH (s:Section {id: id})
     RETURN id, COLLECT {
       MATCH (e:${ENTITY})-[m:MENTIONED_IN]->(s)
       WITH e, min(m.start) AS at ORDER BY at, e.id
       RETURN e.id
     } AS entities`,
    { ids: [...new Set(ids)] },
  );
}

/** Entities named in a sentence that names `id`, the most often first; null when there is no such entity. */
export async function coMentioned(
  executor: Executor,
  id: string,
  kinds: EntityKind[] | null,
  first: number,
  docs: DocumentFilter = null,
): Promise<CoMentionRow[] | null> {
  const [row] = await executor.read<{ found: CoMentionRow[] }>(
    `MATCH (e:${ENTITY} {id: $id})
     RETURN COLLECT {
       MATCH (e)-[:MENTIONED_IN]->(s:Section)<-[:MENTIONED_IN]-(o:${ENTITY})
       WHERE o <> e AND ($kinds IS NULL OR any(k IN labels(o) WHERE k IN $kinds)) AND ($docs IS NULL OR s.docId IN $docs)
       WITH DISTINCT o, s ORDER BY s.docId, s.start
       WITH o, collect(${SENTENCE('s')}) AS shared
       RETURN {entity: o.id, count: size(shared), sentences: shared[0..$shared]} AS found
       ORDER BY found.count DESC, o.name, o.id
       LIMIT $first
     } AS found`,
    { id, kinds, first, docs, shared: MAX_SHARED },
  );
  return row ? row.found : null;
}
