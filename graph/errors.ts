// Typed errors for everything that crosses the database boundary, so callers
// (the API, the CLI, tests) can branch on a code instead of parsing messages.
import { Neo4jError, error as driverErrors } from 'neo4j-driver';

const { SERVICE_UNAVAILABLE, SESSION_EXPIRED } = driverErrors;

export type GraphErrorCode =
  | 'DATABASE_UNAVAILABLE'
  | 'OVERLOADED'
  | 'LIMIT_EXCEEDED'
  | 'AUTH_FAILED'
  | 'TIMEOUT'
  | 'BAD_QUERY'
  | 'CONSTRAINT_VIOLATION'
  | 'NEO4J_NOT_FOUND'
  | 'LAUNCHER_FAILED'
  | 'WRITE_FAILED'
  | 'IMPORT_REFUSED'
  | 'IMPORT_FAILED';

export class GraphError extends Error {
  constructor(
    readonly code: GraphErrorCode,
    message: string,
    readonly context: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraphError';
  }
}

/** Node's codes for a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE']);

function isNetworkError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && NETWORK_CODES.has(error.code);
}

/**
 * Turns what the driver or the network threw into a GraphError that says what was being
 * done. Anything else — a TypeError in our own code, a failed check — is returned as it
 * is: reporting a bug as "database unavailable" would send everyone to look at the wrong thing.
 */
export function toGraphError(error: unknown, doing: string, context: Record<string, unknown> = {}): unknown {
  if (error instanceof GraphError) return error;
  if (!(error instanceof Neo4jError) && !isNetworkError(error)) return error;
  const code = error instanceof Neo4jError ? error.code : '';
  const detail = (error as Error).message;
  const withContext = { ...context, neo4jCode: code || undefined };
  // The driver's pool is full: Neo4j is up, this process has too much in flight.
  if (/Connection acquisition timed out/.test(detail)) {
    return new GraphError('OVERLOADED', `${doing}: every connection to Neo4j is busy (${detail})`, withContext, { cause: error });
  }
  if (code === SERVICE_UNAVAILABLE || code === SESSION_EXPIRED || isNetworkError(error)) {
    return new GraphError('DATABASE_UNAVAILABLE', `${doing}: Neo4j is unavailable (${detail})`, withContext, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new GraphError('AUTH_FAILED', `${doing}: Neo4j refused the credentials (${detail})`, withContext, { cause: error });
  }
  if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code.includes('TransactionTimedOut')) {
    return new GraphError('TIMEOUT', `${doing}: the transaction exceeded its time limit`, withContext, { cause: error });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new GraphError('CONSTRAINT_VIOLATION', `${doing}: ${detail}`, withContext, { cause: error });
  }
  if (code.startsWith('Neo.ClientError.')) {
    return new GraphError('BAD_QUERY', `${doing}: ${detail}`, withContext, { cause: error });
  }
  // The server's own failures (Neo.TransientError, Neo.DatabaseError) and the driver's protocol errors.
  return new GraphError('DATABASE_UNAVAILABLE', `${doing}: ${detail}`, withContext, { cause: error });
}
