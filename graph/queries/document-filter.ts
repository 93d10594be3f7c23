// Views of the graph limited to some documents: an entity is in view when one of the
// documents names it, a relation when one of them states it, and a relation in view
// shows only the evidence those documents give.
import { evidenceList } from '../codec.ts';
import { ProjectionCompiler, entityFieldsOf, type Shape } from './projection.ts';
import type { RelationRow } from './rows.ts';

/** `null`: every document. */
export type DocumentFilter = readonly string[] | null;

/** Cypher: is entity `v` named by one of $docs? */
export const entityInDocs = (v: string) => `($docs IS NULL OR any(d IN ${v}.docs WHERE d IN $docs))`;

/** Cypher: does one of $docs state relationship `r`? */
export const relationInDocs = (r: string) => `($docs IS NULL OR any(d IN ${r}.${evidenceList('docId')} WHERE d IN $docs))`;

/** The relation with the evidence of the filter's documents only; null when none of them states it. */
export function restrictEvidence(relation: RelationRow, docs: DocumentFilter): RelationRow | null {
  if (docs === null) return relation;
  const evidence = relation.evidence.filter((e) => docs.includes(e.docId));
  return evidence.length > 0 ? { ...relation, evidence } : null;
}

/** Relations restricted to the filter's documents, those no document of it states left out. */
export function restrictAll(relations: RelationRow[], docs: DocumentFilter): RelationRow[] {
  return relations.map((r) => restrictEvidence(r, docs)).filter((r): r is RelationRow => r !== null);
}

/**
 * A relation's selection with its evidence left to the resolvers: folded evidence is read
 * by position from the stored list, so it would show every document's; a filtered request
 * reads the evidence restrictEvidence kept instead (its sections and documents by loader).
 */
export function evidenceUnfolded(shape: Shape): Shape {
  return { ...shape, fields: shape.fields.filter((f) => f.field !== 'evidence') };
}

/**
 * The compiler of a statement that reads what a request selected (`roots`: each root type
 * with its selection; null when no selection is known, and everything is read). Under a
 * document filter a relation is kept by its evidence, so its evidence is read whole.
 */
export function filteredCompiler(docs: DocumentFilter, roots: readonly (readonly [type: string, shape: Shape])[] | null): ProjectionCompiler {
  return new ProjectionCompiler({
    evidence: docs === null && roots ? 'selected' : 'all',
    entities: roots ? entityFieldsOf(roots) : 'all',
  });
}
