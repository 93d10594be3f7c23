// The explorer's only door to the server: POST /graphql with an operation from
// api/explorer-operations.ts. Errors come back as ApiError with the server's code, so the UI can
// say "database unavailable — retrying" rather than "something went wrong".
import { OPERATIONS, type OperationName, type Result, type VariablesArg } from '../../api/explorer-operations.ts';

export type { Result, VariablesArg };

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** seconds the server asked to wait (Retry-After), when it did */
    readonly retryAfter: number | null = null,
    /** the id asked for, when the server has nothing with it (NOT_FOUND) */
    readonly id: string | null = null,
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
type Held = { answer: Promise<unknown>; at: number };
const early = new Map<string, Held>();
const keyOf = (operation: OperationName, variables: unknown) => `${operation} ${JSON.stringify(variables)}`;
/** An answer asked ahead is handed over only this soon after it was asked: the graph may change (a plan loaded). */
const EARLY_FRESH_MS = 30_000;
const fresh = (held: Held | undefined): held is Held => !!held && performance.now() - held.at <= EARLY_FRESH_MS;
/** The latest prefetch of each operation: a newer one drops it, so unused answers do not pile up. */
const prefetched = new Map<OperationName, string>();

function hold(operation: OperationName, variables: object): Held {
  const held = { answer: send(operation, variables), at: performance.now() };
  early.set(keyOf(operation, variables), held);
  return held;
}

/** Sends a request now, for a `request` of the same operation and variables to take up later. */
export function askEarly<K extends OperationName>(operation: K, ...[variables = {}]: VariablesArg<K>): void {
  // A failure is reported to the request that takes it up (and retried there), not here.
  hold(operation, variables).answer.catch(() => undefined);
}

/** Asks now what the reader is likely to ask next; only the latest prefetch of an operation is kept. */
export function prefetch<K extends OperationName>(operation: K, ...[variables = {}]: VariablesArg<K>): void {
  const key = keyOf(operation, variables);
  if (fresh(early.get(key))) return;
  const last = prefetched.get(operation);
  if (last) early.delete(last);
  prefetched.set(operation, key);
  const held = hold(operation, variables);
  // A guess that failed is forgotten: the request, if it comes, asks for itself.
  held.answer.catch(() => {
    if (early.get(key) === held) early.delete(key);
  });
}

export function request<K extends OperationName>(operation: K, ...[variables = {}]: VariablesArg<K>): Promise<Result<K>> {
  const key = keyOf(operation, variables);
  const held = early.get(key);
  early.delete(key);
  return fresh(held) ? (held.answer as Promise<Result<K>>) : send(operation, variables);
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
  const body = (await response.json().catch(() => ({}))) as { data?: Result<K>; errors?: { message: string; extensions?: { code?: string; id?: string } }[] };
  const error = body.errors?.[0];
  const retryAfter = Number(response.headers.get('retry-after')) || null;
  if (error) throw new ApiError(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.message, retryAfter, error.extensions?.id ?? null);
  if (!body.data) throw new ApiError(`HTTP_${response.status}`, `the server answered ${response.status}`);
  return body.data;
}
