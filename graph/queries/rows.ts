// The row shapes read queries return, and the Cypher projections that produce
// them: one definition, used by every query in graph/queries/.
import { ENTITY_LABEL, type EntityKind, type RelationType } from '../../ingest/model.ts';
import type { DocumentInfo, Evidence, GraphEdge, GraphNode, Mention, NodeSource, PropValue, Section } from '../../ingest/types.ts';

/** An entity as read back: the ingest node without its mentions (those load separately). */
export type EntityRow = Omit<GraphNode, 'mentions'>;

/** Evidence as stored on a relationship: the quote is the text of the cited section. */
export type EvidenceRow = Omit<Evidence, 'quote'>;

export type RelationRow = Omit<GraphEdge, 'evidence'> & { evidence: EvidenceRow[] };

/** A section with its text (cut from the document for anything longer than a sentence). */
export type SectionRow = Section & { text: string };

export type DocumentRow = Omit<DocumentInfo, 'text'>;

/** A mention with the entity it belongs to, as read for many entities at once. */
export type MentionRow = Mention & { entityId: string };

/** Cypher that returns an entity node `v` as the raw map toEntity() reads. */
export function entityProjection(v: string): string {
  return `${v} {.*, kind: [l IN labels(${v}) WHERE l <> '${ENTITY_LABEL}'][0]}`;
}

/** Cypher that returns a relationship `r` as the raw map toRelation() reads. */
export function relationProjection(r: string): string {
  return `{id: ${r}.id, type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id,
    docs: ${r}.evidenceDocs, sections: ${r}.evidenceSections, starts: ${r}.evidenceStarts, ends: ${r}.evidenceEnds,
    methods: ${r}.evidenceMethods, confidences: ${r}.evidenceConfidences}`;
}

const OWN = new Set(['id', 'kind', 'name', 'nameEn', 'aliases', 'pinyin', 'pinyinKey', 'city', 'source', 'confidence', 'propKeys', 'docs']);

export function toEntity(raw: Record<string, unknown>): EntityRow {
  const props: Record<string, PropValue> = {};
  for (const [key, value] of Object.entries(raw)) if (!OWN.has(key)) props[key] = value as PropValue;
  return {
    id: raw.id as string,
    kind: raw.kind as EntityKind,
    name: raw.name as string,
    nameEn: (raw.nameEn as string | undefined) ?? null,
    aliases: (raw.aliases as string[] | undefined) ?? [],
    pinyin: (raw.pinyin as string | undefined) ?? '',
    city: (raw.city as string | undefined) ?? null,
    source: raw.source as NodeSource,
    confidence: (raw.confidence as number | undefined) ?? 1,
    props,
  };
}

export function toRelation(raw: Record<string, unknown>): RelationRow {
  const docs = (raw.docs as string[] | null) ?? [];
  const at = <T>(field: string, i: number) => (raw[field] as T[])[i]!;
  return {
    id: raw.id as string,
    type: raw.type as RelationType,
    from: raw.from as string,
    to: raw.to as string,
    evidence: docs.map((docId, i) => ({
      docId,
      sectionId: at<string>('sections', i),
      start: at<number>('starts', i),
      end: at<number>('ends', i),
      method: at<string>('methods', i),
      confidence: at<number>('confidences', i),
    })),
  };
}

/** Where the text of a section comes from: sentences carry theirs, longer sections are cut from the document. */
export const SECTION_TEXT = `coalesce(s.text, substring(d.text, toInteger(s.start), toInteger(s.end - s.start)))`;
export const SECTION_FIELDS = 's {.id, .docId, .parentId, .kind, .path, .title, .ordinal, .start, .end, .line, .column}';
