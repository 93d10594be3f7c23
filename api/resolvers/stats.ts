import { stats } from '../../graph/queries/stats.ts';
import type { Resolvers } from '../generated/resolvers.ts';

const sum = (counts: { count: number }[]) => counts.reduce((total, c) => total + c.count, 0);

export const statsResolvers = {
  Query: {
    stats: async (_, __, { executor }) => {
      const row = await stats(executor);
      return { ...row, entities: sum(row.byKind), relations: sum(row.byType) };
    },
  },
} satisfies Resolvers;
