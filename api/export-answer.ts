// An export (`/export/<name>?ids=…&depth=…`) worked out in the query thread: the subgraph
// read from Neo4j, rendered in the format asked for, or the error as the client sees it.
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { RELATION_TYPE_NAMES } from '../ingest/model.ts';
import type { Graph } from '../ingest/types.ts';
import { GraphError } from '../graph/errors.ts';
import type { Executor } from '../graph/executor.ts';
import { entitiesByIds } from '../graph/queries/entities.ts';
import { exportGraph } from '../graph/queries/export.ts';
import { neighborhood } from '../graph/queries/neighborhood.ts';
import { jsonAnswer, type HttpAnswer } from './answer-cache.ts';
import { OVERLOADED } from './errors.ts';
import { exportFormat, exportOptions } from './export.ts';
import { LIMITS, listWithin, within } from './limits.ts';

/** `?ids=a,b&depth=2`: the subgraph the explorer would show; no ids: everything. */
async function exportSubgraph(executor: Executor, query: URLSearchParams): Promise<Graph> {
  const rawIds = query.get('ids');
  if (!rawIds) return exportGraph(executor);
  const ids = listWithin(
    'ids',
    rawIds
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    LIMITS.ids,
  );
  const depth = within('depth', Number(query.get('depth') ?? '1'), 0, LIMITS.depth);
  const known = await entitiesByIds(executor, ids);
  const missing = ids.filter((_, i) => !known[i]);
  if (missing.length > 0) throw new GraphQLError(`no entity with id ${missing.join(', ')}`, { extensions: { code: 'NOT_FOUND' } });
  if (depth === 0) return exportGraph(executor, ids);
  const sub = await neighborhood(executor, { ids, depth, kinds: null, types: RELATION_TYPE_NAMES, limit: LIMITS.nodes });
  return exportGraph(
    executor,
    sub.nodes.map((n) => n.id),
  );
}

function failed(logger: Logger, error: unknown): HttpAnswer {
  if (error instanceof GraphQLError) {
    const code = String(error.extensions.code ?? 'BAD_USER_INPUT');
    logger.info({ code, message: error.message }, 'export refused');
    return jsonAnswer(code === 'NOT_FOUND' ? 404 : 400, { code, message: error.message });
  }
  if (error instanceof GraphError && ['DATABASE_UNAVAILABLE', 'TIMEOUT', 'OVERLOADED'].includes(error.code)) {
    logger.warn({ code: error.code, message: error.message }, 'export not served');
    const retry: [string, string][] = error.code === 'OVERLOADED' ? [['retry-after', String(OVERLOADED.retryAfterS)]] : [];
    return jsonAnswer(503, { code: error.code, message: 'the database is unavailable or busy; retry shortly' }, retry);
  }
  logger.error({ err: error }, 'export failed');
  return jsonAnswer(500, { code: 'INTERNAL_SERVER_ERROR', message: 'the export failed' });
}

/** The export `name` (one of EXPORT_NAMES: the HTTP thread answers 404 to any other) with its query string. */
export async function exportAnswer(executor: Executor, logger: Logger, timeoutMs: number, name: string, search: string): Promise<HttpAnswer> {
  const format = exportFormat(name);
  if (!format) return jsonAnswer(404, { code: 'NOT_FOUND', message: `no export named ${JSON.stringify(name.slice(0, 60))}` });
  const query = new URLSearchParams(search);
  try {
    const body = format.render(await exportSubgraph(executor.forRequest(timeoutMs, LIMITS.transactions), query), exportOptions(query));
    return {
      status: 200,
      headers: [
        ['content-type', format.type],
        ['content-disposition', `attachment; filename="innograph-${name}"`],
      ],
      body: new TextEncoder().encode(body),
    };
  } catch (error) {
    return failed(logger, error);
  }
}
