import { TEXT_NOT_READ } from '../../graph/queries/projection.ts';
import type { EntityObject } from './entity.ts';
import { foldedOr } from '../fold.ts';
import type { Resolvers } from '../generated/resolvers.ts';
import { documentOf, sectionOf } from './relation.ts';

export const documentResolvers = {
  Document: {
    sections: foldedOr((d, { loaders }) => loaders.children.load(d.id)),
  },
  Section: {
    text: foldedOr(async (s, context) => (s.text === TEXT_NOT_READ ? (await sectionOf(s.id, context)).text : s.text)),
    // A section is written and removed with its document and its parent: one that is missing is a broken
    // store to report, not a null (which would call a nested section top-level).
    document: foldedOr((s, context) => documentOf(s.docId, context)),
    parent: foldedOr((s, context) => (s.parentId ? sectionOf(s.parentId, context) : null)),
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
