// The neighbours of the expanded entities, asked for one expansion at a time. Asked for all of
// them again at each expansion, the answer grew with each (广州 after 东莞 and 深圳: 53 KB, 60–110 ms
// of the server's time) and was cut at the question's limit, dropping what had been shown. The
// server answers for the entity just expanded with the links between its neighbours and the
// entities already held (`among`): merged with the answer held, that is the answer for all.
import type { Subgraph } from './types.ts';

export interface HeldNeighbours {
  /** the documents the answer is limited to (null: all), as the question named them */
  documents: string | null;
  /** the expanded entities it answers for, in the order they were expanded */
  ids: readonly string[];
  sub: Subgraph;
  /** performance.now() when it came */
  at: number;
}

/**
 * An answer held longer than this is not built on: the graph may have changed (a plan loaded), and
 * the question for all asks afresh. A reader expanding one node after another stays well within it.
 */
export const HELD_FRESH_MS = 60_000;
/** Entities held beyond this are not named one by one: the question for all is asked (LIMITS.among bounds it on the server). */
export const AMONG_MOST = 1000;

export interface NeighbourQuestion {
  ids: string[];
  /** the entities held whose links to the newcomers come too, when the question builds on `base` */
  among: string[] | null;
  base: HeldNeighbours | null;
}

/** The question for the neighbours of `expanded`: of the last alone, among those held, when what is held answers for all the others. */
export function neighbourQuestion(held: HeldNeighbours | null, expanded: readonly string[], documents: string | null, now: number): NeighbourQuestion {
  const base =
    held &&
    held.documents === documents &&
    now - held.at <= HELD_FRESH_MS &&
    expanded.length === held.ids.length + 1 &&
    held.ids.every((id, i) => expanded[i] === id) &&
    held.sub.nodes.length <= AMONG_MOST
      ? held
      : null;
  if (!base) return { ids: [...expanded], among: null, base: null };
  return { ids: [expanded.at(-1)!], among: base.sub.nodes.map((n) => n.id), base };
}

/**
 * What is held once `answer` came to `question`: the answer merged into its base, in the order the
 * answer for all comes in (the expanded entities first, as expanded, then the rest by id; the
 * links by id), so that a picture is the same whichever way its neighbours were asked for.
 */
export function heldAfter(question: NeighbourQuestion, expanded: readonly string[], documents: string | null, answer: Subgraph, now: number): HeldNeighbours {
  const nodes = new Map((question.base?.sub.nodes ?? []).map((n) => [n.id, n]));
  for (const n of answer.nodes) nodes.set(n.id, n);
  const edges = new Map((question.base?.sub.edges ?? []).map((e) => [e.id, e]));
  for (const e of answer.edges) edges.set(e.id, e);
  const first = new Map(expanded.map((id, i) => [id, i]));
  const rank = (id: string) => first.get(id) ?? expanded.length;
  const sub: Subgraph = {
    nodes: [...nodes.values()].sort((a, b) => rank(a.id) - rank(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    edges: [...edges.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
  return { documents, ids: [...expanded], sub, at: now };
}
