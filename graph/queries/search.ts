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

/**
 * How a hit's name matches the text: the whole of a name, English name, alias or pinyin
 * (EXACT); its start (PREFIX); inside it (INFIX); some of its words only (LOOSE, as
 * "Pengcheng Lab" shares Pengcheng with 鹏城云脑 and Lab with every lab); or spelt within an
 * edit or two of it, where nothing matches better (SIMILAR: shenzen, songshanhuu).
 */
export const SEARCH_MATCHES = ['EXACT', 'PREFIX', 'INFIX', 'LOOSE', 'SIMILAR'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export interface SearchHitRow {
  entity: EntityRow;
  score: number;
  match: SearchMatch;
}

/**
 * The score a name that holds the text ranks with, above any full-text score but an exact name's
 * above a start's above an infix's; a loose hit keeps its full-text score.
 */
const RULE_SCORES = { EXACT: 101, PREFIX: 21, INFIX: 6 } as const satisfies Partial<Record<SearchMatch, number>>;

/** A hit as both search statements return it. */
type Row = { e: Record<string, unknown>; score: number; match: SearchMatch };

/**
 * A misspelt Latin text's full-text query: each word of four letters or more within one edit of
 * a word of a name (two from eight letters), so that shenzen finds Shenzhen.
 */
export function similarQuery(text: string): string {
  // Letters and digits only, lowercased: nothing of Lucene's syntax, and no operator (AND is and).
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4)
    .map((word) => `${word}~${word.length >= 8 ? 2 : 1}`)
    .join(' ');
}

/**
 * The pinyin keys one slip away from a typed key: a letter too many or two letters swapped
 * (songshanhuu, sognshanhu → songshanhu). A missing or wrong letter would need a guess per
 * position and letter; the full-text query's edits cover those for words of a name. Short keys
 * (p4, hu) are left alone: one letter less of them matches half the graph.
 */
export function keySlips(key: string): string[] {
  if (key.length < 5) return [];
  const slips = new Set<string>();
  for (let i = 0; i < key.length; i++) slips.add(key.slice(0, i) + key.slice(i + 1));
  for (let i = 0; i + 1 < key.length; i++) slips.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
  slips.delete(key);
  return [...slips];
}

/**
 * The terms the full-text index (cjk) makes of a text: each run of Han characters as its
 * overlapping pairs (a lone character as itself), each Latin word of two letters or more.
 */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) terms.add(run);
    for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
  }
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) if (word.length >= 2) terms.add(word);
  return [...terms];
}

/** A term's weight: its inverse document frequency among `entities` names, squared, so that one rare term outweighs two common ones. */
export const termWeight = (entities: number, names: number) => Math.log(1 + (entities - names + 0.5) / (names + 0.5)) ** 2;

/**
 * Hits that share only some terms with the text, the ones whose shared terms are rarer first
 * (their order kept where they weigh alike): 鹏城实验室, a lab the plan does not name, shares
 * 鹏城 with 鹏城云脑 alone and 实验/验室 with forty labs. Ranked by the full-text score, whose
 * sum over terms and length norm favour a short name that shares two common terms, a P4 lab came
 * first. `weights` by term (termWeight); a hit holds a term in a name, alias, English name or pinyin.
 */
