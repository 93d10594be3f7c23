// A relation said in words names its source first and its target last, as it is stored,
// whichever way the reader reached it: a path's walk, a neighbour seen from its other end,
// a platform's route to a cluster. Pure, so the rule is tested without a browser.
import type { Relation } from './types.ts';

/** The relation's two ends among `ends`, source first; an end missing from them is a bug in the caller. */
export function stated<E extends { id: string }>(relation: Pick<Relation, 'id' | 'from' | 'to'>, ends: Iterable<E>): [E, E] {
  const byId = new Map([...ends].map((e) => [e.id, e]));
  const source = byId.get(relation.from.id);
  const target = byId.get(relation.to.id);
  if (!source || !target) throw new Error(`relation ${relation.id}: its ends ${relation.from.id} and ${relation.to.id} are not among those given`);
  return [source, target];
}
