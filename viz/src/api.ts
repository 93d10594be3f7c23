// The explorer's only door to the server: POST /graphql with an operation from
// operations.ts. Errors come back as ApiError with the server's code, so the UI can
// say "database unavailable — retrying" rather than "something went wrong".
import { OPERATIONS, type OperationName } from './operations.ts';

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

export async function request<T>(operation: OperationName, variables: Record<string, unknown> = {}): Promise<T> {
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
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  const error = body.errors?.[0];
  const retryAfter = Number(response.headers.get('retry-after')) || null;
  if (error) throw new ApiError(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.message, retryAfter);
  if (!body.data) throw new ApiError(`HTTP_${response.status}`, `the server answered ${response.status}`);
  return body.data;
}
