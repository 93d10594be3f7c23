// A Neo4j that has just started answers its first queries slowly: each statement is
// planned and compiled, the full-text index opened, pages read from disk. Under a
// request's deadline those first answers time out, and each time-out throws the work
// away, so a busy server can stay unusable long after it is back. Run once without
// that deadline, the common read statements are ready before users' requests need them.
import { RELATION_TYPE_NAMES } from '../../ingest/model.ts';
import type { Executor } from '../executor.ts';
import { cityProfile } from './city-profile.ts';
import { listEntities } from './entities.ts';
import { neighborhood } from './neighborhood.ts';
import { paths } from './paths.ts';
import { placesForCluster, platformsForCluster } from './platforms.ts';
import { search } from './search.ts';
import { stats } from './stats.ts';

/** A warm-up is a dozen reads; on a just-started server under load each may take seconds. */
const WARM_UP_TIMEOUT_MS = 120_000;

/** Runs each common read once, in order, under one generous deadline; an id that does not exist still plans its statement. */
export async function warmReads(server: Executor): Promise<void> {
  const executor = server.forRequest(WARM_UP_TIMEOUT_MS, Number.MAX_SAFE_INTEGER);
  // Two ids: a path from an entity to itself is an error in Neo4j, and the API refuses to ask for one.
  const [first, second] = (await listEntities(executor, { kind: null, city: null, first: 2, afterId: null })).rows;
  const id = first?.id ?? 'warm-up';
  const other = second?.id ?? 'warm-up-other';
  await stats(executor);
  await search(executor, '实验室', null, 10);
  await search(executor, 'shenzhen', null, 10);
  await neighborhood(executor, { ids: [id], depth: 2, kinds: null, types: RELATION_TYPE_NAMES, limit: 200 });
  await paths(executor, { from: id, to: other, maxHops: 4, limit: 5, types: RELATION_TYPE_NAMES, onlyCited: false });
  await platformsForCluster(executor, { cluster: id });
  await placesForCluster(executor, { cluster: id });
  await cityProfile(executor, id);
}
