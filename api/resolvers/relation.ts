// Relations and everything that cites the plan: evidence, mentions, and the
// shapes built from relations (neighbours, path hops, cluster platforms, city links).
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityPart, EvidenceRow, RelationRow } from '../../graph/queries/rows.ts';
import { CURATED_METHODS, namesForFact } from '../../ingest/types.ts';
import type { Context } from '../context.ts';
import { folded, foldedOr } from '../fold.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { entityObject, resolveEntity, type EntityObject } from './entity.ts';

/** A neighbour as the entity resolvers pass it on: folded with its entity, or loaded with the entity's id. */
export interface NeighborParent {
  relation: RelationRow;
  entity: string | EntityObject;
  direction: 'OUT' | 'IN';
}

type NoArgs = Record<PropertyKey, never>;

/** Evidence as its resolvers get it: with the ids of the relation's two ends, whose names its marks find. */
export type CitedEvidence = EvidenceRow & { ends: readonly [string, string] };

/** A span of a quote that names one end, as QuoteMark's resolvers get it. */
export interface QuoteMarkRow {
  entity: string;
  start: number;
  end: number;
}

/** A relation's evidence, each with the relation's ends. */
export const citing = (relation: RelationRow, evidence: EvidenceRow[]): CitedEvidence[] =>
  evidence.map((e) => ({ ...e, ends: [relation.from, relation.to] as const }));

/** What stands between a lead and its sentence in a quote (ingest/pipeline.ts writes it). */
const LEAD_GAP = '……'.length;

/**
 * Where the quote names the relation's ends: each end's mentions within its sentence, and within
 * the lead quoted before it (新能源产业集群。……, which names the topic the sentence stands under),
 * as offsets into the quote, in the order they stand. A name inside one already marked (中山 in
 * 中山翠亨新区) is not marked again.
 */
async function marksOf(e: CitedEvidence, { loaders }: Context) {
  // A curated fact's quote is marked where it names the ends as the pipeline cited it by.
  const counts = CURATED_METHODS.includes(e.method) ? namesForFact : () => true;
  const sentenceAt = e.quote.length - (e.end - e.start);
  /** The parts of the document the quote holds, and where each begins in the quote. */
  const parts = [{ start: e.start, end: e.end, at: sentenceAt }];
  if (e.leadStart !== null) parts.push({ start: e.leadStart, end: e.leadStart + sentenceAt - LEAD_GAP, at: 0 });
  const spans = await Promise.all(e.ends.map(async (entity) => ({ entity, spans: await loaders.mentionSpans.load(entity) })));
  const found = spans
    .flatMap(({ entity, spans }) =>
      spans.flatMap((m) => {
        const part = m.docId === e.docId && m.end > m.start && counts(m) ? parts.find((p) => m.start >= p.start && m.end <= p.end) : undefined;
        return part ? [{ entity, start: part.at + m.start - part.start, end: part.at + m.end - part.start }] : [];
      }),
    )
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: QuoteMarkRow[] = [];
  for (const mark of found) if (mark.start >= (marks.at(-1)?.end ?? 0)) marks.push(mark);
  return marks;
}

/** An entity field: folded, or loaded by id. */
function entityOr<T>(id: (parent: T) => string | EntityObject) {
  return (parent: T, args: NoArgs, context: Context, info: GraphQLResolveInfo) => {
    const done = folded(parent, args, info);
    if (done) return entityObject(done.value as EntityPart);
    return resolveEntity(id(parent), context);
  };
}

export async function sectionOf(id: string, { loaders }: Context) {
  const row = await loaders.section.load(id);
  if (!row) throw new Error(`section ${id} vanished during the request`);
  return row;
}

export async function documentOf(docId: string, { loaders }: Context) {
  const row = await loaders.document.load(docId);
  if (!row) throw new Error(`document ${docId} vanished during the request`);
  return row;
}

const endpoints = {
  from: entityOr((o: { from: string | EntityObject }) => o.from),
  to: entityOr((o: { to: string | EntityObject }) => o.to),
};

export const relationResolvers = {
  Relation: {
    ...endpoints,
    evidence: async (r, args, context, info) => citing(r, await foldedOr((row: RelationRow) => row.evidence)(r, args, context, info)),
    cited: (r) => r.evidence.some((e) => !CURATED_METHODS.includes(e.method)),
    confidence: (r) => Math.max(0, ...r.evidence.map((e) => e.confidence)),
  },
  Evidence: {
    section: foldedOr((e, context) => sectionOf(e.sectionId, context)),
    document: foldedOr((e, context) => documentOf(e.docId, context)),
    marks: (e, _, context) => marksOf(e, context),
  },
  QuoteMark: {
    entity: (m, _, context) => resolveEntity(m.entity, context),
  },
  Mention: {
    section: foldedOr((m, context) => sectionOf(m.sectionId, context)),
    document: foldedOr((m, context) => documentOf(m.docId, context)),
  },
  Neighbor: {
    relation: foldedOr((n: NeighborParent) => n.relation),
    entity: entityOr((n: NeighborParent) => n.entity),
  },
  Hop: endpoints,
  // platformsForCluster and placesForCluster read their entities in their own statements.
  ClusterPlatform: {
    platform: (p) => entityObject(p.platform),
    through: (p) => (p.through ? entityObject(p.through) : null),
  },
  ClusterPlace: {
    place: (p) => entityObject(p.place),
    through: (p) => (p.through ? entityObject(p.through) : null),
  },
  PlatformRoute: {
    through: (p) => (p.through ? entityObject(p.through) : null),
  },
  CityProfile: {
    city: (c, _, context) => resolveEntity(c.city, context),
  },
  CityLink: {
    local: (l, _, context) => resolveEntity(l.local, context),
    other: (l, _, context) => resolveEntity(l.other, context),
  },
} satisfies Resolvers;
