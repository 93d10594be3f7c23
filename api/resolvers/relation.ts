// Relations and everything that cites the plan: evidence, mentions, and the
// shapes built from relations (neighbours, path hops, cluster platforms, city links).
import type { MentionRow, RelationRow } from '../../graph/queries/rows.ts';
import { CURATED_METHODS, type Evidence } from '../../ingest/types.ts';
import type { Context } from '../context.ts';
import { resolveEntity, type EntityObject } from './entity.ts';


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
  from: (o: { from: string | EntityObject }, _: unknown, context: Context) => resolveEntity(o.from, context),
  to: (o: { to: string | EntityObject }, _: unknown, context: Context) => resolveEntity(o.to, context),
};

export const relationResolvers = {
  Relation: {
    ...endpoints,
    cited: (r: RelationRow) => r.evidence.some((e) => !CURATED_METHODS.includes(e.method)),
    confidence: (r: RelationRow) => Math.max(0, ...r.evidence.map((e) => e.confidence)),
  },
  Evidence: {
    section: (e: Evidence, _: unknown, context: Context) => section(e.sectionId, context),
    document: (e: Evidence, _: unknown, context: Context) => documentOf(e.docId, context),
  },
  Mention: {
    section: (m: MentionRow, _: unknown, context: Context) => section(m.sectionId, context),
    document: (m: MentionRow, _: unknown, context: Context) => documentOf(m.docId, context),
  },
  Neighbor: {
    entity: (n: { entity: string }, _: unknown, context: Context) => resolveEntity(n.entity, context),
  },
  Hop: endpoints,
  ClusterPlatform: {
    platform: (p: { platform: string }, _: unknown, context: Context) => resolveEntity(p.platform, context),
    through: (p: { through: string | null }, _: unknown, context: Context) => (p.through ? resolveEntity(p.through, context) : null),
  },
  PlatformRoute: {
    through: (p: { through: string | null }, _: unknown, context: Context) => (p.through ? resolveEntity(p.through, context) : null),
  },
  CityProfile: {
    city: (c: { city: string }, _: unknown, context: Context) => resolveEntity(c.city, context),
  },
  CityLink: {
    local: (l: { local: string }, _: unknown, context: Context) => resolveEntity(l.local, context),
    other: (l: { other: string }, _: unknown, context: Context) => resolveEntity(l.other, context),
  },
};
