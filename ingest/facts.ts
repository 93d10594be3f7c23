// What one document states, reduced to what a reader compares between editions:
// the entities it names and the relations it gives evidence for, each with its
// sentences. The same shape is read back from the database (graph/queries/compare.ts),
// so a new edition can be compared with the stored one before it replaces it.
import type { EntityKind, RelationType } from './model.ts';
import type { Graph } from './types.ts';

export interface EntityFact {
  id: string;
  kind: EntityKind;
  name: string;
  /** the sentences of the document that name it, in document order */
  quotes: string[];
}

export interface RelationFact {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** the sentences of the document that state it, in document order */
  quotes: string[];
}

export interface DocumentFacts {
  entities: EntityFact[];
  relations: RelationFact[];
}

export interface FactsDiff {
  added: DocumentFacts;
  dropped: DocumentFacts;
}

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
const unique = (quotes: string[]) => [...new Set(quotes)];

/** The facts `docId` contributes to an ingested graph. */
export function factsOf(graph: Graph, docId: string): DocumentFacts {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const entities = graph.nodes
    .filter((n) => n.mentions.length === 0 || n.mentions.some((m) => m.docId === docId))
    .map((n) => ({ id: n.id, kind: n.kind, name: n.name, quotes: unique(n.mentions.filter((m) => m.docId === docId).map((m) => m.quote)) }));
  const relations = graph.edges
    .filter((e) => e.evidence.some((ev) => ev.docId === docId))
    .map((e) => ({
      id: e.id,
      type: e.type,
      from: e.from,
      to: e.to,
      fromName: names.get(e.from) ?? e.from,
      toName: names.get(e.to) ?? e.to,
      quotes: unique(e.evidence.filter((ev) => ev.docId === docId).map((ev) => ev.quote)),
    }));
  return { entities: entities.sort(byId), relations: relations.sort(byId) };
}

function minus<T extends { id: string }>(items: T[], other: T[]): T[] {
  const ids = new Set(other.map((item) => item.id));
  return items.filter((item) => !ids.has(item.id));
}

/** What `after` adds to `before` and what it drops, by entity and relation id. */
export function diffFacts(before: DocumentFacts, after: DocumentFacts): FactsDiff {
  return {
    added: { entities: minus(after.entities, before.entities), relations: minus(after.relations, before.relations) },
    dropped: { entities: minus(before.entities, after.entities), relations: minus(before.relations, after.relations) },
  };
}

/** The diff as a reader scans it: + added, - dropped, each with the sentence that names or states it. */
export function formatDiff(docId: string, diff: FactsDiff): string {
  const { added, dropped } = diff;
  const lines = [
    `${docId}: the new edition adds ${added.entities.length} entities and ${added.relations.length} relations, drops ${dropped.entities.length} entities and ${dropped.relations.length} relations`,
  ];
  const quote = (quotes: string[]) => (quotes[0] ? [`    「${quotes[0]}」`] : []);
  for (const [sign, facts] of [
    ['+', added],
    ['-', dropped],
  ] as const) {
    for (const e of facts.entities) lines.push(`${sign} entity   ${e.kind} ${e.name} (${e.id})`, ...quote(e.quotes));
    for (const r of facts.relations) lines.push(`${sign} relation ${r.type} ${r.fromName} → ${r.toName}`, ...quote(r.quotes));
  }
  return lines.join('\n');
}