export function byRareTerms(hits: readonly SearchHitRow[], weights: ReadonlyMap<string, number>): SearchHitRow[] {
  const weight = ({ entity }: SearchHitRow) => {
    const names = [entity.name, ...entity.aliases, entity.nameEn ?? '', entity.pinyin].map((n) => n.toLowerCase());
    let sum = 0;
    for (const [term, w] of weights) if (names.some((n) => n.includes(term))) sum += w;
    return sum;
  };
  return hits
    .map((hit, i) => ({ hit, i, w: weight(hit) }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map(({ hit }) => hit);
}

/** How many names hold each term (up to $pool, from the full-text index) and how many entities there are. */
export const termCountsCypher = () => `MATCH (e:${ENTITY}) WITH count(e) AS entities
     UNWIND $terms AS term
     CALL (term) {
       CALL db.index.fulltext.queryNodes($index, term.query, {limit: $pool}) YIELD node
       RETURN count(node) AS names
     }
     RETURN term.text AS term, names, entities`;

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
  const ruleScores = Object.entries(RULE_SCORES)
    .map(([match, score]) => `WHEN '${match}' THEN ${score.toFixed(1)}`)
    .join(' ');
  return `CALL () {
       ${sources.join('\n       UNION ALL\n       ')}
     }
     WITH e, max(score) AS fulltext
     WHERE ($kinds IS NULL OR any(k IN labels(e) WHERE k IN $kinds)) AND ${entityInDocs('e')}
     WITH e, fulltext,
       CASE
         WHEN e.name = $text OR $text IN e.aliases OR toLower(e.nameEn) = $lower${pinyin('=')} THEN 'EXACT'
         WHEN e.name STARTS WITH $text OR toLower(e.nameEn) STARTS WITH $lower${pinyin('STARTS WITH')} THEN 'PREFIX'
         WHEN e.name CONTAINS $text OR any(a IN e.aliases WHERE a CONTAINS $text) OR toLower(e.nameEn) CONTAINS $lower${pinyin('CONTAINS')} THEN 'INFIX'
         ELSE 'LOOSE'
       END AS match
     WITH e, fulltext, match, CASE match ${ruleScores} ELSE 0.0 END AS rule
     WITH e, match, CASE WHEN rule > fulltext THEN rule ELSE fulltext END AS score
     // Of names that match alike (松山湖: 松山湖科学城, 松山湖实验室), the one the plan links most is the likelier meant.
     ORDER BY score DESC, COUNT { (e)--() } DESC, size(e.name), e.id
     LIMIT $first
     RETURN ${entityProjection('e')} AS e, score, match`;
}

/**
 * Names spelt like a Latin text that no name holds: words within an edit or two through the
 * full-text index, and pinyin keys a slip away (keySlips) through the range index, each
 * slip's candidates capped at the pool. A key equal to a slip ranks above one starting with it.
 */
export function similarCypher(withWords: boolean): string {
  const words = withWords
    ? `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $pool}) YIELD node, score RETURN node AS e, score
       UNION ALL
       `
    : '';
  return `CALL () {
       ${words}UNWIND $slips AS slip
       CALL (slip) { MATCH (e:${ENTITY}) WHERE e.pinyinKey STARTS WITH slip RETURN e LIMIT $pool }
       RETURN e, CASE WHEN e.pinyinKey = slip THEN 5.0 ELSE 4.0 END AS score
     }
     WITH e, max(score) AS score
     WHERE ($kinds IS NULL OR any(k IN labels(e) WHERE k IN $kinds)) AND ${entityInDocs('e')}
     ORDER BY score DESC, COUNT { (e)--() } DESC, size(e.name), e.id
     LIMIT $first
     RETURN ${entityProjection('e')} AS e, score, 'SIMILAR' AS match`;
}

export async function search(
  executor: Executor,
  text: string,
  kinds: EntityKind[] | null,
  first: number,
  docs: DocumentFilter = null,
): Promise<SearchHitRow[]> {
  const key = pinyinKey(text);
  // A kind or document filter drops candidates after they are drawn: draw more so that enough remain.
  const pool = Math.min(MAX_POOL, first * (kinds || docs ? 20 : 5));
  const hits = (rows: Row[]) => rows.map((r) => ({ entity: decodeEntity(r.e), score: r.score, match: r.match }));
  const asked = hits(
    await executor.read<Row>(searchCypher(key !== ''), {
      index: FULLTEXT_INDEX,
      lucene: luceneQuery(text),
      pool,
      text,
      lower: text.toLowerCase(),
      key,
      kinds,
      // Where every hit is loose, a few more: the rarer terms may be shared by one the full-text score ranks lower.
      first: first * LOOSE_REACH,
      docs,
    }),
  );
  const held = asked.slice(0, first).some((h) => h.match !== 'LOOSE');
  const found = held || asked.length === 0 ? asked.slice(0, first) : (await rareTermsFirst(executor, text, asked, pool)).slice(0, first);
  // A Latin text no name holds may be a slip of the keyboard: names spelt like it come before names sharing a word with it.
  const lucene = similarQuery(text);
  const slips = keySlips(key);
  if (key === '' || held || (lucene === '' && slips.length === 0)) return found;
  const similar = hits(
    await executor.read<Row>(similarCypher(lucene !== ''), {
      index: FULLTEXT_INDEX,
      lucene,
      pool,
      slips,
      kinds,
      first,
      docs,
    }),
  );
  const seen = new Set(similar.map((h) => h.entity.id));
  return [...similar, ...found.filter((h) => !seen.has(h.entity.id))].slice(0, first);
}

/** Of the loose hits drawn, how many per hit asked for are ranked by their rarer terms. */
const LOOSE_REACH = 3;

/** `hits`, all loose, ordered by byRareTerms with the text's terms weighed by how many names hold them. */
async function rareTermsFirst(executor: Executor, text: string, hits: SearchHitRow[], pool: number): Promise<SearchHitRow[]> {
  const terms = indexTerms(text);
  if (terms.length < 2) return hits;
  const counts = await executor.read<{ term: string; names: number; entities: number }>(termCountsCypher(), {
    index: FULLTEXT_INDEX,
    pool,
    terms: terms.map((term) => ({ text: term, query: escapeLucene(term) })),
  });
  return byRareTerms(hits, new Map(counts.map((c) => [c.term, termWeight(c.entities, c.names)])));
}
