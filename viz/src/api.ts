// The explorer's only door to the server: POST /graphql with an operation from
// operations.ts. Errors come back as ApiError with the server's code, so the UI can
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
import { OPERATIONS, type OperationName } from './operations.ts';

/** Every operation's name must be listed: an operation added to operations.ts without its types fails to compile. */
type Listed<T extends Record<OperationName, { result: unknown; variables: unknown }>> = T;

/** What each operation returns and takes, as `npm run codegen` generates them from operations.ts. */
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

export async function request<K extends OperationName>(operation: K, ...[variables = {}]: VariablesArg<K>): Promise<Result<K>> {
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
