import type { GraphQLResolveInfo } from 'graphql';
import { TEXT_NOT_READ } from '../../graph/queries/projection.ts';
import type { Context } from '../context.ts';
import type { EntityObject } from './entity.ts';
import { folded } from '../fold.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { documentOf } from './relation.ts';

/** A field a folding query may already have read; else its loader. */
function foldedOr<T, R>(load: (parent: T, context: Context) => R | Promise<R>) {
  return (parent: T, args: Record<PropertyKey, never>, context: Context, info: GraphQLResolveInfo): R | Promise<R> => {
    const done = folded(parent, args, info);
    return done ? (done.value as R) : load(parent, context);
  };
}

async function sectionText(id: string, { loaders }: Context): Promise<string> {
  const row = await loaders.section.load(id);
  if (!row) throw new Error(`section ${id} vanished during the request`);
  return row.text;
}

export const documentResolvers = {
  Document: {
    sections: foldedOr((d, { loaders }) => loaders.children.load(d.id)),
  },
  Section: {
    text: foldedOr((s, context) => (s.text === TEXT_NOT_READ ? sectionText(s.id, context) : s.text)),
    // Every section is written with its document and removed with it: a section without one is a broken store, not a null.
    document: foldedOr((s, context) => documentOf(s.docId, context)),
    parent: foldedOr((s, { loaders }) => (s.parentId ? loaders.section.load(s.parentId) : null)),
    children: foldedOr((s, { loaders }) => loaders.children.load(s.id)),
  },
} satisfies Resolvers;

/** One side of compareDocuments: an entity with its mentions in each of the two documents. */
export interface ComparedEntityParent {
  entity: EntityObject;
  a: string;
  b: string;
}

export const comparisonResolvers = {
  ComparedEntity: {
    mentionsA: async (c, _, { loaders }) => (await loaders.mentions.load(c.entity.id)).filter((m) => m.docId === c.a),
    mentionsB: async (c, _, { loaders }) => (await loaders.mentions.load(c.entity.id)).filter((m) => m.docId === c.b),
  },
} satisfies Resolvers;
