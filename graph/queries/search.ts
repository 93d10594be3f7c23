// Search over names in every spelling a reader may type: Chinese through the CJK
// full-text index, English and aliases, and pinyin with or without tones and spaces
// (songshanhu, song shan hu, sōngshānhú). Exact names rank first; a one-character
// query still finds names that contain it.
import type { EntityKind } from '../../ingest/model.ts';
import { ENTITY, decodeEntity, entityProjection, type EntityRow } from '../codec.ts';
import type { Executor } from '../executor.ts';
import { FULLTEXT_INDEX } from '../schema.ts';
import { entityInDocs, type DocumentFilter } from './document-filter.ts';

/** Lucene's query syntax characters, escaped so that user text is only ever text. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  // Lowercasing defuses the operators AND, OR and NOT; the analyzer lowercases anyway.
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`).toLowerCase();
}

/** The pinyin key a query would match: sōng shān hú, Song1shan1hu2 → songshanhu. */
export function pinyinKey(text: string): string {
  if (/\p{Script=Han}/u.test(text)) return '';
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/ü|u\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z])[1-5]/g, '$1')
    .replace(/[^a-z0-9]/g, '');
}

export interface SearchHitRow {
  entity: EntityRow;
  score: number;
}

export async function search(executor: Executor, text: string, kinds: EntityKind[] | null, first: number, docs: DocumentFilter = null): Promise<SearchHitRow[]> {
  const lucene = escapeLucene(text);
  const rows = await executor.read<{ e: Record<string, unknown>; score: number }>(
    `CALL () {
       CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $pool}) YIELD node, score
       RETURN node AS e, score
       UNION
       MATCH (e:${ENTITY})
       WHERE e.name CONTAINS $text
          OR any(a IN e.aliases WHERE a CONTAINS $text)
          OR toLower(e.nameEn) CONTAINS $lower
          OR ($key <> '' AND e.pinyinKey CONTAINS $key)
       RETURN e, 1.0 +
         CASE
           WHEN e.name = $text OR $text IN e.aliases OR toLower(e.nameEn) = $lower OR ($key <> '' AND e.pinyinKey = $key) THEN 100.0
           WHEN e.name STARTS WITH $text OR toLower(e.nameEn) STARTS WITH $lower OR ($key <> '' AND e.pinyinKey STARTS WITH $key) THEN 20.0
           ELSE 5.0
         END AS score
     }
     WITH e, max(score) AS score
     WHERE ($kinds IS NULL OR any(k IN labels(e) WHERE k IN $kinds)) AND ${entityInDocs('e')}
     RETURN ${entityProjection('e')} AS e, score
     ORDER BY score DESC, size(e.name), e.id
     LIMIT $first`,
    { index: FULLTEXT_INDEX, lucene, pool: first * 5, text, lower: text.toLowerCase(), key: pinyinKey(text), kinds, first, docs },
  );
  return rows.map((r) => ({ entity: decodeEntity(r.e), score: r.score }));
}
