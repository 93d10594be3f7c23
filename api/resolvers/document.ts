import type { DocumentRow, SectionRow } from '../../graph/queries/rows.ts';
import type { Context } from '../context.ts';
import type { EntityObject } from './entity.ts';

export const documentResolvers = {
  Document: {
    sections: (d: DocumentRow, _: unknown, { loaders }: Context) => loaders.children.load(d.id),
  },
  Section: {
    document: (s: SectionRow, _: unknown, { loaders }: Context) => loaders.document.load(s.docId),
    parent: (s: SectionRow, _: unknown, { loaders }: Context) => (s.parentId ? loaders.section.load(s.parentId) : null),
    children: (s: SectionRow, _: unknown, { loaders }: Context) => loaders.children.load(s.id),
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
