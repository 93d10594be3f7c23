// Search over names in every spelling a reader may type: Chinese through the CJK
// full-text index, English and aliases, and pinyin with or without tones and spaces
// (songshanhu, song shan hu, sōngshānhú). Exact names rank first; a one-character
// query still finds names that contain it.
//
// Every candidate comes from an index, never from a scan of the Entity label: the
// full-text index (words and CJK bigrams), the range index on name (equality and
// prefix), and the trigram text indexes on name and pinyinKey (infix). Each source
// yields at most a fixed pool, so a query costs the same at 1 M entities as at 1 k;
// the candidates are then ranked together.
import type { EntityKind } from '../../ingest/model.ts';
import { ENTITY, decodeEntity, entityProjection, type EntityRow } from '../codec.ts';
import type { Executor } from '../executor.ts';
import { FULLTEXT_INDEX } from '../schema.ts';
import { entityInDocs, type DocumentFilter } from './document-filter.ts';

/** Candidates each index may give; more only slow the ranking without changing the top hits. */
export const MAX_POOL = 200;

/** Lucene's query syntax characters, escaped so that user text is only ever text. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  // Lowercasing defuses the operators AND, OR and NOT; the analyzer lowercases anyway.
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`).toLowerCase();
}

/**
 * The full-text query: the escaped text, and every Latin word also as a prefix, so that
 * "pengch" finds Pengcheng through the index's words instead of a CONTAINS over nameEn.
 */
export function luceneQuery(text: string): string {
  const escaped = escapeLucene(text);
  const prefixes = escaped
    .split(/\s+/)
    .filter((word) => /^[a-z0-9]{2,}$/.test(word))
    .map((word) => `${word}*`);
  return [escaped, ...prefixes].join(' ');
}

/**
 * The pinyin key a query would match: sōng shān hú, Song1shan1hu2 → songshanhu. A tone number
 * follows a syllable, which ends in a vowel, n, g or r: the 4 of P4 is part of the name (with it
 * read as a tone, P4 searched as p, and every name whose pinyin starts with p came first).
 */
export function pinyinKey(text: string): string {
  if (/\p{Script=Han}/u.test(text)) return '';
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/ü|u\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .replace(/([aeiouvngr])[1-5]/g, '$1')
    .replace(/[^a-z0-9]/g, '');
}

export interface SearchHitRow {
  entity: EntityRow;
  score: number;
}

/** One index-backed source of candidates, capped at $pool. */
const source = (match: string) => `CALL () { ${match} RETURN e LIMIT $pool } RETURN e, 0.0 AS score`;

/**
 * Two statement shapes: text with Han characters (pinyin has nothing to match) and text
 * without (pinyin is searched too). Each branch names its index's own predicate alone,
 * so the planner seeks it rather than filtering a scan.
 */
export function searchCypher(withPinyin: boolean): string {
  const sources = [
    `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $pool}) YIELD node, score RETURN node AS e, score`,
    source(`MATCH (e:${ENTITY}) WHERE e.name = $text`),
    source(`MATCH (e:${ENTITY}) WHERE e.name STARTS WITH $text`),
    source(`MATCH (e:${ENTITY}) WHERE e.name CONTAINS $text`),
    ...(withPinyin
      ? [
          source(`MATCH (e:${ENTITY}) WHERE e.pinyinKey = $key`),
          source(`MATCH (e:${ENTITY}) WHERE e.pinyinKey STARTS WITH $key`),
          source(`MATCH (e:${ENTITY}) WHERE e.pinyinKey CONTAINS $key`),
        ]
      : []),
  ];
  const pinyin = (op: string) => (withPinyin ? ` OR e.pinyinKey ${op} $key` : '');
  return `CALL () {
       ${sources.join('\n       UNION ALL\n       ')}
     }
     WITH e, max(score) AS fulltext
     WHERE ($kinds IS NULL OR any(k IN labels(e) WHERE k IN $kinds)) AND ${entityInDocs('e')}
     WITH e, fulltext,
       CASE
         WHEN e.name = $text OR $text IN e.aliases OR toLower(e.nameEn) = $lower${pinyin('=')} THEN 101.0
         WHEN e.name STARTS WITH $text OR toLower(e.nameEn) STARTS WITH $lower${pinyin('STARTS WITH')} THEN 21.0
         WHEN e.name CONTAINS $text OR any(a IN e.aliases WHERE a CONTAINS $text) OR toLower(e.nameEn) CONTAINS $lower${pinyin('CONTAINS')} THEN 6.0
         ELSE 0.0
       END AS rule
     WITH e, CASE WHEN rule > fulltext THEN rule ELSE fulltext END AS score
     // Of names that match alike (松山湖: 松山湖科学城, 松山湖实验室), the one the plan links most is the likelier meant.
     ORDER BY score DESC, COUNT { (e)--() } DESC, size(e.name), e.id
     LIMIT $first
     RETURN ${entityProjection('e')} AS e, score`;
}

export async function search(
  executor: Executor,
  text: string,
  kinds: EntityKind[] | null,
  first: number,
  docs: DocumentFilter = null,
): Promise<SearchHitRow[]> {
  const key = pinyinKey(text);
  const rows = await executor.read<{ e: Record<string, unknown>; score: number }>(searchCypher(key !== ''), {
    index: FULLTEXT_INDEX,
    lucene: luceneQuery(text),
    // A kind or document filter drops candidates after they are drawn: draw more so that enough remain.
    pool: Math.min(MAX_POOL, first * (kinds || docs ? 20 : 5)),
    text,
    lower: text.toLowerCase(),
    key,
    kinds,
    first,
    docs,
  });
  return rows.map((r) => ({ entity: decodeEntity(r.e), score: r.score }));
}
