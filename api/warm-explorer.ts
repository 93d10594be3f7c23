// The explorer's questions, asked once before the server serves. The API folds each question into
// one statement of the question's own shape (fold.ts, graph/queries/projection.ts), and Neo4j plans
// a statement the first time it meets it: 0.3–1.3 s for the larger ones (a cluster's platforms, a
// city's profile), which the first reader to open such a view would wait for. warmReads
// (graph/queries/warm.ts) plans the unfolded statements; this, the explorer's.
import type { Logger } from 'pino';
import { relationId } from '../ingest/model.ts';
import type { Executor } from '../graph/executor.ts';
import { warmReads } from '../graph/queries/warm.ts';
import { OPERATIONS, type OperationName, type Result, type VariablesArg } from './explorer-operations.ts';
import { LIMITS } from './limits.ts';
import { buildYoga } from './yoga.ts';

/**
 * The whole warm-up's budget: past it the server serves, and what is left of the warm-up goes on
 * beside the first readers. It takes about 2 s on a quiet host; on a busy one it took more than the
 * 120 s the reliability run gives `npm start` to listen, when it held the start until it ended.
 */
export const WARM_UP_BUDGET_MS = 30_000;

/** Sends one GraphQL request (its JSON body) and gives the status and the parsed answer. */
export type AskGraphql = (body: string) => Promise<{ status: number; json: unknown }>;

/** One question of the warm-up and the error it met, if any. */
export interface Warmed {
  operation: OperationName;
  error: { code: string; message: string } | null;
}

/** Errors that say the server is not ready, not that the question is wrong: asking more would only wait. */
const NOT_READY = new Set(['DATABASE_UNAVAILABLE', 'TIMEOUT', 'OVERLOADED']);

/** Questions answered in this process, by the same schema and resolvers as the query thread's. */
export function askInProcess(executor: Executor, logger: Logger): AskGraphql {
  const yoga = buildYoga({ executor, logger, graphiql: false, corsOrigin: null, requestTimeoutMs: WARM_UP_BUDGET_MS });
  return async (body) => {
    const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, json: await response.json().catch(() => null) };
  };
}

/**
 * Asks every operation of the explorer once, one after the other, with ids read from the graph's
 * own answers (its first cities, its first cluster, the plans loaded); an operation with nothing to
 * ask about (a comparison with fewer than two plans) is left out. Then expands the first `expanding`
 * cities as a reader would. Stops at the first sign that Neo4j is not ready, and when the budget is spent.
 */
export async function warmExplorer(ask: AskGraphql, budgetMs = WARM_UP_BUDGET_MS, expanding = Infinity): Promise<Warmed[]> {
  const until = Date.now() + budgetMs;
  const warmed: Warmed[] = [];
  let stopped = false;
  const run = async <K extends OperationName>(operation: K, ...[variables = {}]: VariablesArg<K>): Promise<Result<K> | null> => {
    if (stopped || Date.now() > until) return null;
    const { status, json } = await ask(JSON.stringify({ query: OPERATIONS[operation], variables }));
    const body = (json ?? {}) as { data?: Result<K> | null; errors?: { message: string; extensions?: { code?: string } }[] };
    const first = body.errors?.[0];
    const error = first
      ? { code: first.extensions?.code ?? 'ERROR', message: first.message }
      : status === 200
        ? null
        : { code: `HTTP_${status}`, message: 'no answer' };
    warmed.push({ operation, error });
    if (error && NOT_READY.has(error.code)) stopped = true;
    return body.data ?? null;
  };
  const documents = (await run('documents'))?.documents.map((d) => d.id) ?? [];
  const cities = (await run('cities'))?.entities.edges.map((e) => e.node) ?? [];
  const clusters = (await run('clusters'))?.entities.edges.map((e) => e.node) ?? [];
  await run('indicators');
  const [first, second] = cities;
  if (first) {
    const entity = (await run('entity', { id: first.id }))?.entity;
    await run('neighborhood', { ids: [first.id], depth: 1, kinds: null, types: null, documents: null });
    await run('cityProfile', { city: first.id, documents: null });
    await run('search', { text: first.name, kinds: null, documents: null });
    await run('sentences', { text: first.name, documents: null });
    // A city with no link plans the statement as well, asked for one it does not have.
    await run('relation', { id: entity?.neighbors[0]?.relation.id ?? relationId('COOPERATES_WITH', first.id, second?.id ?? first.id) });
    const section = entity?.mentions[0]?.section.id;
    if (section) {
      await run('section', { id: section });
      // A mention's section is a sentence: as a sentence found by search, opened from an address.
      await run('sentence', { id: section });
    }
    if (second) await run('paths', { from: first.id, to: second.id, onlyCited: false, documents: null });
  }
  if (clusters[0]) await run('platforms', { cluster: clusters[0].id, documents: null });
  if (documents[0] && documents[1]) await run('compare', { a: documents[0], b: documents[1] });
  // Then as a reader starts: the start view's cities expanded one after another, each with its panel,
  // each neighbourhood asked beside what the ones before brought (among), as the explorer asks it. A
  // statement planned is not yet fast: asked right after a warm-up without these, on a Neo4j just
  // started, 深圳's neighbourhood took 92–170 ms and its panel 212–233; after it, 47–50 and 59–91.
  let held: string[] = [];
  for (const city of cities.slice(0, expanding)) {
    await run('entity', { id: city.id });
    const among = held.length > 0 && held.length <= LIMITS.among ? held : null;
    const reached = await run('neighborhood', { ids: [city.id], depth: 1, kinds: null, types: null, documents: null, among });
    held = [...new Set([...held, city.id, ...(reached?.neighborhood.nodes.map((n) => n.id) ?? [])])];
  }
  return warmed;
}

/** Waits for `work`, or `budgetMs` if that comes first (then `onSpent` is told; the work goes on). */
export async function withinBudget(work: Promise<unknown>, budgetMs: number, onSpent: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const spent = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      onSpent();
      resolve();
    }, budgetMs);
  });
  await Promise.race([work, spent]);
  clearTimeout(timer);
}

/**
 * What `npm start` does before it serves: the common reads, then the explorer's questions, within
 * one budget. They are asked here first, where a statement's first planning has the warm-up's
 * deadline rather than a reader's; then, given `thread` (server.ts: the query thread that answers
 * readers), there again, so that the code that answers readers has run before them too. Never
 * throws: a warm-up that fails leaves the first readers slower, nothing worse; what failed is logged.
 */
export async function warmServer(executor: Executor, logger: Logger, thread?: AskGraphql, budgetMs = WARM_UP_BUDGET_MS): Promise<void> {
  const until = Date.now() + budgetMs;
  const warm = (async () => {
    try {
      await warmReads(executor);
      const pass = async (ask: AskGraphql, expanding: number) => {
        const failed = (await warmExplorer(ask, until - Date.now(), expanding)).filter((w) => w.error);
        if (failed.length > 0) logger.warn({ failed }, "warming the explorer's questions: some failed; their first readers may wait");
      };
      // Here, two cities expanded plan the statements of an expansion; the query thread expands them all.
      await pass(askInProcess(executor, logger), 2);
      if (thread) await pass(thread, Infinity);
    } catch (error) {
      logger.warn({ err: error }, 'warming the common reads failed; the first requests may be slow');
    }
  })();
  await withinBudget(warm, budgetMs, () =>
    logger.warn({ budgetMs }, 'the warm-up is past its budget: serving now; the rest of it goes on beside the first readers'),
  );
}
