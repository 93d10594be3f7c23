// The row shapes read queries return. Entities, mentions and relations are stored
// and read back through graph/codec.ts; sections and documents are read here.
import type { DocumentInfo, Evidence, GraphEdge, Mention, Section } from '../../ingest/types.ts';

export type { EntityPart, EntityRow, MentionSpan } from '../codec.ts';

/** A relation as read back: every citation with its sentence, as the pipeline made it. */
export type RelationRow = GraphEdge;

/** One citation of a relation: the sentence, where it stands, the rule that read it. */
export type EvidenceRow = Evidence;

/** A section with its text (cut from the document for anything longer than a sentence). */
export type SectionRow = Section & { text: string };

export type DocumentRow = Omit<DocumentInfo, 'text'>;

/** A mention with the entity it belongs to, as read for many entities at once. */
export type MentionRow = Mention & { entityId: string };

/** Where the text of a section comes from: sentences carry theirs, longer sections are cut from the document. */
export const SECTION_TEXT = `coalesce(s.text, substring(d.text, toInteger(s.start), toInteger(s.end - s.start)))`;
export const SECTION_FIELDS = 's {.id, .docId, .parentId, .kind, .path, .title, .ordinal, .start, .end, .line, .column}';
