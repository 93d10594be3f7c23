// The explorer's questions, asked once when the server starts. The API folds each question into
// one statement of the question's own shape (fold.ts, graph/queries/projection.ts), and Neo4j plans
// a statement the first time it meets it: 0.3–1.3 s for the larger ones (a cluster's platforms, a
// city's profile, the paths between two places), which the first reader to open such a view would
// wait for. warmReads (graph/queries/warm.ts) plans the unfolded statements; this, the explorer's.
import type { Logger } from 'pino';
import type { Executor } from '../graph/executor.ts';
import { OPERATIONS, type OperationName } from './explorer-operations.ts';
import { buildYoga } from './yoga.ts';

/** A warm-up is a dozen questions; on a just-started server under load each may take seconds. */
const WARM_UP_TIMEOUT_MS = 120_000;

/** One question of the warm-up and the error it met, if any. */
export interface Warmed {
  operation: OperationName;
  error: string | null;
}

type Data = Record<string, unknown> | null;

/** The ids (and names) of an entity list's answer: `entities { edges { node { id name } } }`. */
function entitiesOf(data: Data): { id: string; name: string }[] {
  const edges = (data?.entities as { edges?: { node: { id: string; name: string } }[] } | undefined)?.edges ?? [];
  return edges.map((e) => e.node);
}

/**
 * Asks every operation of the explorer once, one after the other, with ids read from the graph's
 * own answers (its first cities, its first cluster, the plans loaded); an operation with nothing to
 * ask about (a comparison with fewer than two plans) is left out. The questions are answered in
 * this process, as the query thread would answer them: the statements are the same, and Neo4j
 * keeps their plans for every client.
 */
export async function warmExplorer(executor: Executor, logger: Logger): Promise<Warmed[]> {
  const yoga = buildYoga({ executor, logger, graphiql: false, corsOrigin: null, requestTimeoutMs: WARM_UP_TIMEOUT_MS });
  const warmed: Warmed[] = [];
  const run = async (operation: OperationName, variables: Record<string, unknown> = {}): Promise<Data> => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: OPERATIONS[operation], variables }),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: Data; errors?: { message: string }[] };
    warmed.push({ operation, error: body.errors?.[0]?.message ?? (response.status === 200 ? null : `HTTP ${response.status}`) });
    return body.data ?? null;
  };
  const documents = ((await run('documents'))?.documents as { id: string }[] | undefined)?.map((d) => d.id) ?? [];
  const cities = entitiesOf(await run('cities'));
  const clusters = entitiesOf(await run('clusters'));
  await run('indicators');
  const [first, second] = cities;
  if (first) {
    const entity = (await run('entity', { id: first.id }))?.entity as { mentions?: { section: { id: string } }[] } | undefined;
    await run('neighborhood', { ids: [first.id], depth: 1, kinds: null, types: null, documents: null });
    await run('cityProfile', { city: first.id, documents: null });
    await run('search', { text: first.name, kinds: null, documents: null });
    await run('sentences', { text: first.name, documents: null });
    const section = entity?.mentions?.[0]?.section.id;
    if (section) await run('section', { id: section });
    if (second) await run('paths', { from: first.id, to: second.id, onlyCited: false, documents: null });
  }
  if (clusters[0]) await run('platforms', { cluster: clusters[0].id, documents: null });
  if (documents.length >= 2) await run('compare', { a: documents[0], b: documents[1] });
  return warmed;
}
