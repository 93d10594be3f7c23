// Root fields: validate arguments against LIMITS, call one query in graph/queries,
// hand the rows to the type resolvers.
import { KINDS, RELATION_TYPE_NAMES, type EntityKind, type RelationType } from '../../ingest/model.ts';
import { cityProfile, type CityLinkRow } from '../../graph/queries/city-profile.ts';
import { compareDocuments } from '../../graph/queries/compare.ts';
import { documentsByIds } from '../../graph/queries/documents.ts';
import { entityWith, listEntities } from '../../graph/queries/entities.ts';
import { indicators } from '../../graph/queries/indicators.ts';
import { neighborhood } from '../../graph/queries/neighborhood.ts';
import { paths } from '../../graph/queries/paths.ts';
import { placesForCluster, platformsForCluster, type PlaceVia } from '../../graph/queries/platforms.ts';
import { relationById } from '../../graph/queries/relation.ts';
import type { EntityPart, EntityRow } from '../../graph/queries/rows.ts';
import { isWholeEntity } from '../../graph/codec.ts';
import { search } from '../../graph/queries/search.ts';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import { fieldsOf, selectionShape, shapeOf } from '../fold.ts';
import { badInput, notFound } from '../errors.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { LIMITS, listWithin, searchText, within } from '../limits.ts';
import { entityObject, type EntityObject } from './entity.ts';
import { citing } from './relation.ts';

/** A city profile as CityProfile's resolvers receive it: the city by id, what it holds grouped by kind. */
export interface CityProfileParent {
  city: string;
  groups: { kind: EntityKind; entities: EntityObject[] }[];
  links: CityLinkRow[];
}

const cursorOf = (id: string) => Buffer.from(`entity:${id}`).toString('base64url');

function idFromCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('entity:')) throw badInput('after is not a cursor this API issued', 'after');
  return decoded.slice('entity:'.length);
}

async function requireEntities(context: Context, ids: string[], kind?: EntityKind) {
  const rows = await context.loaders.entity.loadMany(ids);
  ids.forEach((id, i) => {
    const row = rows[i];
    if (!row || row instanceof Error || (kind && row.kind !== kind)) throw notFound(kind ?? 'entity', id);
  });
}

/** The nodes of one field under the given ones, under any alias and through fragments. */
function childFields(nodes: readonly FieldNode[], field: string, info: GraphQLResolveInfo): FieldNode[] {
  return nodes.flatMap((n) => fieldsOf(n.selectionSet, info)).filter((n) => n.name.value === field);
}

/** What the client selected under one field of the Subgraph (nodes or edges). */
function subgraphShape(info: GraphQLResolveInfo, field: string, type: string) {
  return shapeOf(childFields(info.fieldNodes, field, info), type, info);
}

const types = (list: RelationType[] | null | undefined) => (list && list.length > 0 ? list : RELATION_TYPE_NAMES);

/** The `documents` filter: null (every document) when absent, else stored documents only. */
export async function documentFilter(context: Context, ids: string[] | null | undefined): Promise<string[] | null> {
  if (!ids) return null;
  const docs = listWithin('documents', ids, LIMITS.documents);
  const rows = await context.loaders.document.loadMany(docs);
  docs.forEach((id, i) => {
    const row = rows[i];
    if (!row || row instanceof Error) throw notFound('document', id);
  });
  return docs;
}

/** Entities a root query already read whole need no second trip when a relation's ends are resolved. */
function known<T extends EntityPart>(context: Context, rows: T[]): T[] {
  for (const row of rows) if (isWholeEntity(row)) context.loaders.entity.prime(row.id, row);
  return rows;
}

