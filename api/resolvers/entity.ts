// Entities: one GraphQL type per kind (derived from ingest/model.ts), all sharing
// the fields of the Entity interface; nested fields go through the loaders.
import { KINDS, type EntityKind } from '../../ingest/model.ts';
import type { NeighborValue } from '../../graph/queries/projection.ts';
import type { DocumentRow, EntityPart, MentionRow } from '../../graph/queries/rows.ts';
import type { Context } from '../context.ts';
import { folded, foldedOr } from '../fold.ts';
import type { CityResolvers, Resolvers } from '../generated/resolvers.ts';
import { LIMITS, within } from '../limits.ts';

/**
 * An entity as resolvers pass it on: its kind-specific properties become fields (tier,
 * baseline …). A folded one holds only the fields its selection names.
 */
export type EntityObject = EntityPart & Record<string, unknown>;

export function entityObject(row: EntityPart): EntityObject {
  return { ...row.props, ...row };
}

/** Fields that hold an id or need a loader; accepted as an id or as an already-loaded entity. */
export async function resolveEntity(ref: string | EntityObject, { loaders }: Context): Promise<EntityObject> {
  if (typeof ref !== 'string') return ref;
  const row = await loaders.entity.load(ref);
  if (!row) throw new Error(`entity ${ref} vanished during the request`);
  return entityObject(row);
}

/** The fields every kind resolves alike (every kind's parent is an EntityObject, so one kind's resolver types fit all). */
const entityFields = {
  city: async (e, args, context, info) => {
    const done = folded(e, args, info);
    if (done) return done.value ? entityObject(done.value as EntityPart) : null;
    return e.city ? resolveEntity(e.city, context) : null;
  },
  mentions: async (e, args, { loaders }, info) => {
    const done = folded(e, args, info);
    if (done) return done.value as MentionRow[];
    return (await loaders.mentions.load(e.id)).slice(0, within('first', args.first, 1, LIMITS.mentions));
  },
  documents: foldedOr(async (e: EntityObject, { loaders }) => {
    const docs = await loaders.document.loadMany(await loaders.entityDocuments.load(e.id));
    return docs.filter((d): d is DocumentRow => d !== null && !(d instanceof Error));
  }),
  neighbors: async (e, args, { loaders }, info) => {
    const done = folded(e, args, info);
    if (done) return (done.value as NeighborValue[]).map((n) => ({ ...n, entity: entityObject(n.entity) }));
    const first = within('first', args.first, 1, LIMITS.neighbors);
    const rows = await loaders.neighbors.load({ id: e.id, types: args.relationTypes?.length ? args.relationTypes : null, direction: args.direction, first });
    return rows.map((r) => ({ relation: r.relation, entity: r.other, direction: r.direction }));
  },
} satisfies CityResolvers;

/** A list prop stored empty may read back as none. */
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export const entityResolvers = {
  Entity: {
    __resolveType: (e) => e.kind,
  },
  ...(Object.fromEntries(KINDS.map((kind) => [kind, entityFields])) as Record<EntityKind, typeof entityFields>),
  Indicator: {
    ...entityFields,
    notes: (e) => texts(e.notes),
    tableNotes: (e) => texts(e.tableNotes),
    notesEn: (e) => texts(e.notesEn),
    tableNotesEn: (e) => texts(e.tableNotesEn),
    note: (e) => [...texts(e.tableNotes), ...texts(e.notes)].join(' ') || null,
    table: async (e, _args, { loaders }) => (typeof e.table === 'string' ? loaders.section.load(e.table) : null),
    // The row is one of the indicator's mentions: the sentence it was read from.
    tableRow: async (e, _args, { loaders }) =>
      typeof e.rowSentence === 'string' ? ((await loaders.mentions.load(e.id)).find((m) => m.sectionId === e.rowSentence) ?? null) : null,
  },
} satisfies Resolvers;
