// What the plan places in a city, and how the city and what is in it link to
// other cities, zones and corridors.
import { ENTITY, decodeRelation, relationProjection } from '../codec.ts';
import { REGION_KINDS } from '../../ingest/model.ts';
import { anyKind, label } from '../cypher.ts';
import type { Executor } from '../executor.ts';
import { relationInDocs, restrictEvidence, type DocumentFilter } from './document-filter.ts';
import type { RelationRow } from './rows.ts';

/** A link from the city, or from something in it, to another place: entities by id. */
export interface CityLinkRow {
  local: string;
  other: string;
  relation: RelationRow;
}

export interface CityProfileRow {
  city: string;
  /** ids of what is located in the city */
  placed: string[];
  links: CityLinkRow[];
}

/** A city by id, by name or by alias (深圳, 深圳市, shenzhen). */
export async function cityProfile(executor: Executor, city: string, docs: DocumentFilter = null): Promise<CityProfileRow | null> {
  const [row] = await executor.read<{ city: string; placed: string[]; links: { local: string; other: string; relation: Record<string, unknown> }[] }>(
    `MATCH (c:${label('City')}) WHERE c.id = $city OR c.name = $city OR $city IN c.aliases OR toLower(c.nameEn) = toLower($city)
     WITH c LIMIT 1
     CALL (c) {
       OPTIONAL MATCH (e:${ENTITY})-[l:LOCATED_IN]->(c) WHERE ${relationInDocs('l')}
       WITH e ORDER BY e.name
       RETURN collect(e.id) AS placed, collect(e) AS inside
     }
     CALL (c, inside) {
       UNWIND [c] + inside AS local
       MATCH (local)-[r]-(o:${ENTITY})
       WHERE ${anyKind('o', REGION_KINDS)} AND o <> c AND NOT o IN inside AND type(r) <> 'MENTIONED_IN' AND ${relationInDocs('r')}
       RETURN collect({local: local.id, other: o.id, relation: ${relationProjection('r')}}) AS links
     }
     RETURN c.id AS city, placed, links`,
    { city, docs },
  );
  if (!row) return null;
  // Every link here passed relationInDocs: one of the documents states it.
  const links = row.links.map((l) => ({ local: l.local, other: l.other, relation: restrictEvidence(decodeRelation(l.relation), docs)! }));
  return { city: row.city, placed: row.placed, links };
}
