import type { GraphQLResolveInfo } from 'graphql';
import { TEXT_NOT_READ } from '../../graph/queries/projection.ts';
import type { DocumentRow, SectionRow } from '../../graph/queries/rows.ts';
import type { Context } from '../context.ts';
import type { EntityObject } from './entity.ts';
import { folded } from '../fold.ts';

/** A field a folding query may already have read; else its loader. */
function foldedOr<T>(load: (parent: T, loaders: Context['loaders']) => unknown) {
  return (parent: T, args: Record<string, never>, { loaders }: Context, info: GraphQLResolveInfo) => {
    const done = folded(parent, args, info);
    return done ? done.value : load(parent, loaders);
  };
}

export const documentResolvers = {
  Document: {
    sections: foldedOr((d: DocumentRow, loaders) => loaders.children.load(d.id)),
  },
  Section: {
    text: foldedOr(async (s: SectionRow, loaders) => (s.text === TEXT_NOT_READ ? ((await loaders.section.load(s.id))?.text ?? '') : s.text)),
    document: foldedOr((s: SectionRow, loaders) => loaders.document.load(s.docId)),
    parent: foldedOr((s: SectionRow, loaders) => (s.parentId ? loaders.section.load(s.parentId) : null)),
    children: foldedOr((s: SectionRow, loaders) => loaders.children.load(s.id)),
  },
};

/** One side of compareDocuments: an entity with its mentions in each of the two documents. */
interface ComparedEntity {
  entity: EntityObject;
  a: string;
  b: string;
}

export const comparisonResolvers = {
  ComparedEntity: {
    mentionsA: async (c: ComparedEntity, _: unknown, { loaders }: Context) => (await loaders.mentions.load(c.entity.id)).filter((m) => m.docId === c.a),
    mentionsB: async (c: ComparedEntity, _: unknown, { loaders }: Context) => (await loaders.mentions.load(c.entity.id)).filter((m) => m.docId === c.b),
  },
};
