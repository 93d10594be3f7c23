// Asking the text itself: sentences by their words, and what is named beside an entity.
import type { EntityKind } from '../../ingest/model.ts';
import { coMentioned, searchSentences, sentenceById, type CoMentionRow, type SentenceRow } from '../../graph/queries/sentences.ts';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { LIMITS, searchText, within } from '../limits.ts';
import { resolveEntity } from './entity.ts';
import { documentFilter } from './query.ts';

export const sentenceResolvers = {
  Query: {
    sentences: async (_: unknown, args: { text: string; first: number; documents?: string[] | null }, context: Context) => {
      const docs = await documentFilter(context, args.documents);
      return searchSentences(context.executor, searchText(args.text), within('first', args.first, 1, LIMITS.sentencesFirst), docs);
    },

    sentence: (_: unknown, args: { id: string }, context: Context) => sentenceById(context.executor, args.id),

    coMentioned: async (_: unknown, args: { id: string; kinds?: EntityKind[] | null; first: number; documents?: string[] | null }, context: Context) => {
      const first = within('first', args.first, 1, LIMITS.coMentionedFirst);
      const docs = await documentFilter(context, args.documents);
      const rows = await coMentioned(context.executor, args.id, args.kinds?.length ? args.kinds : null, first, docs);
      if (!rows) throw notFound('entity', args.id);
      return rows;
    },
  },
  Sentence: {
    section: async (s: SentenceRow, _: unknown, { loaders }: Context) => {
      const row = await loaders.section.load(s.id);
      if (!row) throw new Error(`section ${s.id} vanished during the request`);
      return row;
    },
    document: async (s: SentenceRow, _: unknown, { loaders }: Context) => {
      const row = await loaders.document.load(s.docId);
      if (!row) throw new Error(`document ${s.docId} vanished during the request`);
      return row;
    },
    entities: async (s: SentenceRow, _: unknown, context: Context) => {
      const ids = await context.loaders.sentenceEntities.load(s.id);
      return Promise.all(ids.map((id) => resolveEntity(id, context)));
    },
  },
  CoMention: {
    entity: (c: CoMentionRow, _: unknown, context: Context) => resolveEntity(c.entity, context),
    sentences: (c: CoMentionRow, args: { first: number }) => c.sentences.slice(0, within('first', args.first, 1, LIMITS.mentions)),
  },
};