export const queryResolvers = {
  Query: {
    search: async (_, args, context) => {
      const docs = await documentFilter(context, args.documents);
      const hits = await search(
        context.executor,
        searchText(args.text),
        args.kinds?.length ? args.kinds : null,
        within('first', args.first, 1, LIMITS.searchFirst),
        docs,
      );
      known(
        context,
        hits.map((h) => h.entity),
      );
      return hits.map((h) => ({ entity: entityObject(h.entity), score: h.score, match: h.match }));
    },

    entity: async (_, { id }, context, info) => {
      const row = await entityWith(context.executor, id, selectionShape(info, 'Entity'));
      return row ? entityObject(row) : null;
    },

    relation: (_, { id }, { executor }) => relationById(executor, id),

    entities: async (_, args, context) => {
      const page = await listEntities(context.executor, {
        kind: args.kind ?? null,
        city: args.city ?? null,
        first: within('first', args.first, 1, LIMITS.entitiesFirst),
        afterId: args.after ? idFromCursor(args.after) : null,
      });
      const edges = known(context, page.rows).map((row) => ({ cursor: cursorOf(row.id), node: entityObject(row) }));
      return { edges, totalCount: page.total, pageInfo: { hasNextPage: page.hasNext, endCursor: edges.at(-1)?.cursor ?? null } };
    },

    neighborhood: async (_, args, context, info) => {
      const ids = listWithin('ids', args.ids, LIMITS.ids);
      const among = args.among?.length ? listWithin('among', args.among, LIMITS.among) : null;
      const depth = within('depth', args.depth, 1, LIMITS.depth);
      const limit = within('limit', args.limit, 1, LIMITS.nodes);
      // A filtered request checks its entities before its documents, as it always has (an unknown
      // entity is the error named first); an unfiltered one checks them inside its single statement.
      if (args.documents) await requireEntities(context, ids);
      const docs = await documentFilter(context, args.documents);
      const shape = { nodes: subgraphShape(info, 'nodes', 'Entity'), edges: subgraphShape(info, 'edges', 'Relation') };
      const rows = await neighborhood(context.executor, {
        ids,
        depth,
        kinds: args.kinds?.length ? args.kinds : null,
        types: types(args.relationTypes),
        limit,
        docs,
        shape,
        among,
      });
      if (rows.missing.length > 0) throw notFound('entity', rows.missing[0]!);
      return { nodes: known(context, rows.nodes).map(entityObject), edges: rows.edges, truncated: rows.truncated };
    },

    paths: async (_, args, context, info) => {
      const maxHops = within('maxHops', args.maxHops, 1, LIMITS.maxHops);
      const limit = within('limit', args.limit, 1, LIMITS.paths);
      if (args.from === args.to) throw badInput('from and to must be different entities', 'to');
      if (args.documents) await requireEntities(context, [args.from, args.to]);
      const docs = await documentFilter(context, args.documents);
      const hops = childFields(info.fieldNodes, 'hops', info);
      const shape = {
        ends: shapeOf(childFields(hops, 'from', info).concat(childFields(hops, 'to', info)), 'Entity', info),
        relation: shapeOf(childFields(hops, 'relation', info), 'Relation', info),
      };
      const found = await paths(context.executor, {
        from: args.from,
        to: args.to,
        maxHops,
        limit,
        types: types(args.relationTypes),
        onlyCited: args.onlyCited,
        docs,
        shape,
      });
      if (found.missing.length > 0) throw notFound('entity', found.missing[0]!);
      return found.paths.map((p) => ({
        length: p.relations.length,
        hops: p.relations.map((relation, i) => ({ from: entityObject(p.nodes[i]!), to: entityObject(p.nodes[i + 1]!), relation })),
      }));
    },

    platformsForCluster: async (_, { cluster, via, documents }, context, info) => {
      // A filtered request checks its cluster before its documents, as it always has; an unfiltered one checks it inside its single statement.
      if (documents) await requireEntities(context, [cluster], 'IndustryCluster');
      const docs = await documentFilter(context, documents);
      const routes = childFields(info.fieldNodes, 'routes', info);
      const shape = {
        platform: shapeOf(childFields(info.fieldNodes, 'platform', info), 'Entity', info),
        through: shapeOf(childFields(info.fieldNodes, 'through', info).concat(childFields(routes, 'through', info)), 'Entity', info),
        relations: shapeOf(childFields(info.fieldNodes, 'relations', info).concat(childFields(routes, 'relations', info)), 'Relation', info),
      };
      const found = await platformsForCluster(context.executor, { cluster, via: via ?? null, docs, shape });
      if (!found.found) throw notFound('IndustryCluster', cluster);
      return found.rows;
    },

    placesForCluster: async (_, { cluster, via, documents }, context, info) => {
      if (documents) await requireEntities(context, [cluster], 'IndustryCluster');
      const docs = await documentFilter(context, documents);
      const shape = {
        place: shapeOf(childFields(info.fieldNodes, 'place', info), 'Entity', info),
        through: shapeOf(childFields(info.fieldNodes, 'through', info), 'Entity', info),
        relations: shapeOf(childFields(info.fieldNodes, 'relations', info), 'Relation', info),
      };
      // A program's places are not named: asking for that route alone finds none.
      const routes = via ? via.filter((v): v is PlaceVia => v !== 'PROGRAM') : null;
      const found = await placesForCluster(context.executor, { cluster, via: routes, docs, shape });
      if (!found.found) throw notFound('IndustryCluster', cluster);
      return found.rows;
    },

    cityProfile: async (_, { city, documents }, context) => {
      const profile = await cityProfile(context.executor, city, await documentFilter(context, documents));
      if (!profile) throw notFound('city', city);
      const loaded = await context.loaders.entity.loadMany(profile.placed);
      const placed = loaded.filter((e): e is EntityRow => e !== null && !(e instanceof Error));
      const groups = KINDS.map((kind) => ({ kind, entities: placed.filter((e) => e.kind === kind).map(entityObject) })).filter((g) => g.entities.length > 0);
      return { city: profile.city, groups, links: profile.links };
    },

    indicators: async (_, __, context) => known(context, await indicators(context.executor)).map(entityObject),

    documents: (_, __, { executor }) => documentsByIds(executor, null),

    compareDocuments: async (_, { a, b }, context) => {
      const [docA, docB] = await Promise.all([context.loaders.document.load(a), context.loaders.document.load(b)]);
      if (!docA) throw notFound('document', a);
      if (!docB) throw notFound('document', b);
      const rows = await compareDocuments(context.executor, a, b);
      known(
        context,
        rows.entities.map((e) => e.item),
      );
      const split = <T, U>(items: { item: T; inA: boolean; inB: boolean }[], view: (item: T) => U) => ({
        onlyA: items.filter((i) => i.inA && !i.inB).map((i) => view(i.item)),
        onlyB: items.filter((i) => i.inB && !i.inA).map((i) => view(i.item)),
        both: items.filter((i) => i.inA && i.inB).map((i) => view(i.item)),
      });
      return {
        a: docA,
        b: docB,
        entities: split(rows.entities, (entity) => ({ entity: entityObject(entity), a, b })),
        relations: split(rows.relations, (relation) => ({
          relation,
          evidenceA: citing(
            relation,
            relation.evidence.filter((e) => e.docId === a),
          ),
          evidenceB: citing(
            relation,
            relation.evidence.filter((e) => e.docId === b),
          ),
        })),
      };
    },

    document: (_, { id }, { loaders }) => loaders.document.load(id),

    section: (_, { id }, { loaders }) => loaders.section.load(id),
  },
} satisfies Resolvers;
