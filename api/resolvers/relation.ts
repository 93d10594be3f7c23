// Relations and everything that cites the plan: evidence, mentions, and the
// shapes built from relations (neighbours, path hops, cluster platforms, city links).
import type { GraphQLResolveInfo } from 'graphql';
import type { DocumentRow, EntityRow, MentionRow, RelationRow, SectionRow } from '../../graph/queries/rows.ts';
import { CURATED_METHODS, type Evidence } from '../../ingest/types.ts';
import type { Context } from '../context.ts';
import { folded } from '../fold.ts';
import { entityObject, resolveEntity, type EntityObject } from './entity.ts';

type NoArgs = Record<string, never>;

/** A field of a citing object (evidence, mention) that a folding query may already have read. */
function foldedOr<T>(load: (parent: T, context: Context) => unknown) {
  return (parent: T, args: NoArgs, context: Context, info: GraphQLResolveInfo) => {
    const done = folded(parent, args, info);
    return done ? done.value : load(parent, context);
  };
}

/** An entity field: folded, or loaded by id. */
function entityOr<T>(id: (parent: T) => string | EntityObject | null) {
  return (parent: T, args: NoArgs, context: Context, info: GraphQLResolveInfo) => {
    const done = folded(parent, args, info);
    if (done) return entityObject(done.value as EntityRow);
    const ref = id(parent);
    return ref ? resolveEntity(ref, context) : null;
  };
}

async function section(id: string, { loaders }: Context) {
  const row = await loaders.section.load(id);
  if (!row) throw new Error(`section ${id} vanished during the request`);
  return row;
}

async function documentOf(docId: string, { loaders }: Context) {
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
    evidence: foldedOr((r: RelationRow) => r.evidence),
    cited: (r: RelationRow) => r.evidence.some((e) => !CURATED_METHODS.includes(e.method)),
    confidence: (r: RelationRow) => Math.max(0, ...r.evidence.map((e) => e.confidence)),
  },
  Evidence: {
    section: foldedOr((e: Evidence, context): Promise<SectionRow> => section(e.sectionId, context)),
    document: foldedOr((e: Evidence, context): Promise<DocumentRow> => documentOf(e.docId, context)),
  },
  Mention: {
    section: foldedOr((m: MentionRow, context) => section(m.sectionId, context)),
    document: foldedOr((m: MentionRow, context) => documentOf(m.docId, context)),
  },
  Neighbor: {
    relation: foldedOr((n: { relation: RelationRow }) => n.relation),
    entity: entityOr((n: { entity: string | EntityObject }) => n.entity),
  },
  Hop: endpoints,
  // platformsForCluster reads its entities in its own statement.
  ClusterPlatform: {
    platform: (p: { platform: EntityRow }) => entityObject(p.platform),
    through: (p: { through: EntityRow | null }) => (p.through ? entityObject(p.through) : null),
  },
  PlatformRoute: {
    through: (p: { through: EntityRow | null }) => (p.through ? entityObject(p.through) : null),
  },
  CityProfile: {
    city: (c: { city: string }, _: unknown, context: Context) => resolveEntity(c.city, context),
  },
  CityLink: {
    local: (l: { local: string }, _: unknown, context: Context) => resolveEntity(l.local, context),
    other: (l: { other: string }, _: unknown, context: Context) => resolveEntity(l.other, context),
  },
};
