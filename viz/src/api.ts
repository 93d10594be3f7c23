// The explorer's only door to the server: POST /graphql with an operation from
// api/explorer-operations.ts. Errors come back as ApiError with the server's code, so the UI can
// say "database unavailable — retrying" rather than "something went wrong".
import type {
  CitiesQuery,
  CitiesQueryVariables,
  CityProfileQuery,
  CityProfileQueryVariables,
  ClustersQuery,
  ClustersQueryVariables,
  CompareQuery,
  CompareQueryVariables,
  DocumentsQuery,
  DocumentsQueryVariables,
  EntityQuery,
  EntityQueryVariables,
  IndicatorsQuery,
  IndicatorsQueryVariables,
  NeighborhoodQuery,
  NeighborhoodQueryVariables,
  PathsQuery,
  PathsQueryVariables,
  PlatformsQuery,
  PlatformsQueryVariables,
  SearchQuery,
  SearchQueryVariables,
  SectionQuery,
  SectionQueryVariables,
  SentencesQuery,
  SentencesQueryVariables,
} from './generated/operations.ts';
import { OPERATIONS, type OperationName } from '../../api/explorer-operations.ts';

/** Every operation's name must be listed: an operation added to explorer-operations.ts without its types fails to compile. */
type Listed<T extends Record<OperationName, { result: unknown; variables: unknown }>> = T;

/** What each operation returns and takes, as `npm run codegen` generates them from api/explorer-operations.ts. */
type OperationTypes = Listed<{
  search: { result: SearchQuery; variables: SearchQueryVariables };
  neighborhood: { result: NeighborhoodQuery; variables: NeighborhoodQueryVariables };
  entity: { result: EntityQuery; variables: EntityQueryVariables };
  paths: { result: PathsQuery; variables: PathsQueryVariables };
  clusters: { result: ClustersQuery; variables: ClustersQueryVariables };
  platforms: { result: PlatformsQuery; variables: PlatformsQueryVariables };
  cities: { result: CitiesQuery; variables: CitiesQueryVariables };
  cityProfile: { result: CityProfileQuery; variables: CityProfileQueryVariables };
  indicators: { result: IndicatorsQuery; variables: IndicatorsQueryVariables };
  section: { result: SectionQuery; variables: SectionQueryVariables };
  documents: { result: DocumentsQuery; variables: DocumentsQueryVariables };
  compare: { result: CompareQuery; variables: CompareQueryVariables };
  sentences: { result: SentencesQuery; variables: SentencesQueryVariables };
}>;

export type Result<K extends OperationName> = OperationTypes[K]['result'];

/** The variables argument: required when the operation has a required variable, else optional. */
export type VariablesArg<K extends OperationName> =
  Record<never, never> extends OperationTypes[K]['variables'] ? [variables?: OperationTypes[K]['variables']] : [variables: OperationTypes[K]['variables']];

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** seconds the server asked to wait (Retry-After), when it did */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Answers asked for before anyone requested them, by operation and variables: the first
 * questions (early.ts) and what the reader is likely to ask next (prefetch). Each is handed to
 * the first request for the same, if it comes while the answer is still fresh.
 */
const early = new Map<string, { answer: Promise<unknown>; at: number }>();
const keyOf = (operation: OperationName, variables: unknown) => `${operation} ${JSON.stringify(variables)}`;
/** Older than this, an answer asked ahead may no longer be the graph's: it is asked again. */
const EARLY_FRESH_MS = 30_000;
/** The latest prefetch of each operation: a newer one drops it, so unused answers do not pile up. */
const prefetched = new Map<OperationName, string>();

/** Sends a request now, for a `request` of the same operation and variables to take up later. */
export function askEarly<K extends OperationName>(operation: K, ...[variables = {}]: VariablesArg<K>): void {
  const answer = send(operation, variables);
  // A failure is reported to the request that takes it up (and retried there), not here.
  answer.catch(() => undefined);
  early.set(keyOf(operation, variables), { answer, at: performance.now() });
}

/** Asks now what the reader is likely to ask next; only the latest prefetch of an operation is kept. */
export function prefetch<K extends OperationName>(operation: K, ...[variables = {}]: VariablesArg<K>): void {
  const key = keyOf(operation, variables);
  if (early.has(key)) return;
  const last = prefetched.get(operation);
  if (last) early.delete(last);
  prefetched.set(operation, key);
  askEarly(operation, ...([variables] as VariablesArg<K>));
}

export function request<K extends OperationName>(operation: K, ...[variables = {}]: VariablesArg<K>): Promise<Result<K>> {
  const key = keyOf(operation, variables);
  const asked = early.get(key);
  early.delete(key);
  if (!asked || performance.now() - asked.at > EARLY_FRESH_MS) return send(operation, variables);
  return asked.answer as Promise<Result<K>>;
}

async function send<K extends OperationName>(operation: K, variables: object): Promise<Result<K>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: OPERATIONS[operation], variables }),
    });
  } catch {
    throw new ApiError('NETWORK', 'the server cannot be reached');
  }
  const body = (await response.json().catch(() => ({}))) as { data?: Result<K>; errors?: { message: string; extensions?: { code?: string } }[] };
  const error = body.errors?.[0];
  const retryAfter = Number(response.headers.get('retry-after')) || null;
  if (error) throw new ApiError(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.message, retryAfter);
  if (!body.data) throw new ApiError(`HTTP_${response.status}`, `the server answered ${response.status}`);
  return body.data;
}
