import type { DocumentRow, SectionRow } from '../../graph/queries/rows.ts';
import type { Context } from '../context.ts';

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
