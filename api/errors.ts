// The errors a client may see, each with an extensions.code it can branch on.
import { GraphQLError } from 'graphql';

/** What an overloaded server says, and how long it asks a client to wait (Retry-After), wherever it says it. */
export const OVERLOADED = { message: 'The server is busy; retry shortly.', retryAfterS: 2 };

export function badInput(message: string, limit?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(limit ? { limit } : {}) } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`no ${what} with id ${JSON.stringify(id)}`, { extensions: { code: 'NOT_FOUND', id } });
}
