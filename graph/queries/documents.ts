// Documents and their sections, with the text a reader shows.
import { ENTITY_LABEL } from '../../ingest/model.ts';
import { label } from '../cypher.ts';
import type { Executor } from '../executor.ts';
import { SECTION_FIELDS, SECTION_TEXT, type DocumentRow, type SectionRow } from './rows.ts';

export async function documentsByIds(executor: Executor, ids: readonly string[] | null): Promise<DocumentRow[]> {
  return executor.read<DocumentRow>(
    'MATCH (d:Document) WHERE $ids IS NULL OR d.id IN $ids RETURN d.id AS id, d.title AS title, d.sha256 AS sha256 ORDER BY id',
    { ids: ids ? [...new Set(ids)] : null },
  );
}

/** The normalised text a document was last loaded with, or null when it was never loaded. */
export async function storedText(executor: Executor, id: string): Promise<string | null> {
  const [row] = await executor.read<{ text: string }>('MATCH (d:Document {id: $id}) RETURN d.text AS text', { id });
  return row?.text ?? null;
}

function toSection(row: { s: Omit<SectionRow, 'text'>; text: string }): SectionRow {
  return { ...row.s, parentId: row.s.parentId ?? null, text: row.text };
}

export async function sectionsByIds(executor: Executor, ids: readonly string[]): Promise<SectionRow[]> {
  const rows = await executor.read<{ s: Omit<SectionRow, 'text'>; text: string }>(
    `MATCH (s:Section) WHERE s.id IN $ids
     MATCH (d:Document {id: s.docId})
     RETURN ${SECTION_FIELDS} AS s, ${SECTION_TEXT} AS text`,
    { ids: [...new Set(ids)] },
  );
  return rows.map(toSection);
}

/** The children of sections, and the top-level sections of documents (parent id = document id). */
export async function childSections(executor: Executor, parentIds: readonly string[]): Promise<SectionRow[]> {
  const rows = await executor.read<{ s: Omit<SectionRow, 'text'>; text: string }>(
    `CALL () {
       MATCH (s:Section) WHERE s.parentId IN $ids RETURN s
       UNION
       MATCH (s:Section) WHERE s.docId IN $ids AND s.parentId IS NULL RETURN s
     }
     MATCH (d:Document {id: s.docId})
     // Ordered before the projection: the returned map has no seq, so ordering after it would order nothing.
     WITH s, d ORDER BY s.docId, s.seq
     RETURN ${SECTION_FIELDS} AS s, ${SECTION_TEXT} AS text`,
    { ids: [...new Set(parentIds)] },
  );
  return rows.map(toSection);
}

/** The ids of the documents that name each of the given entities. */
export async function documentIdsOf(executor: Executor, entityIds: readonly string[]): Promise<{ id: string; docs: string[] }[]> {
  return executor.read<{ id: string; docs: string[] }>(`MATCH (e:${label(ENTITY_LABEL)}) WHERE e.id IN $ids RETURN e.id AS id, coalesce(e.docs, []) AS docs`, {
    ids: [...new Set(entityIds)],
  });
}
